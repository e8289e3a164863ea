"""Use cases of the themes: find them, edit them by hand, undo, show them.

Themes live per question, or across all questions (question_id None). Every
change runs in one transaction and first saves the state before it, so
"undo" can put it back. A theme a person has edited is ``manual``: a new
run of the clustering keeps it and only replaces the others. Hidden notes
never show in a theme, but keep their place in case they are restored.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Any, Callable

from sqlite_utils import Database

from . import note_vectors
from .. import store
from ..clock import utc_iso
from ..domain import duplicates
from ..domain.clustering import cluster as clustering
from ..domain.notewall import shorten
from ..models import Event, Note, Theme, ThemeNote

MAX_LABEL = 120
MAX_NOTES_PER_CHANGE = 5000
OTHER_LABEL = {"sv": "Övrigt", "en": "Other"}
NEW_LABEL = {"sv": "Nytt tema", "en": "New theme"}
# Control characters and the invisible direction overrides that could garble a label.
_FORBIDDEN = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

State = list[dict[str, Any]]


class ThemeError(ValueError):
    """A request about themes that cannot be done; ``code`` for programs, text for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


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
        members = [ThemeNote(visible[nid], bool(pinned)) for nid, pinned in t["notes"]
                   if nid in visible]
        members.sort(key=lambda m: (not m.pinned, not m.note.starred))
        out.append(Theme(t["id"], t["label"], tuple(members), question_id, t["other"],
                         t["manual"]))
    return out


def all_themes(db: Database, event_id: str) -> dict[int | None, list[Theme]]:
    """Every scope with themes, for the report."""
    return {q: themes_of(db, event_id, q) for q in store.theme_scopes(db, event_id)}


def board(db: Database, event_id: str, question_id: int | None) -> dict[str, Any]:
    """What the themes page draws for one scope (JSON)."""
    themes = themes_of(db, event_id, question_id)
    placed = {m.note.id for t in themes for m in t.notes}
    notes = scope_notes(db, event_id, question_id)
    return {
        "scope": "all" if question_id is None else question_id,
        "themes": [{"id": t.id, "label": t.label, "other": t.other, "manual": t.manual,
                    "size": len(t.notes), "notes": _stacked([(m.note, m.pinned) for m in t.notes])}
                   for t in themes],
        "unsorted": _stacked([(n, False) for n in notes if n.id not in placed]),
        "notes_total": len(notes),
        "manual_count": sum(t.manual for t in themes),
        "can_undo": store.count_theme_undo(db, event_id, question_id) > 0,
    }


def _note(note: Note, pinned: bool, copies: list[str] | None = None) -> dict[str, Any]:
    return {"id": note.id, "text": note.text, "pinned": pinned, "starred": note.starred,
            "prepared": note.prepared, "copies": copies or []}


def _stacked(members: list[tuple[Note, bool]]) -> list[dict[str, Any]]:
    """Copies of one note (domain/duplicates) as one entry: the first, with the others' ids."""
    out = []
    for group in duplicates.stack([note.text for note, _ in members]):
        note, pinned = members[group.first]
        copies = [members[i][0].id for i in group.members[1:]]
        out.append(_note(note, pinned or any(members[i][1] for i in group.members), copies))
    return out


# ---- finding themes -----------------------------------------------------------------------


def find(db: Database, event: Event, question_id: int | None, now: datetime,
         n_themes: int | None = None) -> State:
    """Cluster the scope's visible notes anew, keeping every manual theme.

    Manual themes pass to the clustering as ``keep``; new notes may join them
    or form new themes; the non-manual themes are replaced. Pins survive.
    The slow part (vectors, clustering) runs outside the write transaction so
    notes from the room are never held up; a change made meanwhile wins and
    this run is refused ("changed").
    """
    notes = scope_notes(db, event.id, question_id)
    before = store.theme_state(db, event.id, question_id)
    index = {n.id: i for i, n in enumerate(notes)}
    manual = [t for t in before if t["manual"]]
    keep = [(t["label"], tuple(index[nid] for nid, _ in t["notes"] if nid in index))
            for t in manual]
    vectors = note_vectors.for_notes(db, event.id, notes)
    # Without every vector the clustering would compute them all: too slow for a room.
    lexical = {} if vectors is not None else {"params": {"w_embed": 0}}
    found = clustering.find_themes([n.text for n in notes], lang="auto", n_themes=n_themes,
                                   vectors=vectors, locale=event.language, keep=keep, **lexical)
    pinned = {nid for t in before for nid, p in t["notes"] if p}
    after = _merge_result(found, manual, [n.id for n in notes], pinned, event.language)
    with db.atomic():
        if store.theme_state(db, event.id, question_id) != before:
            raise ThemeError("changed", "the themes changed meanwhile; try again")
        store.push_theme_undo(db, event.id, question_id, before, utc_iso(now))
        return store.replace_themes(db, event.id, question_id, after, utc_iso(now))


def _merge_result(found: list, manual: State, ids: list[str], pinned: set[str],
                  language: str) -> State:
    """Saved state from the clustering's themes: manual ones keep id, flags and order."""
    waiting = {t["label"]: t for t in reversed(manual)}  # first of equal labels wins
    seen: set[str] = set()
    out: State = []
    visible = set(ids)
    for theme in found:
        notes = [ids[i] for i in (*theme.quotes, *theme.notes) if 0 <= i < len(ids)]
        kept = waiting.get(theme.label)
        # A kept theme comes back with its label and (at least) its notes; a new theme
        # that merely has the same label does not take its place.
        if kept is not None and {nid for nid, _ in kept["notes"]} & visible <= set(notes):
            del waiting[theme.label]
            notes = [nid for nid, _ in kept["notes"]] + notes
        else:
            kept = None
        notes = [nid for nid in dict.fromkeys(notes) if nid not in seen]
        seen.update(notes)
        out.append({"id": kept["id"] if kept else None, "label": theme.label,
                    "other": kept["other"] if kept else theme.other, "manual": kept is not None,
                    "notes": [[nid, nid in pinned] for nid in notes]})
    for kept in waiting.values():  # the clustering dropped it: manual work still survives
        notes = [[nid, p] for nid, p in kept["notes"] if nid not in seen]
        seen.update(nid for nid, _ in notes)
        out.append({**kept, "notes": notes})
    missing = [[nid, nid in pinned] for nid in ids if nid not in seen]
    if missing:
        out.append({"id": None, "label": OTHER_LABEL.get(language, "Övrigt"), "other": True,
                    "manual": False, "notes": missing})
    return _tidy(out)


def rename(db: Database, event: Event, question_id: int | None, theme_id: object,
           label: object, now: datetime) -> State:
    clean = clean_label(label)

    def change(state: State) -> None:
        theme = _theme(state, theme_id)
        theme.update(label=clean, manual=True)
    return _change(db, event, question_id, now, change)


def merge(db: Database, event: Event, question_id: int | None, theme_ids: object,
          now: datetime) -> State:
    """Two or more themes become the first of them (in display order)."""
    def change(state: State) -> None:
        ids = _id_list(theme_ids, "bad_themes", "choose two or more themes to merge")
        chosen = [_theme(state, tid) for tid in dict.fromkeys(ids)]
        if len(chosen) < 2:
            raise ThemeError("bad_themes", "choose two or more themes to merge")
        chosen.sort(key=state.index)
        target = chosen[0]
        for theme in chosen[1:]:
            target["notes"] += theme["notes"]
            state.remove(theme)
        target.update(manual=True, other=all(t["other"] for t in chosen))
    return _change(db, event, question_id, now, change)


def split(db: Database, event: Event, question_id: int | None, theme_id: object,
          note_ids: object, label: object, now: datetime) -> State:
    """The chosen notes of a theme move out to a new theme right after it."""
    clean = clean_label(label) if label not in (None, "") else NEW_LABEL.get(event.language,
                                                                             "Nytt tema")

    def change(state: State) -> None:
        theme = _theme(state, theme_id)
        chosen = set(_id_list(note_ids, "bad_notes", "choose the notes to split off"))
        moving = [n for n in theme["notes"] if n[0] in chosen]
        if not moving or len(moving) != len(chosen):
            raise ThemeError("bad_notes", "choose notes of this theme to split off")
        theme.update(notes=[n for n in theme["notes"] if n[0] not in chosen], manual=True)
        state.insert(state.index(theme) + 1, {"id": None, "label": clean, "other": False,
                                              "manual": True, "notes": moving})
    return _change(db, event, question_id, now, change)


def delete(db: Database, event: Event, question_id: int | None, theme_id: object,
           now: datetime) -> State:
    """A theme goes; its notes go to "Övrigt" (made if missing), which then counts as edited."""
    def change(state: State) -> None:
        theme = _theme(state, theme_id)
        if theme["other"] and theme["notes"]:
            raise ThemeError("is_other", "move the notes out of this theme before deleting it")
        state.remove(theme)
        if theme["notes"]:
            other = _other(state, event.language)
            other.update(manual=True, notes=other["notes"] + theme["notes"])
    return _change(db, event, question_id, now, change)


def move(db: Database, event: Event, question_id: int | None, note_ids: object,
         target_id: object, now: datetime) -> State:
    """Notes (from any theme of the scope, or not yet sorted) move to the target theme."""
    visible = {n.id for n in scope_notes(db, event.id, question_id)}

    def change(state: State) -> None:
        target = _theme(state, target_id)
        ids = list(dict.fromkeys(_id_list(note_ids, "bad_notes", "choose notes to move")))
        if not ids or not set(ids) <= visible:
            raise ThemeError("bad_notes", "choose notes of this question to move")
        moving = []
        for theme in state:
            kept = [n for n in theme["notes"] if n[0] not in ids]
            if len(kept) != len(theme["notes"]):
                moving += [n for n in theme["notes"] if n[0] in ids]
                theme.update(notes=kept, manual=True)
        unsorted = set(ids) - {n[0] for n in moving}
        target["notes"] += moving + [[nid, False] for nid in ids if nid in unsorted]
        target["manual"] = True
    return _change(db, event, question_id, now, change)


def pin(db: Database, event: Event, question_id: int | None, note_id: object, pinned: object,
        now: datetime) -> State:
    """Pin (or unpin) a note as a quote the report puts first in its theme."""
    if not isinstance(pinned, bool):
        raise ThemeError("bad_flags", "pinned must be true or false")

    def change(state: State) -> None:
        for theme in state:
            for member in theme["notes"]:
                if member[0] == note_id:
                    member[1] = pinned
                    return
        raise ThemeError("no_note", "that note is in none of these themes")
    return _change(db, event, question_id, now, change)


def undo(db: Database, event: Event, question_id: int | None, now: datetime) -> State:
    """Put back the state before the last change of this scope."""
    with db.atomic():
        before = store.pop_theme_undo(db, event.id, question_id)
        if before is None:
            raise ThemeError("nothing_to_undo", "there is nothing to undo")
        return store.replace_themes(db, event.id, question_id, before, utc_iso(now))


def clean_label(raw: object) -> str:
    """A theme label: one line of 1 to MAX_LABEL characters, no control characters.

    Runs of white space become one space; anything else odd is refused, not
    silently changed, so the facilitator sees why.
    """
    if not isinstance(raw, str):
        raise ThemeError("bad_label", "the name must be text")
    text = " ".join(raw.split())
    if not text:
        raise ThemeError("empty_label", "the name cannot be empty")
    if len(text) > MAX_LABEL:
        raise ThemeError("label_too_long", f"the name can be at most {MAX_LABEL} characters")
    if _FORBIDDEN.search(text) or any(unicodedata.category(c) == "Cc" for c in text):
        raise ThemeError("bad_label", "the name cannot hold control characters")
    return text


def _change(db: Database, event: Event, question_id: int | None, now: datetime,
            change: Callable[[State], None]) -> State:
    """Load the scope, save it for undo, apply ``change``, save: one transaction."""
    with db.atomic():
        before = store.theme_state(db, event.id, question_id)
        after = [{**t, "notes": [list(n) for n in t["notes"]]} for t in before]
        change(after)
        store.push_theme_undo(db, event.id, question_id, before, utc_iso(now))
        return store.replace_themes(db, event.id, question_id, _tidy(after), utc_iso(now))


def _tidy(state: State) -> State:
    """No empty themes, and the "Övrigt" bucket last."""
    kept = [t for t in state if t["notes"]]
    return [t for t in kept if not t["other"]] + [t for t in kept if t["other"]]


def _theme(state: State, theme_id: object) -> dict[str, Any]:
    for theme in state:
        if theme["id"] == theme_id and isinstance(theme_id, int) and not isinstance(theme_id, bool):
            return theme
    raise ThemeError("no_theme", "no such theme here; reload the page")


def _other(state: State, language: str) -> dict[str, Any]:
    for theme in state:
        if theme["other"]:
            return theme
    state.append({"id": None, "label": OTHER_LABEL.get(language, "Övrigt"), "other": True,
                  "manual": False, "notes": []})
    return state[-1]


def _id_list(raw: object, code: str, message: str) -> list:
    if not isinstance(raw, list) or not raw or len(raw) > MAX_NOTES_PER_CHANGE:
        raise ThemeError(code, message)
    return raw


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
