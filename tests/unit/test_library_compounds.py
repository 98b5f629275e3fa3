"""Compound parts from Voikko's analysis: libvoikko's WORDBASES read right, the same parts
from the native library and from pyvoikko, Finnish only, and used for similar experiments."""

from __future__ import annotations

import pytest

from app.library import compounds
from app.library.compounds import morphemes, native_parts, parts_of, spans
from app.library.indexing import compound_terms, parts, word_terms
from app.library.search import key_terms
from tests.markers import requires_voikko


def test_wordbases_are_read_into_morphemes():
    assert morphemes("+ajan(aika)+vara(varata)+us(+us)+järjestelmä(järjestelmä)") == [
        ["ajan", "aika"],
        ["vara", "varata"],
        ["us", "+us"],
        ["järjestelmä", "järjestelmä"],
    ]
    assert morphemes("+pist(pistää)(+o)+o+koe(koe)") == [
        ["pist", "pistää"],
        ["o", ""],
        ["koe", "koe"],
    ]
    assert morphemes("+suosit(suosittaa)tel(+ella)+u(+u)") == [
        ["suosittel", "suosittaa"],
        ["u", "+u"],
    ]


def analysis(wordbases: str, baseform: str, word_class: str = "nimisana") -> dict[str, str]:
    return {"WORDBASES": wordbases, "BASEFORM": baseform, "CLASS": word_class}


def test_native_parts_join_suffixes_and_keep_lexicalised_compounds_whole():
    looked_up = []

    def base_form(form: str) -> str:
        looked_up.append(form)
        return {"varaus": "varaus", "pisto": "pisto"}[form]

    word = "ajanvarausjärjestelmässä"
    wordbases = "+ajan(aika)+vara(varata)+us(+us)+järjestelmä(järjestelmä)"
    assert native_parts(word, analysis(wordbases, "ajanvarausjärjestelmä"), base_form) == [
        ("ajan", "aika"),
        ("varaus", "varaus"),
        ("järjestelmä", "järjestelmä"),
    ]
    assert looked_up == ["varaus"]  # only the derived part is looked up again
    pisto = analysis("+pist(pistää)(+o)+o+koe(koe)", "pistokoe")
    assert native_parts("pistokokeessa", pisto, base_form) == [("pisto", "pisto"), ("koe", "koe")]
    # One lexeme written as a compound in the dictionary: one part.
    hyvinvointi = analysis("+hyvinvointi(hyvin=vointi)", "hyvinvointi")
    assert native_parts("hyvinvointia", hyvinvointi, base_form) == [("hyvinvointia", "hyvinvointi")]
    ettei = analysis("+ett(ett)+ei(ei)", "ettei", "kieltosana")
    assert native_parts("ettei", ettei, base_form) == [("ettei", "ettei")]


def test_spans_are_the_parts_and_the_shorter_compounds_inside():
    assert spans([("ajan", "aika"), ("varaus", "varaus"), ("järjestelmä", "järjestelmä")]) == [
        "aika",
        "ajanvaraus",
        "varaus",
        "varausjärjestelmä",
        "järjestelmä",
    ]
    assert spans([("kirjasto", "kirjasto"), ("autossa", "auto")]) == ["kirjasto", "auto"]
    assert spans([("auto", "auto")]) == []


WORDS = {
    "kirjastoautossa": {"kirjasto", "auto"},
    "ajanvarausjärjestelmässä": {"aika", "ajanvaraus", "varaus", "varausjärjestelmä"}
    | {"järjestelmä"},
    "odotusajan": {"odotus", "aika"},
    "palveluneuvonnassa": {"palvelu", "neuvonta"},
    "kotihoidon": {"koti", "hoito"},
    "lastensuojelun": {"lapsi", "suojelu"},
    "kauppakeskuksessa": {"kauppa", "keskus"},
    "elinvoimaa": {"elin", "voima"},  # the analysis with the fewest parts, not elin + voi + maa
    "suositteluhalukkuus": {"suosittelu", "halukkuus"},
    "kotona": set(),
    "asiakkaille": set(),
    "ettei": set(),
}


def _analysers():
    found = []
    native = compounds._native()
    if native:
        found.append(pytest.param(native, id="libvoikko"))
    else:
        found.append(pytest.param(None, id="libvoikko", marks=pytest.mark.skip("no libvoikko")))
    found.append(pytest.param(compounds._pure_python(), id="pyvoikko"))
    return found


@pytest.mark.parametrize("analyse", _analysers())
def test_both_analysers_give_the_same_parts(analyse):
    assert {word: set(parts_of(analyse, word)) for word in WORDS} == WORDS


@requires_voikko
def test_only_finnish_words_are_split_and_the_lemma_is_not_repeated():
    assert parts("kirjastoautossa", "fi") == ("kirjasto", "auto")
    assert parts("kirjastoautossa", "sv") == ()
    assert compound_terms("Kirjastoautossa ja asiakaspalvelussa", "fi") == [
        "kirjasto",
        "auto",
        "asiakas",
        "palvelu",
    ]
    assert word_terms("kirjastoautossa", "fi") == {"kirjastoauto", "kirjasto", "auto"}
    # Similar experiments: each lemma followed by its parts.
    assert key_terms("Kirjastoautossa ruuhkaa") == ["kirjastoauto", "kirjasto", "auto", "ruuhka"]
