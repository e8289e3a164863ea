"""Start the real app as a subprocess on a free loopback port, with the demo event.

Used by the benchmarks, the browser and restart tests and scripts/screenshots.py.
"""
from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LiveServer:
    """One `facilitator serve` process on its own SQLite file and instance folder."""
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    demo: dict = field(default_factory=dict)
    extra_env: dict = field(default_factory=dict)  # e.g. FACILITATOR_MESSAGE_QUEUE
    db_file: Path | None = None  # share another server's database (several processes)
    preexec_fn: Any = None  # run in the child before exec (limits, another user)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_path(self) -> Path:
        return self.db_file or self.workdir / "facilitator.sqlite3"

    def env(self) -> dict[str, str]:
        # Benchmarks and fault tests send far more per phone than a person can type.
        # The optional embedding model off unless asked for: its background work would
        # compete with what a benchmark or browser test measures.
        # All their phones share 127.0.0.1, so the per-address ceilings go up too.
        return {"FACILITATOR_NOTE_LIMIT_PER_MINUTE": "100000", "FACILITATOR_EMBEDDING": "off",
                "FACILITATOR_NOTE_LIMIT_PER_ADDRESS_PER_MINUTE": "10000000",
                "FACILITATOR_PHONE_KEYS_PER_ADDRESS_PER_MINUTE": "100000",
                "FACILITATOR_CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE": "100000",
                **os.environ,
                "FACILITATOR_PUBLIC_URL": self.base,
                "FACILITATOR_INSTANCE_PATH": str(self.workdir / "instance"), **self.extra_env}

    def create_demo(self) -> dict:
        out = subprocess.run([sys.executable, "-m", "facilitator", "demo", "--db", str(self.db_path),
                              "--base-url", self.base, "--json"], env=self.env(), check=True,
                             capture_output=True, text=True, timeout=60)
        self.demo = json.loads(out.stdout)
        return self.demo

    def start(self, timeout: float = 20.0, healthy: bool = True) -> "LiveServer":
        """Start and wait until /healthz answers 200 (or, with healthy=False, answers at all)."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--db", str(self.db_path)],
            env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            preexec_fn=self.preexec_fn)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stderr.read()}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except urllib.error.HTTPError:
                if not healthy:
                    return self
                time.sleep(0.1)
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("server did not answer /healthz in time")

    def login(self) -> "FacilitatorSession":
        """A session logged in as the demo account."""
        return FacilitatorSession(self.base, self.demo["login"]["username"],
                                  self.demo["login"]["password"])

    def rss_mb(self) -> float | None:
        """Resident memory of the server process, from /proc (Linux)."""
        if not self.process:
            return None
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        return round(kb / 1024, 1)

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, as when the machine loses power to the process."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()


class FacilitatorSession:
    """A logged-in facilitator over plain HTTP (cookie + CSRF token), for tests and benchmarks."""

    def __init__(self, base: str, username: str, password: str):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.get("/login")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"username": username, "password": password,
                                       "csrf_token": csrf}).encode()
        with self.opener.open(f"{self.base}/login", form, timeout=30) as response:
            if "/login" in response.geturl():
                raise PermissionError("log-in refused")

    def get(self, path: str) -> str:
        with self.opener.open(f"{self.base}{path}", timeout=60) as response:
            return response.read().decode("utf-8")

    def post(self, path: str, fields: dict[str, str], form_page: str) -> str:
        """A form POST with the CSRF token of the page that holds the form."""
        page = self.get(form_page)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        form = urllib.parse.urlencode({**fields, "csrf_token": token.group(1) if token else ""})
        with self.opener.open(f"{self.base}{path}", form.encode(), timeout=60) as response:
            return response.read().decode("utf-8")

    def socket_token(self, event_id: str) -> str:
        """The signed token the control page hands its socket."""
        page = self.get(f"/f/events/{event_id}")
        return re.search(r'data-token="([^"]+)"', page).group(1)
