"""The exercise registry: :class:`Exercise` (the key of one exercise) and :func:`register`.

This small module is what the key modules in :mod:`alliancelab.keys` import. It imports nothing from the
course, so :mod:`alliancelab.exercises` can import :mod:`alliancelab.keys` (which fills the registry) without
an import circle: ``exercises -> keys -> registry`` and ``exercises -> registry``, never back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

__all__ = ["KINDS", "Exercise", "register", "lookup", "registered"]

#: ``decide``: a decide-and-defend task. The learner gives a dict: a structured choice that ``validate`` checks for
#: validity and consistency with the evidence (never for "the one right opinion"), and a written justification under
#: ``"why"`` that a rubric marks. ``prediction``: the learner commits to a value with ``predict`` before an explorer,
#: and ``outcome`` compares it with the data afterwards.
KINDS = ("choice", "number", "year", "set", "list", "text", "decide", "prediction")


@dataclass(frozen=True)
class Exercise:
    """The key of one exercise.

    ``answer`` may be a zero-argument callable: compute exercises derive their
    key from the data through the same ``alliancelab`` functions the unit
    tests check, so the key can never drift from the data.
    """

    id: str
    kind: str
    answer: Any
    explanation: str
    hints: Sequence[str]
    choices: Sequence[str] = ()  # letters allowed for ``choice``
    tolerance: float = 0.0  # absolute tolerance for ``number``
    accept: Sequence[str] = ()  # further accepted spellings for ``text``
    unit: str = ""  # shown in messages for ``number``
    items: Sequence[str] = ()  # vocabulary for ``set``/``list`` items (optional)
    #: ``choice``: for every wrong letter, the misconception it stands for, named first ("Name: why it is wrong").
    misconceptions: Mapping[str, str] = field(default_factory=dict)
    #: ``decide``: the keys the answer dict must have (besides ``"why"``), and a function of the answer dict that
    #: returns ``(problems, summary)``: an empty list when the choice is valid and consistent, else one plain
    #: sentence per problem; the summary restates the choice for the learner.
    fields: Sequence[str] = ()
    validate: Callable[[dict], tuple[list[str], str]] | None = None
    min_words: int = 20  # ``decide``: the shortest justification accepted, in words

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"exercise {self.id}: kind must be one of {KINDS}, not {self.kind!r}")
        if not self.hints:
            raise ValueError(f"exercise {self.id}: give at least one hint")
        if not self.explanation:
            raise ValueError(f"exercise {self.id}: give an explanation of the correct answer")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"exercise {self.id}: a choice exercise needs its letters")
        if self.kind == "choice" and self.misconceptions:
            stray = set(self.misconceptions) - set(self.choices)
            if stray:
                raise ValueError(f"exercise {self.id}: misconceptions for letters that are not options: {sorted(stray)}")
        if self.kind == "decide" and (self.validate is None or not self.fields):
            raise ValueError(f"exercise {self.id}: a decide exercise needs its fields and a validate function")

    def key(self) -> Any:
        return self.answer() if callable(self.answer) else self.answer


_REGISTRY: dict[str, Exercise] = {}


def register(*exercises: Exercise) -> None:
    """Add exercises to the registry (the key modules call this)."""
    for ex in exercises:
        if ex.id in _REGISTRY and _REGISTRY[ex.id] != ex:
            raise ValueError(f"exercise id {ex.id!r} is registered twice")
        _REGISTRY[ex.id] = ex


def lookup(exercise_id: str) -> Exercise | None:
    """The registered exercise with this id, or None. (Use :func:`alliancelab.exercises.get_exercise`,
    which loads the keys first.)"""
    return _REGISTRY.get(exercise_id)


def registered() -> dict[str, Exercise]:
    """A copy of the registry as it stands (no keys are loaded here)."""
    return dict(_REGISTRY)
