"""Contracts of the explorers: what each control is and what changing it must do.

Every explorer (a function in :mod:`alliancelab.widgets`, most of them defined in
:mod:`alliancelab.explorers`) declares a :class:`Contract` with :func:`register`.
The unit tests, the browser tests (``tests/browser/``) and ``make bench`` read
:data:`CONTRACTS` and drive each control as a person would.

This module imports nothing from the course, so the explorer modules and the tests
can import it without an import circle. :data:`CONTRACTS` is filled as the explorer
modules are imported: import :mod:`alliancelab.widgets` (which imports them all)
before reading it. :mod:`alliancelab.widgets` re-exports every name defined here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Control", "Contract", "CONTRACTS", "register", "walk", "find_control"]


@dataclass(frozen=True)
class Control:
    """One control of an explorer and what changing it must do."""

    label: str  # the widget's description, as a person sees it
    kind: str  # "dropdown" | "slider" | "checkbox" | "text" | "toggle"
    set_to: str  # the value a test sets (option label, slider readout text, ...)
    expect_text: str = ""  # text that must appear in the explorer's output afterwards
    expect_figure_change: bool = False  # the explorer's plotly figure data must change


@dataclass(frozen=True)
class Contract:
    explorer: str  # function name in alliancelab.widgets
    css_class: str  # class on the explorer's outer box
    controls: tuple[Control, ...]
    notebooks: tuple[str, ...] = field(default_factory=tuple)


CONTRACTS: dict[str, Contract] = {}


def register(c: Contract) -> Contract:
    """Record an explorer's contract in :data:`CONTRACTS` and return it (explorer modules call this)."""
    CONTRACTS[c.explorer] = c
    return c


def walk(widget):
    """Every widget of an explorer, depth first, starting with the explorer itself."""
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)


def find_control(widget, label: str, kind: type | None = None):
    """The control whose description is ``label``, found the way the browser driver finds it (LookupError if none)."""
    for w in walk(widget):
        if getattr(w, "description", None) == label and hasattr(w, "value") and (kind is None or isinstance(w, kind)):
            return w
    raise LookupError(f"no control {label!r} in this explorer")
