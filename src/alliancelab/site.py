"""What no book tool does offline: executing the lessons with every widget rendered as static HTML.

`make book` (``alliancelab.book``) executes each lesson notebook in a fresh kernel through :func:`execute`, then
hands the executed notebooks to Sphinx. Inside that kernel (``ALLIANCELAB_STATIC_HTML=1``, read by
``alliancelab/__init__.py``) :func:`enable_static_widgets` makes every widget display as HTML: an explorer is shown
as it starts, its figure (still interactive), its text and the starting value of each control, with a note saying
how to use it live. Plotly figures become placeholder divs (:func:`figure_div`) holding the figure's JSON, which the
book's script draws with the plotly.js copied beside the pages, so figures stay interactive (hover, zoom, legend)
with no server and nothing fetched. Used naively, Sphinx would drop every plotly output and load widget scripts
from CDNs.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
from pathlib import Path

STATIC_ENV = "ALLIANCELAB_STATIC_HTML"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
FIGURE_CLASS = "alliancelab-static-figure"


# --------------------------------------------------------------------------- inside the kernel


def figure_div(figure_json: dict | str) -> str:
    """A placeholder div the page's script turns into an interactive plotly figure."""
    text = figure_json if isinstance(figure_json, str) else json.dumps(figure_json, separators=(",", ":"))
    return f"<div class='{FIGURE_CLASS}' data-figure='{html.escape(text, quote=True)}'></div>"


def widget_html(widget) -> str:
    """Static HTML for a widget tree: figures as figure divs, HTML as is, controls as their starting value."""
    import ipywidgets
    import plotly.graph_objects as go

    if isinstance(widget, go.FigureWidget):
        return figure_div(widget.to_json())
    if isinstance(widget, ipywidgets.HTML):
        return f"<div class='alliancelab-static-html'>{widget.value}</div>"
    if isinstance(widget, ipywidgets.Box):
        inner = "".join(widget_html(c) for c in widget.children)
        return f"<div class='alliancelab-static-box'>{inner}</div>"
    if isinstance(widget, ipywidgets.Output):
        return "<div class='alliancelab-static-output'><em>(output shown when the notebook runs)</em></div>"
    description = getattr(widget, "description", "") or type(widget).__name__
    value = getattr(widget, "value", "")
    if isinstance(value, (list, tuple)):
        value = " – ".join(map(str, value))
    label = getattr(widget, "label", None)
    shown = label if isinstance(label, str) and label else value
    return (f"<p class='alliancelab-static-control'><strong>{html.escape(str(description))}</strong>: "
            f"{html.escape(str(shown))}</p>")


NOTE = ("<p class='alliancelab-static-note'>This explorer is shown as it starts. Its figure is interactive; to change "
        "its controls, run the notebook: use the launch button at the top of the page (Binder or your JupyterHub), or "
        "download the notebook and open it in JupyterLab (<code>make lab</code>).</p>")


def enable_static_widgets() -> None:
    """In the book build's kernel, widgets display as static HTML instead of live widget views."""
    import ipywidgets

    def _repr_mimebundle_(self, **kwargs):
        return {"text/html": "<div class='alliancelab-static-explorer'>" + NOTE + widget_html(self) + "</div>",
                "text/plain": repr(self)}

    ipywidgets.Widget._repr_mimebundle_ = _repr_mimebundle_
    from plotly.basewidget import BaseFigureWidget  # a figure widget shown on its own, outside an explorer

    BaseFigureWidget._repr_mimebundle_ = _repr_mimebundle_


# --------------------------------------------------------------------------- in the build process


def plotly_to_html(nb) -> int:
    """Give every plotly output an HTML rendering a static page can draw; returns the number of figures."""
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY_MIME in data:
                data["text/html"] = figure_div(data.pop(PLOTLY_MIME))
            count += str(data.get("text/html", "")).count(f"class='{FIGURE_CLASS}'")
    return count


@contextlib.contextmanager
def static_kernels(pythonpath: Path | None = None):
    """Kernels started inside this block show widgets as static HTML (and import the package at ``pythonpath``
    first, when given). The environment is restored afterwards, so that no later kernel of the calling process
    (the test suite's JupyterLab, say) shows widgets as static HTML."""
    saved = {k: os.environ.get(k) for k in (STATIC_ENV, "PYTHONPATH")}
    os.environ[STATIC_ENV] = "1"
    if pythonpath is not None:
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(pythonpath), saved["PYTHONPATH"]) if p)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def execute(path: Path, cwd: Path | None = None, timeout: int = 600):
    """Run a notebook top to bottom in a fresh kernel (in ``cwd``, default its folder); widget state is not kept.
    Call it inside :func:`static_kernels` for the book."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                   resources={"metadata": {"path": str(cwd or path.parent)}}).execute()
    nb.metadata.pop("widgets", None)
    return nb
