"""`make html`: a static, offline-readable site of the executed lessons in ``build/html/``.

Each master notebook is executed in a fresh kernel and written as one HTML page. Plotly figures stay
interactive (hover, zoom, legend) without a server: plotly.js is copied next to the pages and every figure is
drawn from its JSON. Explorers need a running Python kernel, so a page shows each explorer as it starts — its
figure (still interactive), its text and the starting value of each control — with a note saying how to use it
live. The index page is generated from ``lessons.md``. Nothing on any page loads from the network.

    python -m alliancelab.site --src notebooks --out build/html
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import sys
from pathlib import Path

STATIC_ENV = "ALLIANCELAB_STATIC_HTML"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
FIGURE_CLASS = "alliancelab-static-figure"


# --------------------------------------------------------------------------- inside the kernel


def figure_div(figure_json: dict | str) -> str:
    """A placeholder div the page's script turns into an interactive plotly figure."""
    text = figure_json if isinstance(figure_json, str) else json.dumps(figure_json)
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
        "its controls, open the notebook in JupyterLab (<code>make lab</code>).</p>")


def enable_static_widgets() -> None:
    """In the site build's kernel, widgets display as static HTML instead of live widget views."""
    import ipywidgets

    def _repr_mimebundle_(self, **kwargs):
        return {"text/html": "<div class='alliancelab-static-explorer'>" + NOTE + widget_html(self) + "</div>",
                "text/plain": repr(self)}

    ipywidgets.Widget._repr_mimebundle_ = _repr_mimebundle_
    from plotly.basewidget import BaseFigureWidget  # a figure widget shown on its own, outside an explorer

    BaseFigureWidget._repr_mimebundle_ = _repr_mimebundle_


# --------------------------------------------------------------------------- building pages


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="assets/index.css">
<link rel="stylesheet" href="assets/theme-light.css">
<link rel="stylesheet" href="assets/site.css">
<script src="assets/plotly.min.js"></script>
</head>
<body class="jp-Notebook" data-jp-theme-light="true">
<nav class="alliancelab-nav"><a href="index.html">← Course index</a></nav>
<main>
{body}
</main>
<script>
document.querySelectorAll(".{figure_class}").forEach(function (div) {{
  var fig = JSON.parse(div.dataset.figure);
  Plotly.newPlot(div, fig.data, fig.layout, {{responsive: true, displaylogo: false}});
}});
</script>
</body>
</html>
"""

SITE_CSS = """
body { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem; }
.alliancelab-nav { margin: 0.5rem 0 1rem; font-size: 1.1rem; }
.alliancelab-static-explorer { border: 1px solid #bbb; border-radius: 6px; padding: 0.5rem 1rem; margin: 0.5rem 0; }
.alliancelab-static-note { font-style: italic; color: #444; }
.alliancelab-static-control { margin: 0.2rem 0; }
.alliancelab-index table { border-collapse: collapse; }
.alliancelab-index td, .alliancelab-index th { border: 1px solid #ccc; padding: 0.3rem 0.6rem; }
"""


def _plotly_to_html(nb) -> None:
    """Give every plotly output an HTML rendering the static page can draw."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY_MIME in data:
                data["text/html"] = figure_div(data.pop(PLOTLY_MIME))


def execute(path: Path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", store_widget_state=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nb.metadata.pop("widgets", None)
    return nb


def notebook_page(nb, title: str) -> str:
    from nbconvert import HTMLExporter

    _plotly_to_html(nb)
    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    # Links between lessons point at the pages, not the notebooks; glossary links at the glossary page.
    body = re.sub(r'href="(?:\.\./notebooks/|notebooks/)?(\d\d_[a-z0-9_]+)\.ipynb"', r'href="\1.html"', body)
    body = re.sub(r'href="(?:\.\./)?glossary\.md', 'href="glossary.html', body)
    # An empty corner cell of a table (pandas' index header) is not a header: screen readers announce empty headers.
    body = re.sub(r"<th(\s[^>]*)?>\s*</th>", r"<td\1></td>", body)
    return PAGE.format(title=html.escape(title), body=body, figure_class=FIGURE_CLASS)


def index_page(syllabus: str) -> str:
    import mistune

    body = mistune.html(syllabus)
    body = re.sub(r"<code>notebooks/(\d\d_[a-z0-9_]+)\.ipynb</code>", r'<a href="\1.html"><code>\1</code></a>', body)
    body = body.replace("<code>notebooks/glossary.md</code>", '<a href="glossary.html"><code>glossary</code></a>')
    body = f"<div class='alliancelab-index'>{body}</div>"
    page = PAGE.format(title="Lips and Teeth — course index", body=body, figure_class=FIGURE_CLASS)
    return page.replace('<nav class="alliancelab-nav"><a href="index.html">← Course index</a></nav>\n', "")


def markdown_page(text: str, title: str) -> str:
    """A page from a markdown file of the course (the glossary)."""
    import mistune

    body = mistune.html(text)
    body = re.sub(r'href="(?:notebooks/)?(\d\d_[a-z0-9_]+)\.ipynb"', r'href="\1.html"', body)
    return PAGE.format(title=html.escape(title), body=f"<div class='alliancelab-index'>{body}</div>", figure_class=FIGURE_CLASS)


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^# (.+)$", cell.source, flags=re.M)
            if m:
                return m.group(1).strip()
    return fallback


def build(src: Path, out: Path, syllabus: Path) -> list[Path]:
    # Read by alliancelab at import time in each kernel this build starts; restored afterwards so that no later
    # kernel of the calling process (the test suite's JupyterLab, say) shows widgets as static HTML.
    before = os.environ.get(STATIC_ENV)
    os.environ[STATIC_ENV] = "1"
    try:
        return _build(src, out, syllabus)
    finally:
        if before is None:
            os.environ.pop(STATIC_ENV, None)
        else:
            os.environ[STATIC_ENV] = before


def _build(src: Path, out: Path, syllabus: Path) -> list[Path]:
    import nbconvert
    import plotly

    out.mkdir(parents=True, exist_ok=True)
    assets = out / "assets"
    assets.mkdir(exist_ok=True)
    shutil.copyfile(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", assets / "plotly.min.js")
    lab_static = Path(nbconvert.__file__).resolve().parents[4] / "share" / "jupyter" / "nbconvert" / "templates" / "lab" / "static"
    if not lab_static.exists():  # fall back to wherever Jupyter keeps the templates
        from jupyter_core.paths import jupyter_path

        lab_static = next(Path(p) / "nbconvert" / "templates" / "lab" / "static" for p in jupyter_path()
                          if (Path(p) / "nbconvert" / "templates" / "lab" / "static").exists())
    for name in ("index.css", "theme-light.css"):
        shutil.copyfile(lab_static / name, assets / name)
    (assets / "site.css").write_text(SITE_CSS, encoding="utf-8")
    pages = []
    for path in sorted(src.glob("[0-9][0-9]_*.ipynb")):
        nb = execute(path)
        page = out / f"{path.stem}.html"
        page.write_text(notebook_page(nb, _title(nb, path.stem)), encoding="utf-8")
        pages.append(page)
        print(f"wrote {page}")
    glossary = src / "glossary.md"
    if glossary.exists():
        page = out / "glossary.html"
        page.write_text(markdown_page(glossary.read_text(encoding="utf-8"), "Lips and Teeth — glossary"), encoding="utf-8")
        pages.append(page)
        print(f"wrote {page}")
    index = out / "index.html"
    index.write_text(index_page(syllabus.read_text(encoding="utf-8")), encoding="utf-8")
    pages.append(index)
    print(f"wrote {index}")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", default="notebooks", type=Path)
    parser.add_argument("--out", default="build/html", type=Path)
    parser.add_argument("--syllabus", default="lessons.md", type=Path)
    args = parser.parse_args(argv)
    try:
        build(args.src, args.out, args.syllabus)
    except Exception as exc:  # a clear message, not a traceback, for whoever runs `make html`
        print(f"make html failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
