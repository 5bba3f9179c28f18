"""One plotly theme for the whole course.

Colour-blind-safe Okabe–Ito palette, with marker symbols and dash styles that
repeat the colour information (redundant encoding), and readable fonts.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]

TEMPLATE_NAME = "alliancelab"
MERGED_NAME = "alliancelab_white"  # plotly_white with the course template on top: what apply() sets as the default


def template() -> go.layout.Template:
    t = go.layout.Template()
    t.layout.colorway = OKABE_ITO
    t.layout.font = dict(family="Arial, Helvetica, sans-serif", size=14, color="#222222")
    t.layout.title = dict(x=0.0, xanchor="left", font=dict(size=17))
    t.layout.hoverlabel = dict(font_size=13)
    t.layout.legend = dict(bgcolor="rgba(255,255,255,0.85)")
    t.layout.margin = dict(l=70, r=30, t=70, b=60)
    return t


def style_for(index: int) -> dict:
    """Colour, marker symbol and dash for the index-th series (same index, same look, everywhere)."""
    return {
        "color": OKABE_ITO[index % len(OKABE_ITO)],
        "symbol": SYMBOLS[index % len(SYMBOLS)],
        "dash": DASHES[index % len(DASHES)],
    }


def apply() -> None:
    """Register the course template and the offline JupyterLab renderer.

    The default is one template, plotly_white with the course's layered on top, merged once here. (A default
    written as "plotly_white+alliancelab" is merged again by plotly for every figure made, about 30 ms each,
    the largest single cost of a lesson's figures; the merged template is the same.)
    """
    pio.templates[TEMPLATE_NAME] = template()
    pio.templates[MERGED_NAME] = pio.templates.merge_templates("plotly_white", pio.templates[TEMPLATE_NAME])
    pio.templates.default = MERGED_NAME
    # plotly_mimetype: JupyterLab renders it with its bundled plotly.js; nothing is fetched.
    pio.renderers.default = "plotly_mimetype"
