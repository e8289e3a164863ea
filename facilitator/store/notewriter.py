"""Group commit: many submitters, one writer, one transaction per batch.

A note a phone has shown as received must be in the database even if the
server is killed the next millisecond, so a note is acknowledged only after
the transaction holding it has committed. Committing every note on its own
made a thousand notes a thousand transactions, each with its own event and
question reads, all queued on the one core in front of the timer's broadcast.

Here a submitter puts its item in a queue and waits. One writer per process
(a thread; a greenlet once gevent has monkey-patched ``threading``) takes up
to ``max_batch`` waiting items, stores each in a savepoint of one
transaction, commits, and only then wakes the submitters with their results:

- an item that fails (a closed box, a broken constraint) rolls back its own
  savepoint and gets its exception; the others are committed as usual;
- an error that ends the whole transaction (a ``RAISE(ROLLBACK)``, a full
  disk) sends the item that caused it its exception and writes the rest again
  in a new transaction, so none of them is lost or acknowledged unwritten;
- if COMMIT fails, every item of the batch gets the error and none is
  acknowledged: phones keep unacknowledged notes and resend them, and the
  insert is idempotent on the note id.

The module uses ``threading`` only through attribute look-ups at call time,
so it works whether or not gevent patched it before this import.
"""
from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, TypeVar

MAX_BATCH = 200
# An idle writer stops (closing its connection) and the next submit starts another,
# so apps made and dropped by tests leave no threads behind.
IDLE_EXIT_S = 10.0
# A submitter gives up after this long (the writer is stuck or gone); the phone
# gets an error, keeps the note and resends it.
SUBMIT_TIMEOUT_S = 30.0

T = TypeVar("T")
R = TypeVar("R")


class WriterTimeout(RuntimeError):
    """The writer did not report on an item in time; it may still be stored."""


@dataclass
class Outcome(Generic[R]):
    """What became of one item of a batch: a committed result or an exception."""
    result: R | None = None
    error: BaseException | None = None

    def get(self) -> R:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


Write = Callable[[Any, T, dict], R]


def write_batch(db: Any, write: Write[T, R], items: list[T]) -> list[Outcome[R]]:
    """Store ``items`` with ``write(db, item, memo)`` in one transaction; one outcome each.

    ``db`` is a sqlite_utils Database not inside a transaction. An outcome has
    a result only if the transaction that wrote it committed. ``memo`` is a dict
    shared by the items of one transaction (what they all read, read once).
    """
    outcomes: list[Outcome[R] | None] = [None] * len(items)
    while True:
        todo = [i for i, o in enumerate(outcomes) if o is None]
        if not todo:
            return outcomes  # type: ignore[return-value]
        done = _attempt(db, write, items, todo, outcomes)
        for i, outcome in done.items():
            outcomes[i] = outcome


def _attempt(db: Any, write: Write[T, R], items: list[T], todo: list[int],
             final: list[Outcome[R] | None]) -> dict[int, Outcome[R]]:
    """One transaction over ``todo``. Returns outcomes that are final; an item whose
    error ended the transaction is final with that error, the others are retried."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    written: dict[int, Outcome[R]] = {}
    memo: dict = {}
    for i in todo:
        try:
            with db.atomic():  # a savepoint inside the batch's transaction
                written[i] = Outcome(result=write(db, items[i], memo))
        except Exception as exc:  # noqa: BLE001 - the item's submitter gets it
            if not conn.in_transaction:  # the error took the whole transaction with it
                return {i: Outcome(error=exc)}
            written[i] = Outcome(error=exc)
    try:
        conn.execute("COMMIT")
    except Exception as exc:  # noqa: BLE001 - nothing of this batch is stored
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return {i: Outcome(error=exc) for i in todo}
    return written


@dataclass
class _Pending(Generic[T, R]):
    item: T
    done: Any = field(default_factory=lambda: threading.Event())
    outcome: Outcome[R] | None = None


class NoteWriter(Generic[T, R]):
    """Queue items from any number of threads or greenlets; one writer commits them in batches.

    ``connect()`` opens the writer's own connection (a file-backed connection
    serves one writer at a time); ``write(db, item, memo)`` stores one item
    inside the batch's transaction and returns what its submitter gets back.
    """

    def __init__(self, connect: Callable[[], Any], write: Write[T, R],
                 max_batch: int = MAX_BATCH, timeout_s: float = SUBMIT_TIMEOUT_S,
                 idle_exit_s: float = IDLE_EXIT_S):
        self.connect, self.write = connect, write
        self.max_batch, self.timeout_s, self.idle_exit_s = max_batch, timeout_s, idle_exit_s
        self.queue: deque[_Pending[T, R]] = deque()
        self.cond = threading.Condition()
        self.worker: Any = None
        self.closed = False
        self.batches = 0  # how many transactions were committed or tried, for tests and figures

    def submit(self, item: T) -> R:
        """Block until ``item`` is committed (its result) or failed (its exception is raised)."""
        pending: _Pending[T, R] = _Pending(item)
        with self.cond:
            if self.closed:
                raise RuntimeError("the note writer is closed")
            self.queue.append(pending)
            self._start_worker()
            self.cond.notify()
        if not pending.done.wait(self.timeout_s) or pending.outcome is None:
            raise WriterTimeout("the note writer did not answer in time")
        return pending.outcome.get()

    def close(self) -> None:
        """Write what is queued, then stop the writer (tests; a server just exits)."""
        with self.cond:
            self.closed = True
            self.cond.notify()
            worker = self.worker
        if worker is not None:
            worker.join(self.timeout_s)

    def _start_worker(self) -> None:
        """Called with the lock held; a worker that is leaving has already cleared itself."""
        if self.worker is None:
            self.worker = threading.Thread(target=self._run, name="note-writer", daemon=True)
            self.worker.start()

    def _run(self) -> None:
        db = None
        try:
            while True:
                batch = self._next_batch()
                if not batch:
                    return
                if db is None:
                    db = self._open(batch)
                    if db is None:
                        continue
                if not self._write(db, batch):
                    db.close()  # e.g. BEGIN failed: the next batch gets a fresh connection
                    db = None
        except BaseException:
            with self.cond:  # never leave submitters without a writer
                self.worker = None
                if self.queue:
                    self._start_worker()
            raise
        finally:
            if db is not None:
                db.close()

    def _next_batch(self) -> list[_Pending[T, R]]:
        """Wait for work; up to max_batch items, or [] (and the worker leaves) once
        closed and drained or idle for idle_exit_s."""
        with self.cond:
            while not self.queue:
                if self.closed or not self.cond.wait(self.idle_exit_s) and not self.queue:
                    self.worker = None
                    return []
            count = min(len(self.queue), self.max_batch)
            return [self.queue.popleft() for _ in range(count)]

    def _open(self, batch: list[_Pending[T, R]]) -> Any:
        try:
            return self.connect()
        except Exception as exc:  # noqa: BLE001 - tell this batch; the next one tries again
            self._resolve(batch, [Outcome(error=exc)] * len(batch))
            return None

    def _write(self, db: Any, batch: list[_Pending[T, R]]) -> bool:
        """Write and answer one batch; False if the connection should not be used again."""
        healthy = True
        try:
            outcomes = write_batch(db, self.write, [p.item for p in batch])
        except Exception as exc:  # noqa: BLE001 - e.g. BEGIN failed: nothing was stored
            if db.conn.in_transaction:
                db.conn.rollback()
            outcomes, healthy = [Outcome(error=exc)] * len(batch), False
        self.batches += 1
        self._resolve(batch, outcomes)
        # a connection opened on a read-only file stays read-only: open afresh next time
        return healthy and not getattr(db, "opened_read_only", False)

    @staticmethod
    def _resolve(batch: list[_Pending[T, R]], outcomes: list[Outcome[R]]) -> None:
        for pending, outcome in zip(batch, outcomes):
            pending.outcome = outcome
            pending.done.set()
