"""The labelled note sets of `facilitator bench themes` (tests/data/themes_*.tsv), by round,
and what a simulated facilitator does with them (hand-placed seeds, whiteboard names)."""
from __future__ import annotations

import random
from pathlib import Path

from ..domain.clustering.scores import OTHER_THEMES, read_label_words, read_labelled

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
SETS = ("sv_dev", "en_dev", "sv_heldout", "en_heldout")
# Topics the project had never seen (issue 18): written before tuning; tune_* were tuned on,
# hold_* never. sv_fresh/sv_fresh2 came from earlier rounds (their topics unknown to the thesaurus).
UNSEEN = ("tune_sv_transport", "tune_en_library", "tune_mix_climate", "sv_fresh", "sv_fresh2",
          "hold_sv_eldercare", "hold_en_schoolmeals", "hold_mix_youth")
# Round 2 of issue 18: written and committed before its tuning, measured once at its end.
# (The hold_* sets above were looked at in round 1: tuning sets from round 2 on.)
NEW = ("new_sv_housing", "new_en_health", "new_mix_digital", "new_sv_centrum")
# Round 3: written and committed by a helper who never saw the method, before any round-3
# change was merged; the tuners never opened them. Measured once, at the end of round 3.
ROUND3 = ("r3_sv_rescue", "r3_en_parks", "r3_mix_jobs", "r3_sv_social", "r3_sv_waste")
# Round 4: the same rule as round 3 (written first by a helper who never saw the method).
ROUND4 = ("r4_sv_business", "r4_en_tourism", "r4_mix_students", "r4_sv_staff",
          "r4_sv_preparedness")
# Round 5: five more, the same way, written while round 4's last label rule was made.
ROUND5 = ("r5_sv_sports", "r5_en_roads", "r5_mix_energy", "r5_sv_democracy", "r5_sv_disability")
# Round 6: five more, the same way, written blind at the start of round 5's changes.
ROUND6 = ("r6_sv_culture", "r6_en_water", "r6_mix_rural", "r6_sv_budget", "r6_sv_safety")
ROUND7 = ("r7_sv_planning", "r7_en_food", "r7_mix_volunteer", "r7_sv_primarycare", "r7_sv_winter")
# Round 8: five more, the same way, written blind at the start of round 8 (session 11).
ROUND8 = ("r8_sv_preschool", "r8_en_remotework", "r8_mix_harbour", "r8_sv_carers",
          "r8_sv_summerjobs")
# Round 9: five more, the same way, written blind at the start of round 9 (session 12).
ROUND9 = ("r9_sv_newcomers", "r9_en_schooltravel", "r9_mix_island", "r9_sv_pupils",
          "r9_sv_outdoors")
GROUPS = {"field": SETS, "unseen": UNSEEN, "new": NEW, "r3": ROUND3, "r4": ROUND4, "r5": ROUND5,
          "r6": ROUND6, "r7": ROUND7, "r8": ROUND8, "r9": ROUND9}
DRAWS = 5          # seed draws of every "sort the rest" figure


def labelled(name: str):
    path = DATA / f"themes_{name}.tsv"
    if not path.is_file():
        raise SystemExit(f"facilitator bench themes: no labelled set {path} (run it from a "
                         "checkout, or give --data DIR with the themes_*.tsv files)")
    return read_labelled(path.read_text(encoding="utf-8"))


def label_words(name: str) -> dict:
    return read_label_words((DATA / f"themes_{name}.tsv").read_text(encoding="utf-8"))


def locale_of(name: str) -> str:
    return "en" if name.startswith("en") or "_en_" in name else "sv"


def seeds_of(labels: list[str], per_theme: int, draw: int, other: bool = False,
             names: dict | None = None):
    """``per_theme`` notes of each true theme, as a facilitator would place them by hand.
    Each theme is named by its key in the set, or by ``names[key]`` when given."""
    rng = random.Random(draw)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    names = names or {}
    return [("Övrigt" if label in OTHER_THEMES else names.get(label, label),
             tuple(rng.sample(ids, min(per_theme, len(ids)))))
            for label, ids in sorted(by_label.items()) if other or label not in OTHER_THEMES]


def whiteboard_names(name: str) -> dict[str, str]:
    """Each true theme's first #words word, capitalised: the name a facilitator would write
    on the whiteboard ("Återkoppling", where the set's key is the folded "aterkoppling")."""
    return {key: words[0][:1].upper() + words[0][1:]
            for key, words in label_words(name).items() if words}
