"""What the Session hands a front end after every answer: frozen values, one class per kind.

A front end `match`es on the union (`QuestionTurn | ConfirmTurn | CheckInTurn | CrisisTurn |
ResultTurn`) and draws what it gets; nothing in a turn points back into the Session, so a turn
can be kept, compared or shown later without seeing the Session change under it. They are
plain frozen dataclasses: the engine builds one per answer from values it made itself, so
validating them again would cost more than it checks (pydantic stays at the file boundaries).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import ClassVar, Literal

from .conditions import AnswerValue
from .recommend import Recommendation


@dataclass(frozen=True, slots=True, kw_only=True)
class OptionView:
    number: int
    value: str
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionView:
    id: str
    section: str
    section_title: str
    text: str
    help: str | None
    kind: str
    options: tuple[OptionView, ...]
    min: int | None = None
    max: int | None = None
    unit: str = ""


class CrisisStage(IntEnum):
    """Where a crisis check stands: two "yes, I am safe" answers are needed to go on."""

    NONE = 0  # no crisis check on screen
    ASKED = 1  # "Are you safe right now?"
    MAKING_SURE = 2  # "To be sure: you are safe right now?"


@dataclass(frozen=True, slots=True, kw_only=True)
class CrisisView:
    kinds: tuple[str, ...]
    title: str
    message: str
    resources: tuple[str, ...]
    prompt: str
    options: tuple[OptionView, ...]
    stage: CrisisStage


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckInView:
    """An indirect signal's direct question, with the numbers beside it (DESIGN.md, graded response)."""

    concepts: tuple[str, ...]
    message: str
    prompt: str
    resources: tuple[str, ...]
    options: tuple[OptionView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    answered: int
    section: str
    section_title: str
    left: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Accepted:
    """The answer this turn follows from was taken: which question, as what, and where it led."""

    question: str
    value: AnswerValue
    next: str  # the next question's id, or "end"


@dataclass(frozen=True, slots=True, kw_only=True)
class TurnBase:
    progress: Progress
    # a re-ask or a note before what comes next ("Please type a number ..."), or None
    message: str | None = None
    # how the last answer was read ("Got it: 18 to 64."), shown before what comes next
    understood: str | None = None
    # set when the answer before this turn was taken (replay and coverage read it; nothing is diffed)
    accepted: Accepted | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionTurn(TurnBase):
    """A question to answer; `kind` is "reask" when the last answer could not be read."""

    question: QuestionView
    kind: Literal["question", "reask"] = "question"
    # several-choice options already understood while the rest is asked
    ticked: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        return self.question.text


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmTurn(TurnBase):
    """A reading that decides the level, put to the person before it is kept."""

    kind: ClassVar[Literal["confirm"]] = "confirm"
    question: QuestionView  # the question whose reading is checked
    confirm: str  # "You said ... Is that right?"
    options: tuple[OptionView, ...]  # yes and no

    @property
    def shown(self) -> str:
        return self.confirm


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckInTurn(TurnBase):
    kind: ClassVar[Literal["check_in"]] = "check_in"
    check_in: CheckInView

    @property
    def shown(self) -> str:
        return self.check_in.prompt


@dataclass(frozen=True, slots=True, kw_only=True)
class CrisisTurn(TurnBase):
    kind: ClassVar[Literal["crisis"]] = "crisis"
    crisis: CrisisView

    @property
    def shown(self) -> str:
        return self.crisis.prompt


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultTurn(TurnBase):
    kind: ClassVar[Literal["result"]] = "result"
    result: Recommendation

    @property
    def shown(self) -> str:
        return ""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One message of the conversation so far, as a chat log shows it."""

    key: str  # stable across redraws: "q:<id>", "a:<id>", "w:<id>" (words waiting), "c:<id>" (confirm)
    speaker: Literal["bot", "person"]
    text: str


Turn = QuestionTurn | ConfirmTurn | CheckInTurn | CrisisTurn | ResultTurn
# the turns shown in the crisis box rather than the conversation
BOX_TURNS = (CheckInTurn, CrisisTurn)
