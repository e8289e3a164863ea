"""Small talk (kind words, food, the room) is told apart from findings: a pure rule."""
import pytest

from facilitator.domain.smalltalk import MAX_WORDS, is_small_talk, kind


@pytest.mark.parametrize("text, expected", [
    ("Bra fika!", "food"), ("Fikat var jättegott 🙂", "food"), ("Mer kaffe!", "food"),
    ("God lunch", "food"), ("Great coffee", "food"), ("Lovely food, thanks", "food"),
    ("Tack för en bra dag", "thanks"), ("Tack!", "thanks"), ("Stort tack till arrangörerna", "thanks"),
    ("Thank you for today", "thanks"), ("Thanks!", "thanks"),
    ("Lokalen var för varm", "venue"), ("För varmt i salen", "venue"),
    ("Rummet var kvavt och trångt", "venue"), ("Wifi funkade inte", "venue"),
    ("Hörde inte vad som sades längst bak i rummet", "venue"), ("The room was too hot", "venue"),
    ("Kan vi få presentationen efteråt?", "logistics"), ("Can we get the slides afterwards?",
                                                         "logistics"),
    ("Väldigt givande dag", "praise"), ("Great day", "praise"), ("What a useful workshop", "praise"),
])
def test_small_talk_in_swedish_and_english(text, expected):
    assert kind(text) == expected and is_small_talk(text)


@pytest.mark.parametrize("text", [
    "Lokala mötesplatser för unga saknas",
    "Tack vare samverkan fick vi ihop det",
    "Maten i skolan är viktig för barns hälsa",
    "Vi behöver fler lokaler för fritidsverksamhet på landsbygden i hela länet",
    "Gemensam lunch mellan förvaltningarna för att lära känna varandra, en gång per termin",
    "Samverkan måste börja tidigt, inte när det redan brinner",
    "Mer tid i grupperna",
    "Presentationen av Lindesbergs modell borde spridas till alla kommuner",
    "Schools need a shared entry point for families",
    "Tack för att ni lyssnar på unga: fortsätt bjuda in elevråden till sådana här dagar, "
    "det gör skillnad",
    "", "   ", "🙂", "---", "Ja", "Nej",
])
def test_findings_and_empty_notes_are_not_small_talk(text):
    assert kind(text) is None and not is_small_talk(text)


def test_a_long_note_is_never_small_talk():
    long_thanks = "Tack " + " ".join(["ord"] * MAX_WORDS)
    assert not is_small_talk(long_thanks)


@pytest.mark.parametrize("text", ["x" * 100_000, "tack " * 20_000, "\x00\x01 fika", "ＢＲＡ ＦＩＫＡ"])
def test_huge_and_odd_input_is_answered_quickly(text):
    assert kind(text) in (None, "food", "thanks")
