"""Self-study edition: the model answer to an open prompt, shown only after you have written your own.

    reveal("1.A", answer_1_A)

The model answers live in ``alliancelab/model_answers.json``, which only the self-study and instructor editions
ship (``python -m alliancelab.student edition self-study``); the learner edition, used for marked coursework, has
none, and ``reveal`` then says so. An empty answer (or ``...``) is refused with a prompt to write first. Like
``check``, ``reveal`` never raises on anything a learner can type.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["reveal", "model_answers", "Revealed"]

FILE = Path(__file__).resolve().parent / "model_answers.json"
MIN_CHARACTERS = 1  # any written answer counts as an attempt; the point is to write before reading


@lru_cache(maxsize=1)
def model_answers() -> dict[str, dict]:
    """``{prompt id: {"title", "prompt", "model_answer", ...}}``, or {} in an edition without them."""
    try:
        return json.loads(FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


class Revealed:
    """What ``reveal`` returns: truthy when the model answer was shown."""

    def __init__(self, prompt_id: str, status: str, message: str, model_answer: str = ""):
        self.prompt_id, self.status, self.message, self.model_answer = prompt_id, status, message, model_answer

    def __bool__(self) -> bool:
        return self.status == "revealed"

    def __str__(self) -> str:
        body = f"\n\nModel answer:\n{self.model_answer}" if self.model_answer else ""
        return f"[{self.status}] {self.prompt_id}: {self.message}{body}"

    def _ipython_display_(self) -> None:  # pragma: no cover - trivial
        return None

    def to_html(self) -> str:
        colour = {"revealed": "#009E73", "write-first": "#999999"}.get(self.status, "#E69F00")
        answer = ""
        if self.model_answer:
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in self.model_answer.split("\n\n"))
            answer = f"<div><strong>Model answer</strong></div>{paragraphs}"
        return (f"<div class='alliancelab-reveal alliancelab-{self.status}' role='status' data-prompt='{html.escape(self.prompt_id, quote=True)}' "
                f"style='border-left:6px solid {colour};padding:.4em .8em;margin:.3em 0;background:#f7f7f7;color:#111'>"
                f"<div>{html.escape(self.message)}</div>{answer}</div>")


def _show(result: Revealed) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display

        if get_ipython() is not None:
            if result.model_answer:  # JupyterLab renders the model answer's Markdown (emphasis, maths) itself
                from IPython.display import Markdown

                display(HTML(Revealed(result.prompt_id, result.status, result.message).to_html()))
                text = result.model_answer
                display(Markdown(text if text.startswith("**Model answer") else f"**Model answer.** {text}"))
            else:
                display(HTML(result.to_html()))
            return
    except Exception:  # pragma: no cover
        pass
    print(result)


def _written(answer: Any) -> str:
    if answer is Ellipsis or answer is None:
        return ""
    if not isinstance(answer, str):
        return ""
    return answer.strip()


def reveal(prompt_id: Any, your_answer: Any = Ellipsis) -> Revealed:
    """Show the model answer to an open prompt once ``your_answer`` holds some text of your own."""
    try:
        result = _reveal(prompt_id, your_answer)
    except Exception as error:  # never raise for learner input
        result = Revealed(str(prompt_id)[:20], "invalid", f"That could not be read ({type(error).__name__}).")
    _show(result)
    return result


def _reveal(prompt_id: Any, your_answer: Any) -> Revealed:
    if not isinstance(prompt_id, str):
        return Revealed(str(type(prompt_id).__name__), "invalid", 'The prompt id is text in quotes, like reveal("1.A", answer_1_A).')
    answers = model_answers()
    if not answers:
        return Revealed(prompt_id, "not-in-edition", "This edition of the course has no model answers: your instructor "
                        "marks the open prompts. (Self-learners: use the self-study edition.)")
    entry = answers.get(prompt_id)
    if entry is None:
        known = ", ".join(sorted(i for i in answers if i.split(".")[0] == prompt_id.split(".")[0])) or ", ".join(sorted(answers))
        return Revealed(prompt_id, "invalid", f"There is no open prompt {prompt_id!r}. Open prompts: {known}.")
    if isinstance(your_answer, dict):  # a decide-and-defend answer: the attempt is its justification
        your_answer = your_answer.get("why", "")
        your_answer = "" if your_answer is Ellipsis else your_answer
    if not isinstance(your_answer, str) and your_answer is not Ellipsis and your_answer is not None:
        return Revealed(prompt_id, "invalid", "Write your answer as text between the triple quotes, then run the cell again.")
    if len(_written(your_answer)) < MIN_CHARACTERS:
        return Revealed(prompt_id, "write-first", "Write your own answer between the triple quotes first, then run the cell "
                        "again: the model answer appears once you have made an attempt.")
    return Revealed(prompt_id, "revealed", f"{entry.get('title', prompt_id)}: compare your answer with this model answer. "
                    "It is one good answer, not the only one.", entry.get("model_answer", ""))
