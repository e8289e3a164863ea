"""Group rotations that maximise new encounters (see docs/rotation.md).

model.py holds people, wishes, table sizes and encounter counts; plan.py the
one entry point `plan_rounds`; search.py and pairs.py the search; designs.py,
cyclic.py, catalogue.py and labelled.py the repeat-free constructions it starts from.
"""
from .model import (MAX_ROUNDS, MIN_TABLE, MODES, Person, RotationError, Round, Wishes, attendance,
                    encounter_stats, met, same_org_pairs, swap, table_sizes)
from .plan import plan_rounds

__all__ = ["MAX_ROUNDS", "MIN_TABLE", "MODES", "Person", "RotationError", "Round", "Wishes",
           "attendance", "encounter_stats", "met", "plan_rounds", "same_org_pairs", "swap",
           "table_sizes"]
