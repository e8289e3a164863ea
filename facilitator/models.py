"""Frozen dataclasses passed between store, domain, services and views."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Language = Literal["sv", "en"]
TimerStatus = Literal["idle", "running", "paused"]


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    date: str = ""
    place: str = ""
    organiser: str = ""
    language: Language = "sv"
    join_code: str = ""
    is_demo: bool = False
    box_open: bool = True
    projector_view: str = "timer"
    prepare_token: str = ""
    table_numbers: bool = False
    retention_days: int = 90
    ask_scope: bool = False  # phones ask: for the shared work or our own municipality's?
    checkin_open: bool = False
    projector_theme: str = "dark"  # or "light", for a bright room


@dataclass(frozen=True)
class Question:
    id: int
    event_id: str
    position: int
    text: str


@dataclass(frozen=True)
class Step:
    id: int
    event_id: str
    position: int
    kind: str
    title: str
    instruction: str = ""
    question_id: int | None = None
    duration_s: int = 0
    box: str = ""  # "open" or "closed" when the step sets the box, "" to leave it


@dataclass(frozen=True)
class Note:
    id: str
    event_id: str
    text: str
    created_at: str
    question_id: int | None = None
    hidden: bool = False
    starred: bool = False
    prepared: bool = False
    prepared_by: str = ""
    table_no: int | None = None
    scope: str | None = None  # "shared" | "own" (seed 003's last step) | None
    step_id: int | None = None


@dataclass(frozen=True)
class TimerState:
    """The timer of one event. Times are server epoch milliseconds.

    Running: ``ends_at_ms`` is set. Idle or paused: ``remaining_ms`` is what is left.
    """
    status: TimerStatus = "idle"
    step_id: int | None = None
    duration_ms: int = 0
    ends_at_ms: int | None = None
    remaining_ms: int = 0
    auto_advance: bool = False


@dataclass(frozen=True)
class EventDraft:
    """What a facilitator types in to create or edit an event."""
    name: str
    date: str = ""
    place: str = ""
    organiser: str = ""
    language: Language = "sv"


@dataclass(frozen=True)
class ProgrammeTemplate:
    """A programme to start an event from (loaded from data/programmes/*.json)."""
    key: str
    title: str
    questions: list[str] = field(default_factory=list)
    steps: list[dict] = field(default_factory=list)
    evaluation: list[dict] = field(default_factory=list)  # evaluation item fields


@dataclass(frozen=True)
class User:
    """A facilitator account. Participants never have one."""
    id: int
    username: str
    login_id: str = ""  # the server-side log-in this browser holds (see usecases/accounts.py)

    # Flask-Login's user protocol
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        """What the session cookie holds: the user and the log-in, so log-out can end it."""
        return f"{self.id}:{self.login_id}"


@dataclass(frozen=True)
class EvalItem:
    """An evaluation item: a 1-N scale, a single choice, or an open comment."""
    id: int
    event_id: str
    position: int
    kind: str  # "scale" | "choice" | "comment"
    prompt: str
    scale_min: int = 1
    scale_max: int = 4
    low_label: str = ""
    high_label: str = ""
    options: tuple[str, ...] = ()
    is_open: bool = False
    results_visible: bool = True
    step_id: int | None = None


@dataclass(frozen=True)
class Attendee:
    """Someone at an event, for rotations only. Notes never point at an attendee."""
    id: int
    event_id: str
    name: str
    org: str = ""
    role: str = ""
    host_table: int | None = None
    present: bool = True


@dataclass(frozen=True)
class RotationSettings:
    """How an event's rotation is planned, and which round the room is in (0: none yet)."""
    mode: str = "mix"          # mix | pairs | hosts
    size: int = 5              # wished table size (used when tables is 0)
    tables: int = 0            # a fixed number of tables, or 0
    rounds: int = 3
    seed: int = 1
    current: int = 0


@dataclass(frozen=True)
class ThemeNote:
    """A visible note in a theme; ``pinned`` puts it first in the report."""
    note: Note
    pinned: bool = False


@dataclass(frozen=True)
class Theme:
    """A saved theme of notes, per question (``question_id``) or across all (None)."""
    id: int
    label: str
    notes: tuple[ThemeNote, ...] = ()
    question_id: int | None = None
    other: bool = False   # the "Övrigt" bucket, always last
    manual: bool = False  # edited by a person: a new run keeps it


@dataclass(frozen=True)
class VoteOption:
    """One thing to put dots on; ``ref`` is the theme or note it was taken from ("" typed)."""
    id: int
    label: str
    ref: str = ""


@dataclass(frozen=True)
class Vote:
    """A dot vote. Its options are fixed when it opens: a later change to the themes it
    came from does not move dots already placed (``source_digest`` tells that it changed)."""
    id: int
    event_id: str
    title: str
    source: str = "manual"      # "themes" | "featured" | "manual"
    question_id: int | None = None  # themes of this question; None: of all questions
    dots: int = 3               # dots per phone
    max_per_option: int = 0     # at most this many on one option; 0: no limit
    status: str = "draft"       # "draft" | "open" | "closed"
    results_visible: bool = True  # live bars on the projector, or hidden until closed
    step_id: int | None = None  # a programme step that opens it
    source_digest: str = ""     # a digest of the source's options when the vote opened
    options: tuple[VoteOption, ...] = ()
