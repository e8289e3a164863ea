"""Use cases of dot votes: the facilitator's votes, the phones' ballots, the results.

A vote's options come from the themes of a question (or of all questions),
from the featured notes, or are typed by hand. They are taken again when a
draft opens and then stay fixed: if the themes change while the vote is
open, the dots stay on what the room saw, and ``source_changed`` tells the
facilitator so.
"""
from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any, Mapping

from sqlite_utils import Database

from .. import store
from ..db import connect
from ..domain import votes as rules
from ..domain.votes import VoteError
from ..models import Vote
from ..phones import Phone
from ..store.notewriter import NoteWriter
from . import themes
from .validation import ValidationError

# The demo's closed vote: typed options and the dots nine phones placed (3 each).
DEMO_TITLE = "Vad tar vi oss an tillsammans?"
DEMO_OPTIONS = ("Gemensam kompetensutveckling", "Samordnad elevhälsa", "Dela data och statistik",
                "Nätverk för skolchefer")
DEMO_BALLOTS = ({0: 2, 1: 1}, {1: 3}, {0: 1, 1: 1, 3: 1}, {2: 2, 0: 1}, {1: 2, 3: 1},
                {0: 3}, {1: 1, 2: 1, 3: 1}, {0: 1, 1: 2}, {3: 2, 2: 1})


def add_vote(db: Database, event_id: str, form: Mapping[str, Any]) -> int:
    """A new vote, not yet open, with its options as they stand now."""
    fields, errors = rules.clean_vote_form(form)
    if fields["step_id"] is not None and store.get_step(db, event_id, fields["step_id"]) is None:
        errors["step_id"] = "bad_step"
    question = fields["question_id"]
    if question is not None and question not in {q.id for q in store.list_questions(db, event_id)}:
        errors["question"] = "bad_question"
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        vote_id = store.insert_vote(db, event_id, fields)
        vote = store.get_vote(db, event_id, vote_id)
        options = source_options(db, vote, [("", o) for o in fields["options"]])
        _set_options(db, vote, options)
    return vote_id


def source_options(db: Database, vote: Vote, typed: list[tuple[str, str]] | None = None
                   ) -> list[tuple[str, str]]:
    """(ref, label) the vote's source offers right now."""
    if vote.source == "manual":
        return rules.option_labels(typed if typed is not None
                                   else [(o.ref, o.label) for o in vote.options])
    if vote.source == "featured":
        return rules.option_labels([(f"note:{n.id}", n.text) for n in
                                    store.list_notes(db, vote.event_id, visible_only=True)
                                    if n.starred])
    return rules.option_labels([(f"theme:{t.id}", t.label) for t in _themes(db, vote)])


def _themes(db: Database, vote: Vote):
    if vote.question_id is not None:
        scopes = [vote.question_id]
    else:  # all questions: the themes made across them, else every question's own
        scopes = store.theme_scopes(db, vote.event_id)
        scopes = [None] if None in scopes else scopes
    return [t for q in scopes for t in themes.themes_of(db, vote.event_id, q)
            if t.notes and not t.other]


def _set_options(db: Database, vote: Vote, options: list[tuple[str, str]]) -> None:
    store.replace_vote_options(db, vote, options)
    store.set_vote_fields(db, vote.id, source_digest=rules.options_digest(options))


def votes(db: Database, event_id: str) -> list[Vote]:
    return store.list_votes(db, event_id)


def get(db: Database, event_id: str, vote_id: object) -> Vote:
    try:
        found = store.get_vote(db, event_id, int(vote_id))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        found = None
    if found is None:
        raise VoteError("no_vote", "no such vote in this event")
    return found


def open_vote(db: Database, event_id: str, vote_id: object) -> Vote:
    """Open a draft with its source's options as they are now, or reopen a closed vote
    (its dots and options as they were). A vote with nothing to vote on stays shut."""
    vote = get(db, event_id, vote_id)
    with db.atomic():
        if vote.status == "draft" and vote.source != "manual":
            _set_options(db, vote, source_options(db, vote))
        if len(get(db, event_id, vote.id).options) < 2:
            raise VoteError("no_options", "a vote needs at least two options")
        store.set_vote_fields(db, vote.id, status="open")
    return get(db, event_id, vote.id)


def close_vote(db: Database, event_id: str, vote_id: object) -> Vote:
    vote = get(db, event_id, vote_id)
    with db.atomic():
        store.set_vote_fields(db, vote.id, status="closed" if vote.status == "open" else vote.status)
    return get(db, event_id, vote.id)


def set_visible(db: Database, event_id: str, vote_id: object, visible: bool) -> Vote:
    vote = get(db, event_id, vote_id)
    with db.atomic():
        store.set_vote_fields(db, vote.id, results_visible=visible)
    return get(db, event_id, vote.id)


def delete_vote(db: Database, event_id: str, vote_id: object) -> None:
    vote = get(db, event_id, vote_id)
    with db.atomic():
        store.delete_vote(db, vote.id)


def open_votes_of_step(db: Database, event_id: str, step_id: int) -> None:
    """The room reached a step: open the votes tied to it (drafts with fresh options)."""
    for vote in votes(db, event_id):
        if vote.step_id == step_id and vote.status != "open":
            try:
                open_vote(db, event_id, vote.id)
            except VoteError:
                continue  # nothing to vote on yet: it stays shut, the control page shows it


def cast(db: Database, event_id: str, payload: object,
         phone: Phone | None = None) -> tuple[Vote, bool]:
    """Store a phone's whole ballot unless a newer one is stored; (vote, kept).

    From a phone (``phone`` given: the server-issued key it showed) the ballot key is
    derived from the phone and the vote, whatever the payload says: one ballot per
    phone per vote, and its ballots in two votes share nothing. Without ``phone``
    (the demo data, tests of the rules) the payload's key is taken.
    """
    with db.atomic():
        return _write_ballot(db, (event_id, payload, phone), {})


Ballot = tuple[str, object, Phone | None]  # (event id, the phone's payload, its key)


def ballot_writer(path: str | Path) -> NoteWriter[Ballot, tuple[Vote, bool]]:
    """The process's group committer for ballots (the notes' one, see notewriter.py): a
    thousand phones placing dots at once share a few transactions instead of one each."""
    return NoteWriter(lambda: connect(path), _write_ballot)


def cast_batched(writer: NoteWriter[Ballot, tuple[Vote, bool]], event_id: str,
                 payload: object, phone: Phone | None) -> tuple[Vote, bool]:
    """As cast, committed with the other ballots arriving now; returns after the commit."""
    return writer.submit((event_id, payload, phone))


def _write_ballot(db: Database, ballot: Ballot, memo: dict) -> tuple[Vote, bool]:
    """One ballot inside the writer's transaction; the vote is read once per batch."""
    event_id, payload, phone = ballot
    if not isinstance(payload, dict):
        raise VoteError("bad_payload", "a ballot is an object with vote_id, key, seq and dots")
    cache_key = (event_id, str(payload.get("vote_id")))
    if cache_key not in memo:
        memo[cache_key] = get(db, event_id, payload.get("vote_id"))
    vote = memo[cache_key]
    if phone is not None:
        payload = {**payload, "key": phone.key_for("vote", vote.id)}
    key, seq, dots = rules.clean_ballot(vote, payload)
    return vote, store.upsert_ballot(db, vote, key, seq, dots)


def result(db: Database, vote: Vote) -> dict[str, Any]:
    counts, phones = store.vote_counts(db, vote.id)
    return rules.tally(vote, counts, phones)


def results(db: Database, event_id: str) -> list[dict[str, Any]]:
    """Every vote's tally, for the control pages and the report."""
    return [result(db, v) for v in votes(db, event_id)]


def shown_results(db: Database, event_id: str) -> list[dict[str, Any]]:
    """What the projector may show (see domain.votes.shown)."""
    return rules.shown(results(db, event_id))


shown = rules.shown


def public_votes(db: Database, event_id: str) -> list[dict[str, Any]]:
    """The open votes as phones show them."""
    return [rules.public(v) for v in votes(db, event_id) if v.status == "open"]


def source_changed(db: Database, vote: Vote) -> bool:
    """Whether the themes or featured notes differ from what the open vote was opened with."""
    if vote.source == "manual" or vote.status == "draft":
        return False
    return rules.options_digest(source_options(db, vote)) != vote.source_digest


def reported_results(db: Database, event_id: str) -> list[dict[str, Any]]:
    """The report's votes: every vote that has been opened, closed or not, with dots."""
    return [r for r in results(db, event_id) if r["status"] != "draft" and r["phones"]]


def add_demo_vote(db: Database, event_id: str, rng: random.Random) -> None:
    """A closed vote with the dots of nine phones, as the demo's evaluation has answers."""
    form = {"title": DEMO_TITLE, "source": "manual", "options": "\n".join(DEMO_OPTIONS),
            "dots": "3", "results_visible": "1"}
    with db.atomic():
        vote = get(db, event_id, add_vote(db, event_id, form))
        store.set_vote_fields(db, vote.id, status="open")
        vote = get(db, event_id, vote.id)
        for ballot in DEMO_BALLOTS:
            key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            dots = {vote.options[i].id: n for i, n in ballot.items()}
            cast(db, event_id, {"vote_id": vote.id, "key": key, "seq": 1, "dots": dots})
        store.set_vote_fields(db, vote.id, status="closed")
