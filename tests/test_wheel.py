"""The package as a server's IT installs it: a wheel built from this checkout, installed with
its `prod` extra into a fresh virtualenv outside the checkout, served exactly as
docs/deploy.md says (gunicorn, one worker, the gevent-websocket worker class).

Runs in `make test`; select it alone with `pytest -m wheel`. It needs what `make install`
needs (the package index pip is configured with); pip's cache makes reruns quick.
"""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest
import socketio

from facilitator.bench.server import free_port

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")


def run(*args, cwd: Path, env: dict | None = None, timeout: float = 600) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, ROOT, cwd=out)
    (found,) = out.glob("facilitator-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv (not the test's own) with the wheel and its `prod` extra."""
    home = tmp_path_factory.mktemp("server")
    run(sys.executable, "-m", "venv", home / "venv", cwd=home)
    run(home / "venv" / "bin" / "pip", "install", "--quiet", f"{wheel}[prod]", cwd=home)
    return home / "venv"


def git_files(*paths: str) -> list[str]:
    out = run("git", "ls-files", *paths, cwd=ROOT)
    return [line for line in out.splitlines() if line and not line.endswith(".pyc")]


def test_the_wheel_holds_every_module_template_static_file_and_catalogue(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p for p in git_files("facilitator") if "/translations/" not in p or p.endswith(".po")}
    expected |= {f"facilitator/{p}" for p in git_files("templates", "static")}
    assert expected - names == set()
    assert not any(name.startswith(("tests/", "bench/", "scripts/")) for name in names)


def test_deploy_md_still_says_what_this_test_runs():
    assert "pip install '/path/to/facilitator[prod]'" in DEPLOY
    assert ("gunicorn -w 1 \\\n    -k facilitator.worker.Worker \\\n"
            "    -b 127.0.0.1:5000 facilitator.wsgi:app") in DEPLOY


def test_installed_server_runs_demo_and_serves_pages_static_and_sockets(venv):
    home = venv.parent
    bin_dir = venv / "bin"
    where = run(bin_dir / "python", "-c", "import facilitator; print(facilitator.__file__)",
                cwd=home)
    assert Path(where.strip()).is_relative_to(venv) and not Path(where.strip()).is_relative_to(ROOT)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "FACILITATOR_INSTANCE_PATH": str(home / "instance"), "FACILITATOR_PUBLIC_URL": base}
    demo = json.loads(run(bin_dir / "facilitator", "demo", "--notes", "20", "--json",
                          "--base-url", base, cwd=home, env=env))
    with sqlite3.connect(home / "instance" / "facilitator.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == 20
    server = subprocess.Popen(
        [bin_dir / "gunicorn", "-w", "1", "-k",
         "facilitator.worker.Worker", "-b", f"127.0.0.1:{port}",
         "facilitator.wsgi:app"], cwd=home, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)
    try:
        login = wait_for_page(f"{base}/login", server)
        assert 'lang="sv"' in login and "Logga in" in login
        check_static(base, login)
        check_socket(base, demo["event_id"])
    finally:
        server.terminate()
        server.wait(10)


def test_installed_bench_says_what_to_install_then_runs(venv):
    """Without the `bench` extra the bench stops at once with the pip command; that command
    works, and then the bench (packaged in the wheel) runs from the installed copy."""
    home, bin_dir = venv.parent, venv / "bin"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    started = time.monotonic()
    result = subprocess.run([bin_dir / "facilitator", "bench", "room", "--clients", "50"],
                            cwd=home, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and time.monotonic() - started < 30, result.stderr
    command = result.stderr.strip().splitlines()[-1].strip()
    assert command.startswith(str(bin_dir)) and " -m pip install " in command, result.stderr
    assert "aiohttp" in command and "websockets" in command and "Traceback" not in result.stderr
    subprocess.run(command, shell=True, cwd=home, env=env, check=True, capture_output=True,
                   timeout=600)
    data = json.loads(run(bin_dir / "facilitator", "bench", "timer", "--clients", "10",
                          "--rounds", "2", "--json", cwd=home, env=env).splitlines()[-1])
    assert data["connected"] == 10 and data["missed"] == 0 and data["received"] == 20


def wait_for_page(url: str, server: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer in time")


def check_static(base: str, page: str) -> None:
    """Every stylesheet and script the log-in page links to is served from the wheel."""
    links = re.findall(r'(?:href|src)="(/static/[^"?]+)', page)
    assert any(link.endswith(".css") for link in links), links
    for link in links:
        with urllib.request.urlopen(base + link, timeout=10) as response:
            assert response.status == 200 and response.read(), link


def check_socket(base: str, event_id: str) -> None:
    """A phone connects over WebSocket, gets the timer's state and drops a note."""
    client = socketio.Client(reconnection=False)
    states: list[dict] = []
    client.on("timer_state", states.append)
    client.connect(base, auth={"event": event_id, "role": "participant"},
                   transports=["websocket"], wait_timeout=20)
    try:
        assert client.transport() == "websocket"
        ack = client.call("note_submit", {"id": str(uuid.uuid4()), "text": "från hjulet"},
                          timeout=20)
        assert ack["ok"], ack
        assert states, "no timer_state on connect"
    finally:
        client.disconnect()



def test_installed_plain_package_reads_notes_with_its_word_table(venv, tmp_path):
    """No `themes` extra in this venv: the notes' vectors come from the shipped word table."""
    bin_dir = venv / "bin"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    out = run(bin_dir / "python", "-c", "from facilitator.domain.clustering import embedding, wordclass;"
              "print(embedding.backend(), embedding.dimension(),"
              " ','.join(sorted(wordclass.lexicon_classes('står'))),"
              " embedding.wordtable.word_map().shape)", cwd=tmp_path, env=env)
    # the word table, its map to the model's readings, and the word-class lexicon are read
    assert out.split() == ["words", "384", "verb", "(384,", "384)"]
    notes = tmp_path / "notes.txt"
    notes.write_text("Bussen går för sällan\nKollektivtrafiken måste bli bättre\n"
                     "Fler avgångar på kvällen\nBiblioteket borde ha öppet på söndagar\n"
                     "Fler böcker för barn\nBokbussen till byarna\nbra fika!\n", encoding="utf-8")
    themes = json.loads(run(bin_dir / "facilitator", "cluster", notes, "--json", cwd=tmp_path,
                            env=env))["themes"]
    assert sorted(i for t in themes for i in t["notes"]) == list(range(7))
    assert themes[-1]["other"] and 6 in themes[-1]["notes"]
