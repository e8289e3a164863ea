"""A real conference's volume on the projector: 150 and 500 notes, 1920x1080 and 1280x720.

For the wall, the cloud, the harvest and the evaluation's results: no card or word cut off, nothing
outside the screen, no text under 24 px (28 px for the wall's notes and the
quotes at 1080p), no word broken over two lines. With FACILITATOR_SCREENSHOTS
set to a folder, each view is also saved there as a PNG to look at.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..live_server import LiveServer

SIZES = [(1920, 1080), (1280, 720)]
VIEWS = ["wall", "cloud", "themes", "results"]
READY = {"wall": "[data-wall] li", "cloud": "[data-cloud][data-cloud-ready] span",
         "themes": "[data-harvest] li", "results": "[data-results] .result"}
CONTAINER = {"wall": "[data-wall]", "cloud": "[data-cloud]", "themes": "[data-harvest]",
             "results": "[data-results]"}
# The text a room must read from the back, at 1080p.
LARGE = {"wall": ".wall-text", "cloud": None, "themes": ".harvest-quote", "results": None}
CARDS = {"wall": 6, "cloud": 6, "themes": 2, "results": 1}

MEASURE = """([container, large]) => {
  const W = window.innerWidth, H = window.innerHeight, problems = [];
  const box = document.querySelector(container).getBoundingClientRect();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let texts = 0, smallest = Infinity, largeSmallest = Infinity;
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || el.closest(".projector-controls, script, template")) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    texts += 1;
    const size = parseFloat(getComputedStyle(el).fontSize);
    smallest = Math.min(smallest, size);
    if (large && el.closest(large)) largeSmallest = Math.min(largeSmallest, size);
    const text = node.textContent.trim().slice(0, 50);
    if (size < 24) problems.push(`under 24 px (${size}): ${text}`);
    for (const r of rects) {
      if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5)
        problems.push(`outside the screen: ${text}`);
      if (el.closest(container) && (r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
                                    r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5))
        problems.push(`cut off by its box: ${text}`);
    }
    if (el.closest(container)) {
      const re = /[^\\s-]{2,}/g;
      let m;
      while ((m = re.exec(node.textContent))) {
        const word = document.createRange();
        word.setStart(node, m.index);
        word.setEnd(node, m.index + m[0].length);
        const parts = [...word.getClientRects()].filter(r => r.width > 0);
        if (parts.length > 1 && Math.abs(parts[0].top - parts[1].top) > 2)
          problems.push(`word broken over two lines: ${m[0]}`);
      }
    }
  }
  return {problems, texts, smallest, largeSmallest,
          cards: document.querySelectorAll(container + " > *").length};
}"""


def _run(server, *args):
    subprocess.run([sys.executable, "-m", "facilitator", *args], env=server.env(), check=True,
                   capture_output=True, text=True, timeout=120)


def _make_themes(db_path: Path, event_id: str) -> None:
    """Themes of the room's notes, as the facilitator's "find themes" makes them."""
    code = ("import sys; from datetime import datetime, timezone;"
            "from facilitator import store; from facilitator.usecases import themes;"
            "from facilitator.db import connect;"
            "db = connect(sys.argv[1]); event = store.get_event(db, sys.argv[2]);"
            "q = store.list_questions(db, event.id)[0].id;"
            "themes.find(db, event, q, datetime.now(timezone.utc));"
            "themes.show_on_projector(db, event.id, q)")
    subprocess.run([sys.executable, "-c", code, str(db_path), event_id], check=True,
                   env={**os.environ, "FACILITATOR_EMBEDDING": "off"}, timeout=300)


@pytest.fixture(scope="module", params=[150, 500], ids=lambda n: f"{n}notes")
def crowded(request, tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp(f"volume{request.param}"))
    server.create_demo()
    _run(server, "demo", "--db", str(server.db_path), "--base-url", server.base,
         "--notes", str(request.param))
    _make_themes(server.db_path, server.demo["event_id"])
    server.start()
    yield request.param, server
    server.stop()


def _show(server, view):
    with sqlite3.connect(server.db_path) as db:
        db.execute("UPDATE events SET projector_view = ? WHERE id = ?", [view, server.demo["event_id"]])


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_projector_is_readable_at_volume(crowded, pages, view, size):
    notes, server = crowded
    _show(server, view)
    projector = pages(server.demo["projector_url"], *size)
    expect(projector.locator(READY[view]).first).to_be_visible(timeout=20_000)
    if view == "cloud":
        expect(projector.locator("[data-cloud] span")).not_to_have_count(0)
    result = projector.evaluate(MEASURE, [CONTAINER[view], LARGE[view]])
    folder = os.environ.get("FACILITATOR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        projector.screenshot(path=str(Path(folder) / f"{view}-{notes}-{size[0]}x{size[1]}.png"))
    assert result["problems"] == []
    assert result["cards"] >= CARDS[view]
    if size[0] == 1920 and LARGE[view]:
        assert result["largeSmallest"] >= 28


def test_the_wall_pages_through_the_rest(crowded, pages):
    notes, server = crowded
    _show(server, "wall")
    projector = pages(server.demo["projector_url"], 1920, 1080)
    label = projector.locator("[data-wall-page]")
    expect(label).to_be_visible(timeout=20_000)
    first = projector.locator("[data-wall] li").first.get_attribute("data-note-id")
    text = label.text_content()
    assert text.startswith("1–") and text.endswith(str(projector.evaluate(
        "fetch(document.querySelector('[data-wall]').dataset.url).then(r => r.json())"
        ".then(d => d.cards.length)")))
    # The page turns by itself (every 12 s) to the next cards.
    expect(projector.locator("[data-wall] li").first).not_to_have_attribute(
        "data-note-id", first, timeout=20_000)
    expect(label).not_to_have_text(text)


def test_the_harvest_counts_its_themes_not_the_other_card(crowded, pages):
    """"Teman 1–6 av 19": the pager counts the themes; the Övrigt card is shown last but is
    no theme (the themes page and the summary say 19 too)."""
    notes, server = crowded
    _show(server, "themes")
    projector = pages(server.demo["projector_url"], 1280, 720)
    label = projector.locator("[data-harvest-page]")
    expect(label).to_be_visible(timeout=20_000)
    data = projector.evaluate("fetch(document.querySelector(\"[data-view-panel='themes']\")"
                              ".getAttribute('data-url')).then(r => r.json())")
    themes = [t for t in data["themes"] if not t["other"]]
    assert len(themes) < len(data["themes"])          # an Övrigt card is there to leave out
    text = label.text_content()
    assert text.startswith("Teman 1–") and text.endswith(f" av {len(themes)}")
