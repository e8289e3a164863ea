"""The `bench` extra: aiohttp (the WebSocket under the bench's own phones, client.py) and
websockets (`bench outside`). Without them a benchmark would fail only once its client
processes start (or, with the socket clients of the past, crawl over long-polling), so say
at once what to install, as an exact pip command for this interpreter."""
from __future__ import annotations

import importlib.util
import shlex
import sys
from importlib import metadata
from pathlib import Path

# import name -> requirement, as in pyproject.toml's `bench` extra
CLIENT_LIBRARIES = {"aiohttp": "aiohttp>=3.9", "websockets": "websockets>=12"}
ROOT = Path(__file__).resolve().parent.parent.parent


def missing() -> list[str]:
    """The bench extra's requirements whose modules cannot be imported."""
    return [req for name, req in CLIENT_LIBRARIES.items() if importlib.util.find_spec(name) is None]


def pip_command() -> str:
    """The command that installs the extra: from the checkout if this runs from one."""
    pip = f"{shlex.quote(sys.executable)} -m pip install"
    if (ROOT / "pyproject.toml").is_file() and (ROOT / "facilitator").is_dir():
        return f"{pip} -e {shlex.quote(str(ROOT) + '[bench]')}"
    return f"{pip} {' '.join(shlex.quote(r) for r in _extra_requirements())}"


def _extra_requirements() -> list[str]:
    try:
        declared = metadata.requires("facilitator") or []
    except metadata.PackageNotFoundError:
        declared = []
    found = [req.split(";")[0].strip() for req in declared if 'extra == "bench"' in req]
    return found or list(CLIENT_LIBRARIES.values())


def problem() -> str | None:
    """None when the benchmark clients are installed, else what to run."""
    if not missing():
        return None
    return ("the benchmark clients are not installed (the `bench` extra: "
            f"{', '.join(missing())}); run:\n  {pip_command()}")
