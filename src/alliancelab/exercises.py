"""Auto-checked exercises: ``check(exercise_id, answer)``.

One call per exercise. It renders feedback in the notebook and returns a
:class:`Result` that is truthy only when the answer is correct.

States
------
``correct``     the answer matches the key; a one-line explanation follows.
``wrong``       a hint, more specific on each later attempt.
``unanswered``  the answer is ``...`` (the placeholder of the student version).
``invalid``     wrong type or shape; a plain sentence says what was expected.
``unknown``     no exercise has that id.
``assessed``    learner edition only: the item is marked by the instructor, its key is not in this copy, and
                the answer has the expected form (see :mod:`alliancelab.coursework`).

``check`` never raises on anything a learner can type. The one exception is
*strict mode*, which the test suite switches on with the environment variable
``ALLIANCELAB_STRICT=1``: then a wrong or invalid answer raises
``AssertionError`` so that a wrong model solution in a master notebook fails
the nbval run. ``...`` never raises, so student versions run clean in strict
mode too. Demonstration cells that show a wrong answer on purpose pass
``strict=False``.

The keys live in :mod:`alliancelab.keys`, never in the student notebook. They are
:class:`Exercise` objects given to ``register``; both are defined in
:mod:`alliancelab.registry` and re-exported here.
"""

from __future__ import annotations

import html
import math
import numbers
import os
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .coursework import MARKED_TEXT, is_assessed
from .registry import Exercise, lookup, register, registered

__all__ = ["Exercise", "Result", "check", "predict", "outcome", "register", "get_exercise", "reset_attempts",
           "strict_mode"]


@dataclass
class Result:
    """What ``check`` returns: truthy only when correct."""

    exercise_id: str
    status: str
    message: str
    attempt: int = 0
    detail: str = ""

    def __bool__(self) -> bool:
        return self.status in ("correct", "recorded", "compared")

    # A bare ``check(...)`` as the last line of a cell must not print the
    # feedback twice: check() already displayed it.
    def _ipython_display_(self) -> None:  # pragma: no cover - trivial
        return None

    def __str__(self) -> str:
        return f"[{LABELS[self.status]}] {self.exercise_id}: {self.message}"

    def to_html(self) -> str:
        label = LABELS[self.status]
        icon = ICONS[self.status]
        colour = COLOURS[self.status]
        msg = html.escape(self.message)
        extra = f"<div style='margin-top:.25em'>{html.escape(self.detail)}</div>" if self.detail else ""
        return (
            f"<div class='alliancelab-feedback alliancelab-{self.status}' role='status' "
            f"aria-live='polite' data-exercise='{html.escape(self.exercise_id, quote=True)}' "
            f"data-status='{self.status}' "
            f"style='border-left:6px solid {colour};padding:.4em .8em;margin:.3em 0;"
            f"background:#f7f7f7;color:#111'>"
            f"<strong>{icon} {label}</strong> "
            f"<span style='color:#444'>(exercise {html.escape(self.exercise_id)})</span>"
            f"<div>{msg}</div>{extra}</div>"
        )


LABELS = {
    "correct": "Correct",
    "wrong": "Not yet",
    "unanswered": "Not answered yet",
    "invalid": "Check the format",
    "unknown": "Unknown exercise",
    "assessed": "Marked by your instructor",
    "recorded": "Recorded",
    "compared": "Your prediction and the data",
}
ICONS = {"correct": "✔", "wrong": "✘", "unanswered": "…", "invalid": "⚠", "unknown": "?", "assessed": "✎",
         "recorded": "✎", "compared": "⇄"}
# Okabe–Ito colours; the label and icon carry the meaning too (never colour alone).
COLOURS = {
    "correct": "#009E73",
    "wrong": "#D55E00",
    "unanswered": "#999999",
    "invalid": "#E69F00",
    "unknown": "#CC79A7",
    "assessed": "#0072B2",
    "recorded": "#0072B2",
    "compared": "#56B4E9",
}

_ATTEMPTS: dict[str, int] = {}
_PREDICTIONS: dict[str, Any] = {}
_KEYS_LOADED = False


def _load_keys() -> None:
    global _KEYS_LOADED
    if not _KEYS_LOADED:
        # The key modules import Exercise and register from alliancelab.registry (not from here), so this
        # import closes no circle.
        from . import keys  # noqa: F401  (registers on import)

        _KEYS_LOADED = True


def get_exercise(exercise_id: str) -> Exercise | None:
    _load_keys()
    return lookup(exercise_id)


def all_exercises() -> dict[str, Exercise]:
    _load_keys()
    return registered()


def reset_attempts() -> None:
    """Forget attempt counts (hints start from the first again)."""
    _ATTEMPTS.clear()


def strict_mode() -> bool:
    return os.environ.get("ALLIANCELAB_STRICT", "") == "1"


# --------------------------------------------------------------------------- grading


class _Invalid(Exception):
    """The answer has the wrong type or shape; the message says what was expected."""


def _describe(value: Any) -> str:
    """A short, safe description of what the learner gave."""
    try:
        name = type(value).__name__
        if isinstance(value, str):
            shown = value if len(value) <= 40 else value[:37] + "..."
            return f"the text {shown!r}"
        if isinstance(value, bool):
            return f"the value {value}"
        if isinstance(value, numbers.Number):
            return f"the number {_short_number(value)}"
        size = getattr(value, "shape", None)
        if size is not None:
            return f"a {name} of shape {tuple(size)}"
        if isinstance(value, (list, tuple, set, frozenset, dict)):
            return f"a {name} with {len(value)} item{'s' if len(value) != 1 else ''}"
        return f"a {name}"
    except Exception:  # the learner's object may misbehave in any way
        return "a value of an unexpected kind"


def _short_number(value: Any) -> str:
    try:
        if isinstance(value, numbers.Integral) and abs(int(value)) > 10**15:
            return "a very large integer"
        return repr(value) if not isinstance(value, float) else f"{value:g}"
    except Exception:
        return "a number"


def _as_real(value: Any, what: str) -> float:
    """Convert a learner's value to a finite float, or raise _Invalid."""
    if isinstance(value, bool):
        raise _Invalid(f"Expected {what}; you gave {value}, which is True/False, not a number.")
    if isinstance(value, str):
        raise _Invalid(
            f"Expected {what} without quotes, like 12.5; you gave {_describe(value)}. "
            "Remove the quotation marks."
        )
    shape = getattr(value, "shape", None)
    if shape is not None and not isinstance(value, numbers.Number):
        raise _Invalid(
            f"Expected {what}; you gave {_describe(value)}. Pick out the single value, "
            "for example with .item() or .iloc[0]."
        )
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        raise _Invalid(f"Expected {what}, not a collection; you gave {_describe(value)}.")
    if not isinstance(value, numbers.Real):
        raise _Invalid(f"Expected {what}; you gave {_describe(value)}.")
    try:
        number = float(value)
    except (OverflowError, ValueError, TypeError):
        raise _Invalid(f"Expected {what} of ordinary size; you gave {_describe(value)}.")
    if not math.isfinite(number):
        raise _Invalid(f"Expected {what}; you gave {value!r}, which is not a finite number.")
    return number


_LETTER = re.compile(r"^\(?\s*([A-Za-z])\s*[\).]?$")


def _as_letter(value: Any, choices: Sequence[str]) -> str:
    allowed = ", ".join(choices)
    if not isinstance(value, str):
        raise _Invalid(f"Expected one letter in quotes, one of {allowed}; you gave {_describe(value)}.")
    m = _LETTER.match(value.strip())
    if not m:
        raise _Invalid(f"Expected a single letter in quotes, one of {allowed}; you gave {_describe(value)}.")
    letter = m.group(1).upper()
    if letter not in [c.upper() for c in choices]:
        raise _Invalid(f"'{letter}' is not one of the options; choose one of {allowed}.")
    return letter


def _norm_text(value: str) -> str:
    return " ".join(value.casefold().split())


def _as_year(value: Any) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
        return int(value)
    number = _as_real(value, "a year as a whole number, like 1961")
    if number != int(number):
        raise _Invalid(f"Expected a whole-number year, like 1961; you gave {_short_number(value)}.")
    year = int(number)
    if not 1000 <= year <= 2999:
        raise _Invalid(f"Expected a four-digit year, like 1961; you gave {_short_number(value)}.")
    return year


def _as_items(value: Any, ordered: bool) -> list[Any]:
    what = "a list of items in order, like ['A', 'C', 'B']" if ordered else "a list of items, like ['A', 'C']"
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise _Invalid(f"Expected {what}; you gave {_describe(value)}.")
    if ordered and isinstance(value, (set, frozenset)):
        raise _Invalid("Order matters here, and a set {…} has no order; use a list [...] instead.")
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(_norm_text(item))
        elif isinstance(item, bool):
            raise _Invalid("Each item should be a name, letter or number, not True/False.")
        elif isinstance(item, numbers.Real):
            out.append(_as_real(item, "numbers or words as items"))
        else:
            raise _Invalid(f"Each item should be a name, letter or number; one item is {_describe(item)}.")
    return out


def _normalise_key_items(items: Iterable[Any]) -> list[Any]:
    return [_norm_text(i) if isinstance(i, str) else float(i) for i in items]


def _grade(ex: Exercise, answer: Any) -> tuple[bool, str]:
    """Return (correct, extra detail for a wrong answer). Raise _Invalid for a bad shape."""
    key = ex.key()
    if ex.kind == "choice":
        return _as_letter(answer, ex.choices) == str(key).upper(), ""
    if ex.kind == "number":
        unit = f" ({ex.unit})" if ex.unit else ""
        number = _as_real(answer, f"a number{unit}")
        return abs(number - float(key)) <= ex.tolerance + 1e-12 * max(1.0, abs(float(key))), ""
    if ex.kind == "year":
        return _as_year(answer) == int(key), ""
    if ex.kind == "text":
        if not isinstance(answer, str):
            raise _Invalid(f"Expected a short text in quotes, like 'Article II'; you gave {_describe(answer)}.")
        if not answer.strip():
            raise _Invalid("Your text is empty; type a short answer between the quotes.")
        accepted = {_norm_text(str(key))} | {_norm_text(a) for a in ex.accept}
        return _norm_text(answer) in accepted, ""
    ordered = ex.kind == "list"
    given = _as_items(answer, ordered)
    wanted = _normalise_key_items(key)
    if ordered:
        if len(given) != len(wanted):
            return False, f"The answer has {len(wanted)} items; you gave {len(given)}."
        if sorted(map(str, given)) != sorted(map(str, wanted)):
            return False, "Some of your items are not among the ones to order."
        if given == wanted:
            return True, ""
        lead = next(i for i, (g, w) in enumerate(zip(given, wanted)) if g != w)
        return False, f"The first {lead} item{'s are' if lead != 1 else ' is'} in the right place."
    given_set, wanted_set = set(map(str, given)), set(map(str, wanted))
    if given_set == wanted_set:
        return True, ""
    right = len(given_set & wanted_set)
    extra = len(given_set - wanted_set)
    return False, f"{right} of your items belong in the answer, {extra} do not, and the answer has {len(wanted_set)}."


def _feedback(exercise_id: Any, answer: Any, attempts: dict[str, int]) -> Result:
    if not isinstance(exercise_id, str):
        return Result(str(type(exercise_id).__name__), "unknown", "The exercise id is text in quotes, like check(\"0.1\", answer).")
    ex = get_exercise(exercise_id)
    if ex is None:
        known = sorted(i for i in all_exercises() if i.split(".")[0] == exercise_id.split(".")[0])
        hint = f" Exercises in this lesson: {', '.join(known)}." if known else ""
        return Result(exercise_id, "unknown", f"There is no exercise {exercise_id!r}.{hint}")
    if is_assessed(ex):  # the learner edition's assessed items have no key to compare with
        return _assessed(ex, answer)
    if answer is Ellipsis:
        return Result(exercise_id, "unanswered", "Replace the ... with your answer, then run the cell again.")
    if ex.kind == "prediction":
        return Result(exercise_id, "invalid", f"Exercise {exercise_id} is a prediction: record it with "
                                              f"predict({exercise_id!r}, your_guess), then see it with outcome({exercise_id!r}).")
    if ex.kind == "decide":
        return _decide(ex, answer, attempts)
    try:
        correct, detail = _grade(ex, answer)
    except _Invalid as problem:
        return Result(exercise_id, "invalid", str(problem))
    if correct:
        return Result(exercise_id, "correct", ex.explanation, attempts.get(exercise_id, 0) + 1)
    n = attempts.get(exercise_id, 0) + 1
    attempts[exercise_id] = n
    hint = ex.hints[min(n, len(ex.hints)) - 1]
    message = f"Hint {min(n, len(ex.hints))} of {len(ex.hints)}: {hint}"
    if ex.kind == "choice":
        letter = _as_letter(answer, ex.choices)
        if letter in ex.misconceptions:
            message = f"Option {letter} is a common misconception. {ex.misconceptions[letter]} {message}"
    return Result(exercise_id, "wrong", message, n, detail)


def _assessed(ex: Exercise, answer: Any) -> Result:
    """An assessed item in the learner edition: ``...`` gets the neutral prompt, an answer of the wrong type or shape
    the usual sentence saying what was expected, and any other answer is recorded without saying whether it is right."""
    unfilled = answer is Ellipsis or (ex.kind == "decide" and isinstance(answer, dict) and all(
        answer.get(k, Ellipsis) is Ellipsis for k in [*ex.fields, "why"]))
    if unfilled:
        return Result(ex.id, "unanswered", f"Replace the ... with your answer, then run the cell again. {MARKED_TEXT}")
    try:
        _check_form(ex, answer)
    except _Invalid as problem:
        return Result(ex.id, "invalid", str(problem))
    return Result(ex.id, "assessed", "Your answer is in the form this item expects. " + MARKED_TEXT
                  + " Save the notebook: your instructor's grader reads the answer from it.")


def _check_form(ex: Exercise, answer: Any) -> None:
    """Raise _Invalid when the answer has the wrong type or shape for its kind (no key needed)."""
    if ex.kind == "choice":
        _as_letter(answer, ex.choices)
    elif ex.kind == "number":
        _as_real(answer, f"a number{f' ({ex.unit})' if ex.unit else ''}")
    elif ex.kind == "year":
        _as_year(answer)
    elif ex.kind == "text":
        if not isinstance(answer, str):
            raise _Invalid(f"Expected a short text in quotes, like 'Article II'; you gave {_describe(answer)}.")
        if not answer.strip():
            raise _Invalid("Your text is empty; type a short answer between the quotes.")
    elif ex.kind in ("set", "list"):
        _as_items(answer, ex.kind == "list")
    elif ex.kind == "decide":
        wanted = [*ex.fields, "why"]
        example = "{" + ", ".join(f"{k!r}: ..." for k in wanted) + "}"
        if not isinstance(answer, dict):
            raise _Invalid(f"Expected a dictionary like {example}; you gave {_describe(answer)}.")
        missing = [k for k in wanted if k not in answer or answer[k] is Ellipsis]
        if missing:
            raise _Invalid(f"Fill in {', '.join(repr(k) for k in missing)} (the form is {example}).")
        if not isinstance(answer.get("why"), str) or len(answer["why"].split()) < ex.min_words:
            raise _Invalid(f"Write your justification under 'why', at least {ex.min_words} words.")


def _decide(ex: Exercise, answer: Any, attempts: dict[str, int]) -> Result:
    """A decide-and-defend task: check the shape, then validity and consistency; never 'the one right opinion'."""
    wanted = [*ex.fields, "why"]
    example = "{" + ", ".join(f"{k!r}: ..." for k in wanted) + "}"
    if not isinstance(answer, dict):
        return Result(ex.id, "invalid", f"Expected a dictionary like {example}; you gave {_describe(answer)}.")
    missing = [k for k in wanted if k not in answer or answer[k] is Ellipsis]
    if missing:
        return Result(ex.id, "unanswered" if len(missing) == len(wanted) else "invalid",
                      f"Fill in {', '.join(repr(k) for k in missing)} (the form is {example}).")
    extra = sorted(str(k) for k in answer if k not in wanted)
    if extra:
        return Result(ex.id, "invalid", f"Unexpected key(s) {', '.join(map(repr, extra))}; the form is {example}.")
    why = answer["why"]
    if not isinstance(why, str):
        return Result(ex.id, "invalid", "Put your justification under 'why' as text in quotes.")
    words = len(why.split())
    if words < ex.min_words:
        return Result(ex.id, "invalid", f"Your justification has {words} word(s); write at least {ex.min_words}: say "
                                        "which evidence decided your choice and why.")
    try:
        problems, summary = ex.validate({k: answer[k] for k in ex.fields})
    except _Invalid as problem:
        return Result(ex.id, "invalid", str(problem))
    if problems:
        n = attempts.get(ex.id, 0) + 1
        attempts[ex.id] = n
        hint = ex.hints[min(n, len(ex.hints)) - 1]
        return Result(ex.id, "wrong", " ".join(problems) + f" Hint {min(n, len(ex.hints))} of {len(ex.hints)}: {hint}", n)
    return Result(ex.id, "recorded", f"{summary} Your choice is valid and consistent with the evidence; there is more "
                                     f"than one defensible answer. Your justification ({words} words) is marked with the "
                                     f"rubric. {ex.explanation}")


def predict(exercise_id: Any, guess: Any = Ellipsis) -> Result:
    """Commit to a prediction before you explore. It is recorded as given (never graded); ``outcome`` compares it
    with the data afterwards."""
    try:
        ex = get_exercise(exercise_id) if isinstance(exercise_id, str) else None
        if ex is None or ex.kind != "prediction":
            result = Result(str(exercise_id)[:40], "unknown", f"There is no prediction {exercise_id!r}.")
        elif guess is Ellipsis:
            result = Result(ex.id, "unanswered", "Replace the ... with your prediction, then run the cell again.")
        else:
            value = _as_prediction(ex, guess)
            _PREDICTIONS[ex.id] = value
            result = Result(ex.id, "recorded", f"Prediction recorded: {_short_number(value) if not isinstance(value, str) else value}"
                                               f"{' ' + ex.unit if ex.unit and not isinstance(value, str) else ''}. "
                                               f"Now explore, then run outcome({ex.id!r}).")
    except _Invalid as problem:
        result = Result(str(exercise_id), "invalid", str(problem))
    except Exception as error:  # never raise for learner input
        result = Result(str(exercise_id)[:40], "invalid", f"That prediction could not be read ({type(error).__name__}).")
    _show(result)
    return result


def _as_prediction(ex: Exercise, guess: Any) -> Any:
    if ex.choices:
        return _as_letter(guess, ex.choices)
    unit = f" ({ex.unit})" if ex.unit else ""
    return _as_real(guess, f"a number{unit}")


def outcome(exercise_id: Any) -> Result:
    """After exploring: your recorded prediction beside what the data show, with the explanation."""
    try:
        ex = get_exercise(exercise_id) if isinstance(exercise_id, str) else None
        if ex is None or ex.kind != "prediction":
            result = Result(str(exercise_id)[:40], "unknown", f"There is no prediction {exercise_id!r}.")
        elif ex.id not in _PREDICTIONS:
            result = Result(ex.id, "unanswered", f"Make your prediction first: run predict({ex.id!r}, your_guess) in "
                                                 "the cell before the explorer.")
        else:
            guess, key = _PREDICTIONS[ex.id], ex.key()
            if isinstance(guess, str):
                close = guess == str(key).upper()
                shown = str(key)
            else:
                close = abs(guess - float(key)) <= ex.tolerance
                shown = _short_number(float(key)) + (f" {ex.unit}" if ex.unit else "")
            verdict = "Close: " if close else "Not what you expected? That is the point of predicting first. "
            result = Result(ex.id, "compared", f"You predicted {guess if isinstance(guess, str) else _short_number(guess)}; "
                                               f"the data give {shown}. {verdict}{ex.explanation}")
    except Exception as error:  # never raise
        result = Result(str(exercise_id)[:40], "invalid", f"That could not be compared ({type(error).__name__}).")
    _show(result)
    return result


def grade(exercise_id: Any, answer: Any) -> Result:
    """Grade without displaying and without touching the attempt counter."""
    try:
        return _feedback(exercise_id, answer, dict(_ATTEMPTS))
    except Exception as error:  # a learner's object misbehaved in a way we did not foresee
        return Result(str(exercise_id)[:40], "invalid", f"That answer could not be read ({type(error).__name__}).")


def check(exercise_id: Any, answer: Any = Ellipsis, *, strict: bool | None = None) -> Result:
    """Check an answer, show feedback, and return a Result (truthy when correct)."""
    try:
        result = _feedback(exercise_id, answer, _ATTEMPTS)
    except Exception as error:  # never raise for learner input
        result = Result(str(exercise_id)[:40], "invalid", f"That answer could not be read ({type(error).__name__}).")
    _show(result)
    use_strict = strict_mode() if strict is None else strict
    if use_strict and result.status in ("wrong", "invalid", "unknown"):
        raise AssertionError(f"strict mode: exercise {result.exercise_id} is {result.status}: {result.message}")
    return result


def _show(result: Result) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display

        if get_ipython() is not None:
            display(HTML(result.to_html()))
            return
    except Exception:  # pragma: no cover - IPython missing or broken
        pass
    print(result)
