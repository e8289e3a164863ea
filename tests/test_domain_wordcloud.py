"""The word cloud: recurring phrases kept whole, fillers left out, å/ä/ö kept."""
from facilitator.domain.wordcloud import phrases, word_cloud
from facilitator.domain.text import words


def cloud_words(texts, limit=60):
    return {w["word"]: w["count"] for w in word_cloud(texts, limit)}


def test_a_recurring_phrase_is_one_entry_and_its_words_are_not_counted_twice():
    texts = ["We need one door in for families", "One door in, please",
             "The model one door in works", "A door for the school"]
    cloud = cloud_words(texts)
    assert cloud["one door in"] == 3
    assert cloud["door"] == 1                     # only where it stands outside the phrase
    assert "one" not in cloud


def test_swedish_phrases_with_articles_and_particles():
    texts = ["Familjer behöver en väg in", "En väg in till elevhälsan", "Skapa en väg in för alla",
             "För barn och unga i länet", "Fler mötesplatser för barn och unga",
             "Stöd till barn och unga tidigt"]
    cloud = cloud_words(texts)
    assert cloud["en väg in"] == 3 and cloud["barn och unga"] == 3
    assert "väg" not in cloud and "barn" not in cloud


def test_a_piece_of_one_repeated_sentence_is_no_phrase():
    sentence = "Cheferna måste ge mandat för att samverkan ska fungera"
    chosen = phrases([words(sentence + end) for end in ("", " i länet", "!", " för unga")])
    assert ("cheferna", "måste", "ge") not in chosen and ("måste", "ge", "mandat") not in chosen


def test_a_phrase_needs_several_notes_and_to_hold_its_words():
    assert phrases([words("psykisk ohälsa")] * 2) == []
    texts = ["skola och fritid"] * 3 + [f"skola {w}" for w in "abc def ghi jkl mno pqr stu".split()]
    assert ("skola", "och", "fritid") not in phrases([words(t) for t in texts])


def test_fillers_are_left_out_and_swedish_letters_kept():
    texts = ["Faktiskt används bland flera skolor", "Flera skolor används faktiskt",
             "Åtgärder för ökad trygghet", "Ökad trygghet är viktigt"]
    cloud = cloud_words(texts)
    for filler in ("faktiskt", "används", "bland", "flera", "viktigt"):
        assert filler not in cloud
    assert cloud["skolor"] == 2 and "ökad trygghet" not in cloud and cloud["trygghet"] == 2
    assert "åtgärder" in cloud


def test_sizes_follow_how_many_notes_say_it():
    texts = ["samverkan"] * 5 + ["elevhälsa"] * 2 + ["fika"]
    assert [w["word"] for w in word_cloud(texts)] == ["samverkan", "elevhälsa", "fika"]


def test_many_notes_make_a_bounded_cloud():
    texts = [f"tema{chr(97 + i % 26)}{chr(97 + i // 26 % 26)} och samverkan i skolan"
             for i in range(2000)]
    cloud = word_cloud(texts, limit=60)
    assert len(cloud) == 60 and cloud[0]["count"] >= cloud[-1]["count"]
