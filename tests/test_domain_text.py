import pytest

from facilitator.domain.text import content_words, language_of, stem, words
from facilitator.domain.wordcloud import word_cloud


def test_words_keep_swedish_letters_and_compounds():
    assert words("Elevhälsoteam, ÅÄÖ-frågor & 2026!") == ["elevhälsoteam", "åäö-frågor"]


@pytest.mark.parametrize("group", [
    ["skolan", "skolor", "skola", "skolornas"],
    ["samverkan", "samverka", "samverkar", "samverkans"],
    ["elevhälsan", "elevhälsa"],
    ["kommunen", "kommuner", "kommunerna", "kommunens"],
    ["mötesplats", "mötesplatser", "mötesplatsen"],
])
def test_swedish_inflections_share_a_stem(group):
    assert len({stem(w, "sv") for w in group}) == 1, {w: stem(w, "sv") for w in group}


def test_english_inflections_share_a_stem():
    assert stem("schools", "en") == stem("school", "en")


@pytest.mark.parametrize("text, language", [
    ("Vi behöver mer samverkan och det är viktigt", "sv"),
    ("We need more cooperation and it is important", "en"),
    ("Samverkan", "sv"),
])
def test_language_per_note(text, language):
    assert language_of(words(text)) == language


def test_stop_words_and_short_words_are_dropped():
    assert [w for w, _ in content_words("Det är bra att vi och ni gör det i dag")] == ["dag"]


def test_cloud_counts_notes_and_labels_with_real_words():
    cloud = word_cloud(["Mer samverkan mellan skolan och socialtjänsten",
                        "Samverka kring elevhälsan! Samverka!", "Skolor behöver samverkan",
                        "bra fika!"])
    assert cloud[0] == {"word": "samverkan", "count": 3}     # one per note, not per mention
    assert {"word": "skolan", "count": 2} in cloud
    assert all(w["word"] in "samverkan skolan socialtjänsten elevhälsan fika skolor samverka"
               for w in cloud)


def test_cloud_is_deterministic_and_limited():
    texts = [f"ord{chr(97 + i % 26)}{chr(97 + i // 26)} gemensamt" for i in range(100)]
    assert word_cloud(texts, limit=5) == word_cloud(list(texts), limit=5)
    assert len(word_cloud(texts, limit=5)) == 5


def test_cloud_of_hostile_and_empty_text():
    assert word_cloud(["", "   ", "<script>alert(1)</script>", "\u202e\u200b"]) == [
        {"word": "alert", "count": 1}, {"word": "script", "count": 1}]
