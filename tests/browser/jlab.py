"""Driving JupyterLab as a person would: open a notebook, Run All, read the page, operate widget controls."""

from __future__ import annotations

import re
import time

from alliancelab.contracts import Contract, Control

STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'

ARM_REPAINT = """
(args) => {
  const box = document.querySelector(args.sel);
  const plot = () => box.querySelector('.js-plotly-plot');
  const snap = () => { const gd = plot(); return gd && gd.data ? JSON.stringify(gd.data.map(t => [t.x, t.y, t.z, t.text, t.visible])) + JSON.stringify(gd.layout && gd.layout.yaxis && gd.layout.yaxis.type) : null; };
  const before = snap();
  const textBefore = box.innerText;
  window.__t0 = null;
  const mark = (e) => { if (e.type !== 'keydown' || e.key === 'Enter') window.__t0 = performance.now(); };
  document.addEventListener('change', mark, true);
  document.addEventListener('keydown', mark, true);
  document.addEventListener('click', mark, true);
  window.__repaint = new Promise(resolve => {
    const done = () => {
      const textOk = !args.text || box.innerText.includes(args.text);
      const figOk = !args.figure || (snap() !== null && snap() !== before);
      const changed = args.text || args.figure ? true : box.innerText !== textBefore;
      if (window.__t0 !== null && textOk && figOk && changed) {
        obs.disconnect();
        resolve(performance.now() - window.__t0);
      }
    };
    const obs = new MutationObserver(done);
    obs.observe(box, {subtree: true, childList: true, characterData: true, attributes: true});
  });
}
"""


def open_notebook(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=60_000)


WEBSOCKET = re.compile(r"^(?P<t>[0-9.]+) debug: Starting WebSocket: \S*/api/kernels/(?P<kernel>[0-9a-f-]+)")


def settle_kernel(page, lab, relpath: str, quiet_s: float = 2.0, timeout_s: float = 60.0) -> str:
    """Wait until the notebook has exactly one kernel, the page is connected to that kernel, no new kernel
    connection has started for `quiet_s` seconds, and the status bar says Idle. Returns the kernel id.

    JupyterLab sometimes replaces a freshly opened notebook's kernel within the first second (two kernel
    connections start, the first is shut down). Cells queued by Run All before that are silently dropped, so the
    run stops part-way with no error. Waiting for the kernel to settle makes Run All reliable.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        kernels = lab.kernels_of(relpath)
        starts = [m for m in (WEBSOCKET.match(line) for line in page.console_lines) if m]
        last = starts[-1] if starts else None
        status = page.locator(".jp-StatusBar-Widget", has_text=re.compile(r"\| Idle")).count()
        if (len(kernels) == 1 and last is not None and last["kernel"] == kernels[0]
                and time.monotonic() - float(last["t"]) >= quiet_s and status):
            return kernels[0]
        if time.monotonic() > deadline:
            raise AssertionError(f"{relpath}: kernel did not settle in {timeout_s} s (server kernels {kernels}, "
                                 f"last page connection {last['kernel'] if last else None}, idle shown {bool(status)})")
        time.sleep(0.25)


# A cell stored with its source hidden (the collapsed "# Check ..." cells) shows an empty placeholder prompt,
# never [n]: it is left out here; the cells after it show that it ran.
ALL_DONE = """() => {
    const prompts = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt:not(.jp-Placeholder-prompt)')];
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""
STARTED = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt:not(.jp-Placeholder-prompt)')]
    .some(p => /\\[(\\d+|\\*)\\]/.test(p.textContent))"""


def run_all(page, timeout_ms: int = 90_000) -> None:
    """Run → Run All Cells, as a person would; retry the menu if the click did not start execution."""
    for attempt in range(3):
        page.keyboard.press("Escape")
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        try:
            page.wait_for_function(STARTED, timeout=10_000)
            break
        except Exception:
            if attempt == 2:
                raise
    page.wait_for_function(ALL_DONE, timeout=timeout_ms)
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=timeout_ms)


def error_outputs(page) -> list[str]:
    texts = page.locator(STDERR).all_inner_texts()
    return [t for t in texts if "Traceback" in t or re.search(r"\w+Error\b", t)]


def plotly_count(page) -> int:
    return page.locator(".jp-NotebookPanel .js-plotly-plot").count()


def operate(page, box, control: Control) -> None:
    """Change one control the way a person would."""
    if control.kind == "dropdown":
        box.locator(".widget-dropdown").filter(has_text=control.label).locator("select").select_option(label=control.set_to)
    elif control.kind == "slider":
        readout = box.locator(".widget-slider").filter(has_text=control.label).locator(".widget-readout").first
        readout.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(control.set_to)
        page.keyboard.press("Enter")
    elif control.kind == "checkbox":
        box.locator(".widget-checkbox").filter(has_text=control.label).locator("input[type=checkbox]").click()
    elif control.kind == "text":
        field = box.locator(".widget-text").filter(has_text=control.label).locator("input")
        field.fill(control.set_to)
        field.press("Enter")
    elif control.kind == "toggle":
        box.locator(".widget-toggle-buttons").filter(has_text=control.label).get_by_role("button", name=control.set_to).click()
    elif control.kind == "select":
        box.locator(".widget-select").filter(has_text=control.label).locator("select").select_option(label=control.set_to)
    else:
        raise ValueError(f"unknown control kind {control.kind}")


def drive(page, contract: Contract, index: int = 0) -> dict[str, float]:
    """Operate every control of one explorer; return input-to-repaint milliseconds per control."""
    selector = f".{contract.css_class}"
    box = page.locator(selector).nth(index)
    box.scroll_into_view_if_needed()
    times = {}
    for control in contract.controls:
        page.evaluate(ARM_REPAINT, {"sel": selector, "text": control.expect_text, "figure": control.expect_figure_change})
        operate(page, box, control)
        ms = page.evaluate("() => Promise.race([window.__repaint, new Promise((_, no) => setTimeout(() => no(new Error('no repaint within 10 s')), 10000))])")
        if control.expect_text:
            assert control.expect_text in box.inner_text(), f"{contract.explorer}: '{control.label}' -> expected text {control.expect_text!r}"
        times[control.label] = ms
    return times
