"""The phones of a benchmark, spread over several client processes (phones.py), and what the
report says about how the load was made."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

GENERATOR = ("facilitator bench: hand-framed Engine.IO/Socket.IO over aiohttp's WebSocket "
             "(facilitator/bench/client.py), one asyncio loop per process")


def default_processes() -> int:
    """One client process per core, at least two (as the outside check used), at most eight."""
    return max(2, min(8, os.cpu_count() or 2))


class Fleet:
    """``count`` phones in ``processes`` client processes; every command goes to all of them."""

    def __init__(self, base: str, event_id: str, count: int, processes: int, marker: str):
        processes = max(1, min(processes, count))
        shares = [count // processes + (1 if i < count % processes else 0)
                  for i in range(processes)]
        firsts = [sum(shares[:i]) for i in range(processes)]
        self.shares = shares
        self.procs = [subprocess.Popen(
            [sys.executable, "-m", "facilitator.bench.phones", base, event_id, str(first),
             str(share), marker], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            for first, share in zip(firsts, shares)]
        started = time.monotonic()
        hellos = [self._read(p) for p in self.procs]
        self.connected = sum(h["connected"] for h in hellos)
        self.connect_s = round(time.monotonic() - started, 2)

    def _read(self, proc: subprocess.Popen) -> dict:
        line = proc.stdout.readline()
        if not line:
            raise OSError("a phone process ended early")
        return json.loads(line)

    def all(self, do: str, **args: Any) -> list[dict]:
        """Send one command to every process, then read every answer."""
        self.send(do, **args)
        return self.answers()

    def send(self, do: str, **args: Any) -> None:
        """One command to every process, without waiting for the answers."""
        line = json.dumps({"do": do, **args}) + "\n"
        for proc in self.procs:
            proc.stdin.write(line)
            proc.stdin.flush()

    def answers(self) -> list[dict]:
        """Every process's answer to the oldest command not yet read (blocks, no CPU)."""
        return [self._read(proc) for proc in self.procs]

    def load(self) -> dict[str, Any]:
        """How the load was generated, for the report."""
        return {"generator": GENERATOR, "client_processes": len(self.procs),
                "phones_per_process": self.shares,
                "facilitator": "its own process (the control page's socket)"}

    def close(self) -> None:
        try:
            self.all("quit")
        except (OSError, ValueError):
            pass
        for proc in self.procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
