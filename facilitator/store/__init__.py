"""The only code that reads or writes tables, one module per table family.

Functions take the sqlite_utils.Database as their first argument and speak in model
dataclasses; callers own the transaction (``with db.atomic():``). Everything is
re-exported here, so callers write ``store.insert_note(db, ...)``.
"""
from __future__ import annotations

from .events import (delete_event, delete_logo, get_demo_event, get_event, get_event_by_join_code,
                     get_event_by_prepare_token, get_logo, insert_event, join_code_taken,
                     list_events, save_logo, set_event_fields, update_event)
from .programme import (delete_step, delete_timer, find_or_insert_question, get_step,
                        insert_question, insert_step, list_questions, list_steps,
                        set_step_positions, update_step)
from .timer import (first_run_ms, close_step_runs, due_auto_advance, get_timer, open_step_run, save_timer,
                    step_elapsed)
from .notes import (count_notes, get_note, insert_note, list_notes, set_note_flags, table_groups)
from .accounts import (add_member, delete_invite, delete_login, delete_logins_before,
                       events_older_than, get_invite, get_login_user, get_user, get_user_login,
                       insert_invite, insert_login, insert_user, is_member, list_events_for,
                       list_invites, list_members, member_role, remove_member,
                       set_password_hash, use_invite)
from .evaluation import (delete_eval_item, get_eval_item, insert_eval_item, list_answers,
                         list_eval_items, open_eval_items_of_step, set_eval_item_flags,
                         upsert_answer)
from .rotation import (count_attendees, delete_attendee, delete_wish, find_attendee_by_name,
                       get_attendee, get_rotation_settings, insert_attendees, insert_wish,
                       list_attendees, list_rounds, list_wishes, replace_rounds_from,
                       set_rotation_settings, update_attendee)
from .themes import (count_theme_undo, get_projector_themes, get_vectors,
                     last_changed_theme_scope, notes_without_vectors, pop_theme_undo,
                     push_theme_undo, replace_themes, save_vectors, theme_scopes, theme_state)

__all__ = ["delete_invite", "delete_login", "delete_logins_before", "get_login_user",
           "insert_login", "list_invites", "list_members", "member_role", "remove_member",
           "use_invite",
           "first_run_ms", "add_member", "close_step_runs", "count_attendees", "count_notes", "count_theme_undo",
           "delete_attendee", "delete_eval_item", "delete_event", "delete_logo", "delete_step",
           "delete_timer", "delete_wish", "due_auto_advance", "events_older_than",
           "find_attendee_by_name", "find_or_insert_question", "get_attendee", "get_demo_event",
           "get_eval_item", "get_event", "get_event_by_join_code", "get_event_by_prepare_token",
           "get_invite", "get_logo", "get_note", "get_projector_themes", "get_rotation_settings",
           "get_step", "get_timer", "get_user", "get_user_login", "get_vectors",
           "insert_attendees", "insert_eval_item", "insert_event", "insert_invite", "insert_note",
           "insert_question", "insert_step", "insert_user", "insert_wish", "is_member",
           "join_code_taken", "last_changed_theme_scope", "list_answers", "list_attendees",
           "list_eval_items", "list_events", "list_events_for", "list_notes", "list_questions",
           "list_rounds", "list_steps", "list_wishes", "notes_without_vectors",
           "open_eval_items_of_step", "open_step_run", "pop_theme_undo", "push_theme_undo",
           "replace_rounds_from", "replace_themes", "save_logo", "save_timer", "save_vectors",
           "set_eval_item_flags", "set_event_fields", "set_note_flags", "set_password_hash",
           "set_rotation_settings", "set_step_positions", "step_elapsed", "table_groups",
           "theme_scopes", "theme_state", "update_attendee", "update_event", "update_step",
           "upsert_answer"]
