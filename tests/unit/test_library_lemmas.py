"""Lemmatisation for the learning library: inflected Finnish forms meet their base form, and
Swedish and English text is lemmatised by its own language."""

from __future__ import annotations

from markupsafe import Markup

from app.library.indexing import detect_language, lemmatise, query_alternatives
from app.library.search import highlight, key_terms


def test_finnish_inflections_share_one_lemma():
    assert lemmatise("asiakas asiakkaiden asiakkaille", "fi") == ["asiakas"] * 3
    assert lemmatise("palvelu palvelujen", "fi") == ["palvelu", "palvelu"]


def test_swedish_and_english_use_their_own_lemmas():
    assert lemmatise("Kunderna väntar", "sv")[0] == "kund"
    assert lemmatise("Customers libraries", "en") == ["customer", "library"]


def test_language_is_detected_with_finnish_as_fallback():
    assert detect_language("Asiakkaat odottavat puhelinjonossa liian kauan.") == "fi"
    assert detect_language("Kunderna väntar för länge i telefonkön hos staden.") == "sv"
    assert detect_language("Customers wait too long in the phone queue.") == "en"
    assert detect_language("OK") == "fi"


def test_a_search_word_matches_its_lemma_in_any_language():
    (asiakkaille,) = query_alternatives("asiakkaille")
    assert "asiakas" in asiakkaille
    (customers,) = query_alternatives("Customers")
    assert "customer" in customers
    # Repeated words and punctuation do not add terms; "_" separates words as in the databases.
    assert len(query_alternatives("palvelu, palvelu! a_b")) == 3


def test_highlight_escapes_text_and_marks_inflected_words():
    marked = highlight("<b>Asiakkaiden</b> & asiakkaille", {"asiakas"}, "fi")
    assert isinstance(marked, Markup)
    assert str(marked) == (
        "&lt;b&gt;<mark>Asiakkaiden</mark>&lt;/b&gt; &amp; <mark>asiakkaille</mark>"
    )


def test_highlight_cuts_an_excerpt_around_the_first_match():
    text = " ".join(["sana"] * 100) + " palvelujen " + " ".join(["muu"] * 100)
    excerpt = str(highlight(text, {"palvelu"}, "fi", limit=120))
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>palvelujen</mark>" in excerpt
    assert len(excerpt) < 160


def test_key_terms_leave_out_short_and_common_words():
    assert key_terms("Asiakkaat ja että palvelujen jonot ovat pitkiä") == [
        "asiakas",
        "palvelu",
        "jono",
        "pitkä",
    ]


def test_cached_language_detection_gives_simplemmas_own_answers():
    """detect_language runs simplemma's detector with cached lookups (for speed); its scores
    must be exactly those of simplemma.langdetect, also on a tie and on repeated calls."""
    import simplemma

    from app.library import indexing

    samples = [
        "Asiakkaiden puhelut jäävät jonoon, ja asiakkaille soitetaan takaisin.",
        "Kunderna väntar länge i telefonkön och vi ringer tillbaka till kunderna.",
        "Customers wait too long in the phone queue, so we call them back.",
        "Asiakas customer kund palvelu service tjänst",
        "xyzzy plugh qwerty",
    ]
    for sample in samples * 2:
        expected = simplemma.langdetect(
            sample, lang=indexing.LANGUAGES, low_memory=indexing.LOW_MEMORY
        )
        assert indexing._langdetect(sample) == expected
    assert [detect_language(sample) for sample in samples[:3]] == ["fi", "sv", "en"]
