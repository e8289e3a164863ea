"""Use cases of the themes: find them, edit them by hand, undo, show them.

Themes live per question, or across all questions (question_id None). Every
change runs in one transaction and first saves the state before it, so
"undo" can put it back. A theme a person has edited is ``manual``: a new
run of the clustering keeps it and only replaces the others. Hidden notes
never show in a theme, but keep their place in case they are restored.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from sqlite_utils import Database

from . import note_vectors
from .. import store
from ..clock import utc_iso
from ..domain import duplicates
from ..domain import themes as rules
from ..domain.clustering import cluster as clustering
from ..domain.notewall import shorten
from ..domain.clustering.sort import sort_rest as sort_notes
from ..domain.themes import (MAX_LABEL, NEW_LABEL, OTHER_LABEL, Board, Member, ThemeError,
                             clean_label)
from ..models import Event, Note, Theme, ThemeNote

__all__ = ["MAX_LABEL", "ThemeError", "clean_label", "parse_scope", "scope_notes", "themes_of",
           "all_themes", "board", "find", "sort_rest", "rename", "merge", "split", "create",
           "delete", "move", "confirm", "pin", "undo", "show_on_projector", "harvest"]


# ---- reading ---------------------------------------------------------------------------


def parse_scope(db: Database, event_id: str, raw: object) -> int | None:
    """"all" (or nothing) for across all questions, else one of the event's question ids."""
    if raw in (None, "", "all"):
        return None
    try:
        question_id = int(str(raw))
    except ValueError:
        raise ThemeError("bad_question", "unknown question") from None
    if question_id not in {q.id for q in store.list_questions(db, event_id)}:
        raise ThemeError("bad_question", "unknown question")
    return question_id


def scope_notes(db: Database, event_id: str, question_id: int | None) -> list[Note]:
    """The visible notes a scope sorts: one question's, or all of the event's."""
    notes = store.list_notes(db, event_id, visible_only=True)
    return notes if question_id is None else [n for n in notes if n.question_id == question_id]


def themes_of(db: Database, event_id: str, question_id: int | None) -> list[Theme]:
    """The scope's themes with their visible notes: pinned, then featured, then as sorted."""
    visible = {n.id: n for n in scope_notes(db, event_id, question_id)}
    out = []
    for t in store.theme_state(db, event_id, question_id):
        members = [ThemeNote(visible[m.note_id], m.pinned) for m in t.members
                   if m.note_id in visible]
        members.sort(key=lambda m: (not m.pinned, not m.note.starred))
        out.append(Theme(t.id, t.label, tuple(members), question_id, t.other, t.manual))
    return out


def all_themes(db: Database, event_id: str) -> dict[int | None, list[Theme]]:
    """Every scope with themes, for the report."""
    return {q: themes_of(db, event_id, q) for q in store.theme_scopes(db, event_id)}


def board(db: Database, event_id: str, question_id: int | None) -> dict[str, Any]:
    """What the themes page draws for one scope (JSON). A note says how it got there:
    ``by_hand`` (placed by the facilitator) or ``review`` ("sort the rest" was unsure)."""
    themes = themes_of(db, event_id, question_id)
    flags = {m.note_id: m for t in store.theme_state(db, event_id, question_id)
             for m in t.members}
    placed = {m.note.id for t in themes for m in t.notes}
    notes = scope_notes(db, event_id, question_id)
    return {
        "scope": "all" if question_id is None else question_id,
        "themes": [{"id": t.id, "label": t.label, "other": t.other, "manual": t.manual,
                    "size": len(t.notes),
                    "notes": _stacked([m.note for m in t.notes], flags)}
                   for t in themes],
        "unsorted": _stacked([n for n in notes if n.id not in placed], {}),
        "notes_total": len(notes),
        "manual_count": sum(t.manual for t in themes),
        "review_count": sum(m.review for m in flags.values() if m.note_id in placed),
        "can_sort": any(t.manual and not t.other for t in themes),
        "can_undo": store.count_theme_undo(db, event_id, question_id) > 0,
    }


def _stacked(notes: list[Note], flags: dict[str, Member]) -> list[dict[str, Any]]:
    """One entry per stack of copies (as on the wall): the first note, with ``copies``
    the ids of the others; a theme's ``size`` still counts every copy."""
    return [{**_note(first, flags.get(first.id)), "copies": [n.id for n in rest]}
            for first, *rest in duplicates.stack_items(notes, lambda n: n.text)]


def _note(note: Note, member: Member | None) -> dict[str, Any]:
    member = member or Member(note.id)
    return {"id": note.id, "text": note.text, "pinned": member.pinned, "starred": note.starred,
            "prepared": note.prepared, "by_hand": member.by_hand, "review": member.review,
            "scope": note.scope}


# ---- finding themes, sorting the rest -------------------------------------------------------


def find(db: Database, event: Event, question_id: int | None, now: datetime,
         n_themes: int | None = None) -> Board:
    """Cluster the scope's visible notes anew, keeping every manual theme.

    Manual themes pass to the clustering as ``keep``; new notes may join them
    or form new themes; the non-manual themes are replaced. Pins survive.
    The slow part (vectors, clustering) runs outside the write transaction so
    notes from the room are never held up; a change made meanwhile wins and
    this run is refused ("changed").
    """
    notes, before, vectors, extra = _inputs(db, event, question_id)
    index = {n.id: i for i, n in enumerate(notes)}
    manual = tuple(t for t in before if t.manual)
    keep = [(t.label, tuple(index[nid] for nid in t.note_ids if nid in index)) for t in manual]
    found = clustering.find_themes([n.text for n in notes], lang="auto", n_themes=n_themes,
                                   vectors=vectors, locale=event.language, keep=keep, **extra)
    after = rules.from_found(found, manual, [n.id for n in notes], _members(before),
                             OTHER_LABEL.get(event.language, "Övrigt"))
    return _save_run(db, event, question_id, before, after, now)


def sort_rest(db: Database, event: Event, question_id: int | None, now: datetime) -> Board:
    """"Sortera resten": the facilitator's themes keep their hand-placed notes and take the
    others (or new suggested themes, or Övrigt); unsure placements are marked for review.
    Every note placed by hand so far teaches it; a kept theme with none lends its first
    three notes."""
    notes, before, vectors, extra = _inputs(db, event, question_id)
    index = {n.id: i for i, n in enumerate(notes)}
    seeds = rules.hand_placed(before)
    if not any(not t.other for t, _ in seeds):
        raise ThemeError("no_seeds", "name a theme and place a few notes in it first")
    placed = [(OTHER_LABEL["sv"] if t.other else t.label,
               tuple(index[nid] for nid in ids if nid in index)) for t, ids in seeds]
    result = sort_notes([n.text for n in notes], placed, lang="auto", vectors=vectors,
                        locale=event.language, **extra)
    after = rules.from_sorted(result.themes, set(result.review), seeds, [n.id for n in notes],
                              _members(before))
    return _save_run(db, event, question_id, before, after, now)


def _inputs(db: Database, event: Event, question_id: int | None):
    notes = scope_notes(db, event.id, question_id)
    before = store.theme_state(db, event.id, question_id)
    vectors = note_vectors.for_notes(db, event.id, notes)
    # Without every vector the clustering would compute them all: too slow for a room.
    extra = {} if vectors is not None else {"params": {"w_embed": 0, "seed_w_embed": 0}}
    return notes, before, vectors, extra


def _members(board_: Board) -> dict[str, Member]:
    return {m.note_id: m for t in board_ for m in t.members}


def _save_run(db: Database, event: Event, question_id: int | None, before: Board,
              after: Board, now: datetime) -> Board:
    with db.atomic():
        if store.theme_state(db, event.id, question_id) != before:
            raise ThemeError("changed", "the themes changed meanwhile; try again")
        store.push_theme_undo(db, event.id, question_id, before, utc_iso(now))
        return store.replace_themes(db, event.id, question_id, after, utc_iso(now))


# ---- editing by hand -------------------------------------------------------------------------


def rename(db: Database, event: Event, question_id: int | None, theme_id: object,
           label: object, now: datetime) -> Board:
    return _change(db, event, question_id, now, lambda b: rules.rename(b, theme_id, label))


def merge(db: Database, event: Event, question_id: int | None, theme_ids: object,
          now: datetime) -> Board:
    """Two or more themes become the first of them (in display order)."""
    return _change(db, event, question_id, now, lambda b: rules.merge(b, theme_ids))


def split(db: Database, event: Event, question_id: int | None, theme_id: object,
          note_ids: object, label: object, now: datetime) -> Board:
    """The chosen notes of a theme move out to a new theme right after it."""
    clean = _new_label(label, event)
    return _change(db, event, question_id, now,
                   lambda b: rules.split(b, theme_id, note_ids, clean))


def create(db: Database, event: Event, question_id: int | None, note_ids: object,
           label: object, now: datetime) -> Board:
    """A new theme of the chosen notes, placed by hand (a start for "sort the rest")."""
    clean = _new_label(label, event)
    visible = {n.id for n in scope_notes(db, event.id, question_id)}
    return _change(db, event, question_id, now,
                   lambda b: rules.create(b, note_ids, clean, visible))


def delete(db: Database, event: Event, question_id: int | None, theme_id: object,
           now: datetime) -> Board:
    """A theme goes; its notes go to "Övrigt" (made if missing), which then counts as edited."""
    other = OTHER_LABEL.get(event.language, "Övrigt")
    return _change(db, event, question_id, now, lambda b: rules.delete(b, theme_id, other))


def move(db: Database, event: Event, question_id: int | None, note_ids: object,
         target_id: object, now: datetime) -> Board:
    """Notes (from any theme of the scope, or not yet sorted) move to the target theme."""
    visible = {n.id for n in scope_notes(db, event.id, question_id)}
    return _change(db, event, question_id, now,
                   lambda b: rules.move(b, note_ids, target_id, visible))


def confirm(db: Database, event: Event, question_id: int | None, note_ids: object,
            now: datetime) -> Board:
    """Notes marked for checking stay in their theme, as placed by hand (they teach the
    next "sort the rest"); only notes of the scope that are not hidden."""
    visible = {n.id for n in scope_notes(db, event.id, question_id)}
    return _change(db, event, question_id, now, lambda b: rules.confirm(b, note_ids, visible))


def pin(db: Database, event: Event, question_id: int | None, note_id: object, pinned: object,
        now: datetime) -> Board:
    """Pin (or unpin) a note as a quote the report puts first in its theme."""
    return _change(db, event, question_id, now, lambda b: rules.pin(b, note_id, pinned))


def undo(db: Database, event: Event, question_id: int | None, now: datetime) -> Board:
    """Put back the state before the last change of this scope."""
    with db.atomic():
        before = store.pop_theme_undo(db, event.id, question_id)
        if before is None:
            raise ThemeError("nothing_to_undo", "there is nothing to undo")
        return store.replace_themes(db, event.id, question_id, before, utc_iso(now))


def _new_label(label: object, event: Event) -> str:
    return clean_label(label) if label not in (None, "") else NEW_LABEL.get(event.language,
                                                                             "Nytt tema")


def _change(db: Database, event: Event, question_id: int | None, now: datetime,
            change: Callable[[Board], Board]) -> Board:
    """Load the scope, apply one rule, save it for undo and save the result: one transaction."""
    with db.atomic():
        before = store.theme_state(db, event.id, question_id)
        after = change(before)
        store.push_theme_undo(db, event.id, question_id, before, utc_iso(now))
        return store.replace_themes(db, event.id, question_id, after, utc_iso(now))


# ---- the projector's harvest ---------------------------------------------------------------


def show_on_projector(db: Database, event_id: str, question_id: int | None) -> None:
    """The projector shows these themes (the harvest view)."""
    with db.atomic():
        store.set_event_fields(db, event_id, projector_view="themes",
                               projector_themes="all" if question_id is None else str(question_id))


HARVEST_QUOTE_CHARS = 180   # cut at a word, never mid-word


def harvest(db: Database, event_id: str) -> dict[str, Any]:
    """Themes and counts for the projector: the chosen scope, else the one changed last."""
    chosen = store.get_projector_themes(db, event_id)
    if chosen:
        question_id = None if chosen == "all" else int(chosen)
    else:
        question_id = store.last_changed_theme_scope(db, event_id)[1]
    questions = {q.id: q.text for q in store.list_questions(db, event_id)}
    themes = [t for t in themes_of(db, event_id, question_id) if t.notes]
    return {"question": questions.get(question_id) if question_id is not None else None,
            "themes": [{"label": t.label, "count": len(t.notes), "other": t.other,
                        "quote": shorten(t.notes[0].note.text, HARVEST_QUOTE_CHARS) if t.notes else ""}
                       for t in themes]}
