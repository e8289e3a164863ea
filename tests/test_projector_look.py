"""The projector's look per event: the light theme and the logo (the report's upload), and the
attacks on the upload: empty, huge, malformed, SVG and HTML dressed up as images."""
from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image

from facilitator.usecases import events
from facilitator.usecases.validation import ValidationError

from .conftest import projector_url


def image(width=200, height=80, fmt="PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 95, 139)).save(out, format=fmt)
    return out.getvalue()


def upload(client, event_id, data: bytes, name="logo.png"):
    return client.post(f"/f/events/{event_id}/logo", data={"logo": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_projector_is_dark_until_the_event_asks_for_light(client, app, demo):
    assert 'data-theme="dark"' in client.get(projector_url(app, demo.id)).get_data(as_text=True)
    saved = client.post(f"/f/events/{demo.id}/projector-theme", data={"light": "1"})
    assert saved.status_code == 302 and "saved=theme" in saved.headers["Location"]
    page = client.get(projector_url(app, demo.id)).get_data(as_text=True)
    assert 'data-theme="light"' in page and "theme-light" in page
    settings = client.get(f"/f/events/{demo.id}/edit").get_data(as_text=True)
    assert "Ljust tema för ljusa rum" in settings and "data-light-theme\n      checked" in settings
    client.post(f"/f/events/{demo.id}/projector-theme", data={})
    assert 'data-theme="dark"' in client.get(projector_url(app, demo.id)).get_data(as_text=True)


@pytest.mark.parametrize("value", ["", "neon", "light; DROP TABLE events", "x" * 10_000])
def test_theme_use_case_takes_only_dark_or_light(db, demo, value):
    with pytest.raises(ValidationError):
        events.set_projector_theme(db, demo.id, value)
    assert events.get_event(db, demo.id).projector_theme == "dark"


def test_hostile_theme_form_values_mean_dark(client, app, demo):
    for value in ("light", "<script>", "1" * 5000):
        client.post(f"/f/events/{demo.id}/projector-theme", data={"light": value})
        assert 'data-theme="dark"' in client.get(projector_url(app, demo.id)).get_data(as_text=True)


def test_the_uploaded_logo_shows_on_the_projector_and_in_the_settings(client, app, anonymous, demo):
    page = client.get(projector_url(app, demo.id)).get_data(as_text=True)
    assert "has-logo" not in page and "data-projector-logo hidden" in page
    assert client.get(projector_url(app, demo.id, "/logo")).status_code == 404
    done = upload(client, demo.id, image(fmt="JPEG"), "logo.jpg")
    assert done.status_code == 302
    assert "Logotypen är sparad" in client.get(done.headers["Location"]).get_data(as_text=True)
    page = client.get(projector_url(app, demo.id)).get_data(as_text=True)
    assert "has-logo" in page and "data-projector-logo hidden" not in page
    served = client.get(projector_url(app, demo.id, "/logo"))
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.data == image(fmt="JPEG")
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served.headers["Content-Security-Policy"]
    again = client.get(projector_url(app, demo.id, "/logo"),
                       headers={"If-None-Match": served.headers["ETag"]})
    assert again.status_code == 304
    assert client.get(f"/f/events/{demo.id}/logo").mimetype == "image/jpeg"   # the preview


def test_the_logo_needs_the_projector_key_or_the_log_in(client, anonymous, app, demo):
    upload(client, demo.id, image())
    assert anonymous.get(f"/p/{demo.id}/logo").status_code == 403
    assert anonymous.get(f"/p/{demo.id}/logo?key=forged").status_code == 403
    assert anonymous.get(f"/f/events/{demo.id}/logo").status_code == 302   # to the log-in


def png_chunk(kind: bytes, body: bytes) -> bytes:
    import struct
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


SVG = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script></svg>"
HOSTILE = {
    "empty": (b"", "Välj en fil först"),
    "svg": (SVG, "SVG går inte"),
    "svg named png": (SVG, "inte en PNG- eller JPEG-bild"),
    "html": (b"<!doctype html><script>alert(1)</script>", "inte en PNG- eller JPEG-bild"),
    "gif": (image(fmt="GIF"), "inte en PNG- eller JPEG-bild"),
    "truncated png": (image()[:60], "inte en PNG- eller JPEG-bild"),
    "png magic only": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "inte en PNG- eller JPEG-bild"),
    "too many pixels": (image(4100, 10), "för stor"),
    "over 1 MB": (b"\x89PNG\r\n\x1a\n" + b"x" * (1024 * 1024 + 10), "för stor"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_bad_uploads_get_a_swedish_message_and_keep_the_old_logo(client, db, demo, name):
    upload(client, demo.id, image())
    data, message = HOSTILE[name]
    answer = upload(client, demo.id, data, "logo.svg" if name == "svg" else "logo.png")
    assert answer.status_code == 400
    assert message in answer.get_data(as_text=True)
    assert events.logo(db, demo.id) == ("image/png", image())


def test_a_pixel_bomb_is_refused(client, db, demo):
    """A 30,000 x 30,000 PNG header (a decompression bomb) never reaches the projector."""
    header = png_chunk(b"IHDR", (30_000).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0]))
    bomb = b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) \
        + png_chunk(b"IEND", b"")
    assert upload(client, demo.id, bomb).status_code == 400
    assert events.logo(db, demo.id) is None


def test_html_after_a_real_png_is_still_served_as_an_inert_image(client, app, demo):
    """A polyglot passes the image check; it is served as image/png, nosniff, sandboxed."""
    polyglot = image() + b"<html><script>alert(1)</script></html>"
    assert upload(client, demo.id, polyglot).status_code == 302
    served = client.get(projector_url(app, demo.id, "/logo"))
    assert served.mimetype == "image/png" and "sandbox" in served.headers["Content-Security-Policy"]
    assert served.headers["X-Content-Type-Options"] == "nosniff"


def test_a_body_over_the_request_limit_gets_the_logo_message(client, demo):
    answer = upload(client, demo.id, b"\x89PNG" + b"x" * (3 * 1024 * 1024))
    assert answer.status_code == 413
    text = answer.get_data(as_text=True)
    assert "Bilden är för stor" in text and f"/f/events/{demo.id}/edit" in text


def looks(received):
    return [m["args"][0] for m in received if m["name"] == "projector_look"]


def test_open_projectors_follow_the_settings_without_a_reload(client, demo, sockets):
    projector, phone = sockets(demo.id, role="projector"), sockets(demo.id)
    projector.get_received(), phone.get_received()
    client.post(f"/f/events/{demo.id}/projector-theme", data={"light": "1"})
    assert looks(projector.get_received()) == [{"theme": "light", "logo": False}]
    upload(client, demo.id, image())
    assert looks(projector.get_received()) == [{"theme": "light", "logo": True}]
    upload(client, demo.id, b"<svg/>")                       # refused: nothing to tell
    assert looks(projector.get_received()) == []
    client.post(f"/f/events/{demo.id}/logo", data={"remove": "1"})
    assert looks(projector.get_received()) == [{"theme": "light", "logo": False}]
    assert looks(phone.get_received()) == []                 # phones have no projector look


def test_the_join_link_breaks_after_its_last_slash_never_inside_the_code(client, app, demo):
    """At 1920x1080 the link wrapped inside the code ("…/j/4H6G4P" / "NH")."""
    page = client.get(projector_url(app, demo.id)).get_data(as_text=True)
    assert (f'/j/<wbr><span class="join-url-code">{demo.join_code}</span></p>') in page
