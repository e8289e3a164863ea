"""A scope's themes as the facilitator edits them, and the pure rules of every edit.

A board is the themes of one question (or of all questions) in display order:
frozen `Theme`s holding frozen `Member`s. Every rule takes a board and returns a
new one, or raises `ThemeError` saying why not; nothing here reads or writes a
database (usecases/themes.py loads, applies one rule, saves, in one transaction).

A member remembers how it got there: ``by_hand`` (the facilitator placed it: it
teaches "sort the rest") and ``review`` (sorted there with little certainty).
A theme a person has edited is ``manual``: finding themes again keeps it. The
"Övrigt"/"Other" bucket (``other``) is always last; empty themes disappear.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, Iterable

MAX_LABEL = 120
MAX_NOTES_PER_CHANGE = 5000
UNDO_DEPTH = 20
OTHER_LABEL = {"sv": "Övrigt", "en": "Other"}
NEW_LABEL = {"sv": "Nytt tema", "en": "New theme"}
# Control characters and the invisible direction overrides that could garble a label.
_FORBIDDEN = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class ThemeError(ValueError):
    """A change that cannot be done; ``code`` for programs, the text for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Member:
    note_id: str
    pinned: bool = False      # the report quotes it first
    by_hand: bool = False     # the facilitator put it here
    review: bool = False      # "sort the rest" put it here with little certainty


@dataclass(frozen=True)
class Theme:
    id: int | None            # None until saved
    label: str
    members: tuple[Member, ...] = ()
    other: bool = False       # the "Övrigt" bucket
    manual: bool = False      # edited by a person: finding themes again keeps it

    @property
    def note_ids(self) -> tuple[str, ...]:
        return tuple(m.note_id for m in self.members)


Board = tuple[Theme, ...]


# ---- the rules ---------------------------------------------------------------------------

def rename(board: Board, theme_id: object, label: object) -> Board:
    clean = clean_label(label)
    return _replace_theme(board, find(board, theme_id), label=clean, manual=True)


def merge(board: Board, theme_ids: object) -> Board:
    """Two or more themes become the first of them (in display order)."""
    ids = id_list(theme_ids, "bad_themes", "choose two or more themes to merge")
    chosen = {find(board, tid).id for tid in ids}
    if len(chosen) < 2:
        raise ThemeError("bad_themes", "choose two or more themes to merge")
    parts = [t for t in board if t.id in chosen]
    target = replace(parts[0], members=tuple(m for t in parts for m in t.members), manual=True,
                     other=all(t.other for t in parts))
    return tidy(tuple(target if t is parts[0] else t for t in board if t not in parts[1:]))


def split(board: Board, theme_id: object, note_ids: object, label: str) -> Board:
    """The chosen notes of a theme move out, placed by hand, to a new theme right after it."""
    theme = find(board, theme_id)
    chosen = set(id_list(note_ids, "bad_notes", "choose the notes to split off"))
    moving = [m for m in theme.members if m.note_id in chosen]
    if not moving or len(moving) != len(chosen):
        raise ThemeError("bad_notes", "choose notes of this theme to split off")
    rest = replace(theme, members=tuple(m for m in theme.members if m.note_id not in chosen),
                   manual=True)
    new = Theme(None, label, tuple(_by_hand(m) for m in moving), False, True)
    at = board.index(theme)
    return tidy(board[:at] + (rest, new) + board[at + 1:])


def create(board: Board, note_ids: object, label: str, visible: set[str]) -> Board:
    """A new theme of the chosen notes (from any theme, or not sorted yet), placed by hand."""
    new = Theme(None, label, (), False, True)
    at = len([t for t in board if not t.other])
    return _move_to(board[:at] + (new,) + board[at:], note_ids, new, visible)


def delete(board: Board, theme_id: object, other_label: str) -> Board:
    """A theme goes; its notes go to "Övrigt" (made if missing), which then counts as edited."""
    theme = find(board, theme_id)
    if theme.other and theme.members:
        raise ThemeError("is_other", "move the notes out of this theme before deleting it")
    rest = tuple(t for t in board if t is not theme)
    if not theme.members:
        return tidy(rest)
    other = next((t for t in rest if t.other), Theme(None, other_label, (), True))
    grown = replace(other, members=other.members + theme.members, manual=True)
    return tidy(tuple(t for t in rest if t is not other) + (grown,))


def move(board: Board, note_ids: object, target_id: object, visible: set[str]) -> Board:
    """Notes (from any theme of the scope, or not yet sorted) move to the target, by hand."""
    return _move_to(board, note_ids, find(board, target_id), visible)


def _move_to(board: Board, note_ids: object, target: Theme, visible: set[str]) -> Board:
    ids = list(dict.fromkeys(id_list(note_ids, "bad_notes", "choose notes to move")))
    if not ids or not set(ids) <= visible:
        raise ThemeError("bad_notes", "choose notes of this question to move")
    wanted = set(ids)
    found = {m.note_id: m for t in board for m in t.members if m.note_id in wanted}
    moving = tuple(_by_hand(found.get(nid, Member(nid))) for nid in ids)
    out = []
    for theme in board:
        kept = tuple(m for m in theme.members if m.note_id not in wanted)
        changed = len(kept) != len(theme.members)
        if theme is target:
            theme = replace(theme, members=kept + moving, manual=True)
        elif changed:
            theme = replace(theme, members=kept, manual=True)
        out.append(theme)
    return tidy(tuple(out))


def confirm(board: Board, note_ids: object, visible: set[str]) -> Board:
    """The notes stay where they are, now as placed by hand: the facilitator checked a
    marked placement and it was right, so the next "sort the rest" learns from it too.
    Only notes the page shows (``visible``): a hidden one keeps its place untouched."""
    ids = id_list(note_ids, "bad_notes", "choose notes to confirm")
    placed = {m.note_id for t in board for m in t.members} & visible
    if not all(isinstance(n, str) and n in placed for n in ids):
        raise ThemeError("no_note", "that note is in none of these themes")
    wanted = set(ids)
    return tuple(replace(t, members=tuple(_by_hand(m) if m.note_id in wanted else m
                                          for m in t.members), manual=True)
                 if wanted & set(t.note_ids) else t for t in board)


def pin(board: Board, note_id: object, pinned: object) -> Board:
    """Pin (or unpin) a note as a quote the report puts first in its theme."""
    if not isinstance(pinned, bool):
        raise ThemeError("bad_flags", "pinned must be true or false")
    for theme in board:
        for k, member in enumerate(theme.members):
            if member.note_id == note_id:
                members = theme.members[:k] + (replace(member, pinned=pinned),) + \
                    theme.members[k + 1:]
                return tuple(replace(t, members=members) if t is theme else t for t in board)
    raise ThemeError("no_note", "that note is in none of these themes")


def push_undo(history: tuple[Board, ...], board: Board) -> tuple[Board, ...]:
    """The undo stack with ``board`` on top, at most UNDO_DEPTH deep."""
    return (history + (board,))[-UNDO_DEPTH:]


def pop_undo(history: tuple[Board, ...]) -> tuple[Board, tuple[Board, ...]]:
    """(the board before the last change, the rest of the stack)."""
    if not history:
        raise ThemeError("nothing_to_undo", "there is nothing to undo")
    return history[-1], history[:-1]


def tidy(board: Iterable[Theme]) -> Board:
    """No empty themes, no note twice (the first place wins), and "Övrigt" last."""
    seen: set[str] = set()
    out = []
    for theme in board:
        members = []
        for member in theme.members:
            if member.note_id not in seen:
                seen.add(member.note_id)
                members.append(member)
        members = tuple(members)
        if members:
            out.append(replace(theme, members=members) if members != theme.members else theme)
    return tuple(t for t in out if not t.other) + tuple(t for t in out if t.other)


# ---- boards from the clustering ---------------------------------------------------------

def from_found(found: list, manual: Board, ids: list[str], before: dict[str, Member],
               other_label: str) -> Board:
    """The board after "find themes": the clustering's themes (indices into ``ids``),
    manual themes keeping id, flags, notes and order; pins kept, review marks cleared."""
    waiting = {t.label: t for t in reversed(manual)}   # the first of equal labels wins
    visible = set(ids)
    out = []
    for theme in found:
        notes = [ids[i] for i in (*theme.quotes, *theme.notes) if 0 <= i < len(ids)]
        kept = waiting.get(theme.label)
        # A kept theme comes back with its label and (at least) its notes; a new theme
        # that merely has the same label does not take its place.
        if kept is not None and set(kept.note_ids) & visible <= set(notes):
            del waiting[theme.label]
            members = tuple(replace(m, review=False) for m in kept.members)
            out.append(replace(kept, members=members + _fresh(notes, before)))
        else:
            out.append(Theme(None, theme.label, _fresh(notes, before), theme.other))
    out += waiting.values()      # the clustering dropped it: manual work still survives
    placed = {m.note_id for t in out for m in t.members}
    missing = _fresh([nid for nid in ids if nid not in placed], before)
    return tidy(out + ([Theme(None, other_label, missing, True)] if missing else []))


def hand_placed(board: Board) -> list[tuple[Theme, tuple[str, ...]]]:
    """What "sort the rest" learns from: each manual theme with the notes placed in it by
    hand (a kept theme with none lends its first three), and Övrigt's hand-placed notes."""
    out = []
    for theme in board:
        hand = tuple(m.note_id for m in theme.members if m.by_hand)
        if theme.manual and not theme.other:
            out.append((theme, hand or theme.note_ids[:3]))
        elif theme.other and hand:
            out.append((theme, hand))
    return out


def from_sorted(found: list, review: set[int], seeds: list[tuple[Theme, tuple[str, ...]]],
                ids: list[str], before: dict[str, Member]) -> Board:
    """The board after "sort the rest": each of the facilitator's themes keeps its id and
    label, its hand-placed notes first; sorted notes marked ``review`` when unsure."""
    position = {nid: i for i, nid in enumerate(ids)}
    owners = {position[nids[0]]: theme for theme, nids in seeds if nids and nids[0] in position}
    out = []
    for theme in found:
        owner = next((owners[i] for i in theme.notes if i in owners), None)
        notes = [ids[i] for i in (*theme.quotes, *theme.notes)]
        hand = tuple(m for m in owner.members if m.by_hand) if owner else ()
        sorted_ = tuple(replace(before.get(nid, Member(nid)), by_hand=False,
                                review=position[nid] in review) for nid in notes)
        members = hand + tuple(m for m in sorted_ if m.note_id not in {h.note_id for h in hand})
        out.append(replace(owner, members=members) if owner
                   else Theme(None, theme.label, members, theme.other))
    return tidy(out)


def _fresh(note_ids: list[str], before: dict[str, Member]) -> tuple[Member, ...]:
    """Members placed by the clustering: their pins kept, nothing else."""
    return tuple(Member(nid, before[nid].pinned if nid in before else False)
                 for nid in dict.fromkeys(note_ids))


# ---- reading requests -------------------------------------------------------------------

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


def find(board: Board, theme_id: object) -> Theme:
    if isinstance(theme_id, int) and not isinstance(theme_id, bool):
        for theme in board:
            if theme.id == theme_id:
                return theme
    raise ThemeError("no_theme", "no such theme here; reload the page")


def id_list(raw: object, code: str, message: str) -> list:
    if not isinstance(raw, list) or not raw or len(raw) > MAX_NOTES_PER_CHANGE:
        raise ThemeError(code, message)
    return raw


# ---- as JSON (the undo stack) -----------------------------------------------------------

def to_json(board: Board) -> list[dict[str, Any]]:
    return [{"id": t.id, "label": t.label, "other": t.other, "manual": t.manual,
             "notes": [[m.note_id, m.pinned, m.by_hand, m.review] for m in t.members]}
            for t in board]


def from_json(data: list[dict[str, Any]]) -> Board:
    """A board from to_json's form; older snapshots with [note_id, pinned] read too."""
    return tuple(Theme(t.get("id"), str(t["label"]),
                       tuple(Member(str(n[0]), *(bool(x) for x in n[1:4])) for n in t["notes"]),
                       bool(t.get("other")), bool(t.get("manual"))) for t in data)


def _by_hand(member: Member) -> Member:
    return replace(member, by_hand=True, review=False)


def _replace_theme(board: Board, theme: Theme, **changes) -> Board:
    return tuple(replace(t, **changes) if t is theme else t for t in board)

