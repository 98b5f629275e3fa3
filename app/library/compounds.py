"""The parts of Finnish compound words, from Voikko's morphological analysis.

simplemma gives a compound's lemma whole ("kirjastoautossa" → "kirjastoauto"), so a search
for "auto" would not find it. Voikko analyses the word into its parts: kirjasto + auto, and
ajanvarausjärjestelmässä into ajan (aika) + varaus + järjestelmä. The library indexes, beside
each word's lemma, these parts' base forms and the shorter compounds inside a longer one
("ajanvaraus" in "ajanvarausjärjestelmä"), see `compound_parts`.

Two ways to run Voikko, the first that loads is used (`analyser()`):

1. The native libvoikko with the Finnish dictionary (Debian's `libvoikko1` and `voikko-fi`),
   through the `libvoikko` module (a ctypes wrapper from PyPI): about 7 MB per process,
   0.02 ms a word, loaded in 0.06 s.
2. `pyvoikko`, the same analysis in pure Python with its own copy of the dictionary, for a
   machine without the system packages: about 245 MB per process, 2.8 ms a word, loaded in
   about 2 s (measured in docs/library.md).

Without either, words are not split (a warning is logged) and the search works as before."""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache

log = logging.getLogger(__name__)

# libvoikko's WORDBASES, "+ajan(aika)+vara(varata)+us(+us)+järjestelmä(järjestelmä)": each
# "+" starts a morpheme, its base form in parentheses; a derivational suffix's base starts with
# "+", and some morphemes have none ("+pien+ryhmä(ryhmä)", "+uusi(uusia)+n+ta(+ta)").
TOKEN = re.compile(r"\(([^)]*)\)|(\+)|([^+()]+)")
# Word classes whose analyses are never split ("ettei" is not ett + ei).
UNSPLIT_CLASSES = {"kieltosana", "sidesana"}

# An analysis of one word: its compound parts as (form in the word, base form); the last
# part's form is its form in the word or its base form. One part: not a compound.
Parts = list[tuple[str, str]]
Analyse = Callable[[str], list[Parts]]


def morphemes(wordbases: str) -> list[list[str]]:
    """WORDBASES as [form, base] pairs (base "" when it has none)."""
    found: list[list[str]] = []
    for base, plus, text in TOKEN.findall(wordbases):
        if plus or not found:
            found.append(["", ""])
        if text:
            found[-1][0] += text
        elif base and not found[-1][1]:
            found[-1][1] = base
    return found


def native_parts(word: str, analysis: dict[str, str], base_form: Callable[[str], str]) -> Parts:
    """The compound parts of one libvoikko analysis. A part starts at a morpheme with a base
    form of its own; suffixes join the part before (vara + us: "varaus", whose base form is
    looked up alone with `base_form`). A lexicalised compound ("hyvin=vointi") is one part.
    The last part's base form is the rest of BASEFORM after the first parts' forms."""
    whole = analysis.get("BASEFORM", word)
    if analysis.get("CLASS") in UNSPLIT_CLASSES:
        return [(word, whole)]
    groups: list[list[str]] = []  # [form, base, derived]
    for form, base in morphemes(analysis.get("WORDBASES", "")):
        if not groups or base and not base.startswith("+"):
            groups.append([form, base.replace("=", "") or form, ""])
        else:
            groups[-1][0] += form
            groups[-1][2] = "derived"
    if len(groups) < 2:
        return [(word, whole)]
    parts = [(form, base_form(form) if derived else base) for form, base, derived in groups]
    prefix = "".join(form for form, _ in parts[:-1]).lower()
    if whole.lower().startswith(prefix) and len(whole) > len(prefix):
        parts[-1] = (parts[-1][0], whole[len(prefix) :])
    return parts


def _native() -> Analyse | None:
    try:
        import libvoikko

        voikko = libvoikko.Voikko("fi")
    except Exception as error:  # the module, the shared library or the dictionary is missing
        log.info("Native libvoikko not available (%s)", error)
        return None
    lock = threading.Lock()  # one libvoikko handle is not safe to share between threads

    def analyse_word(word: str) -> list[dict[str, str]]:
        with lock:
            return voikko.analyze(word)

    def base_form(form: str) -> str:
        """A derived part's base form: the form itself if it is one ("uusinta", not the
        partitive of "uusi"), else the first analysis's."""
        bases = [a.get("BASEFORM", form) for a in analyse_word(form)]
        return form if not bases or form.lower() in map(str.lower, bases) else bases[0]

    def analyse(word: str) -> list[Parts]:
        # Proper-noun readings ("Kauppakeskus" as a name) come without WORDBASES: left out.
        return [native_parts(word, a, base_form) for a in analyse_word(word) if a.get("WORDBASES")]

    return analyse


def _pure_python() -> Analyse | None:
    try:
        import pyvoikko
    except Exception as error:
        log.warning("pyvoikko not available (%s)", error)
        return None

    def analyse(word: str) -> list[Parts]:
        return [
            [(part.FORM, part.BASEFORM.replace("=", "")) for part in a.COMPOUND_PARTS]
            if a.COMPOUND_PARTS and a.CLASS not in UNSPLIT_CLASSES
            else [(word, a.BASEFORM)]
            for a in pyvoikko.analyse(word)
        ]

    return analyse


_analyser: list[tuple[str, Analyse | None]] = []
_loading = threading.Lock()
# "libvoikko", "pyvoikko" or "none" chooses; unset, the first that loads. The same choice must
# be made where the index is written and where it is searched (run `kokeilu reindex` after a
# change).
CHOICE = "KOKEILU_COMPOUNDS"


def analyser() -> tuple[str, Analyse | None]:
    """("libvoikko" | "pyvoikko" | "none", the analysis function), loaded once per process."""
    if not _analyser:
        with _loading:
            if not _analyser:
                _analyser.append(_load(os.environ.get(CHOICE, "")))
    return _analyser[0]


def _load(choice: str) -> tuple[str, Analyse | None]:
    if choice == "none":
        log.info("Compound words are not split in the library (%s=none)", CHOICE)
        return ("none", None)
    native = _native() if choice != "pyvoikko" else None
    if native:
        return ("libvoikko", native)
    fallback = _pure_python()
    if fallback:
        if choice != "pyvoikko":
            log.warning(
                "Compound words are split with pyvoikko (pure Python, ~245 MB per process); "
                "install Debian's libvoikko1 and voikko-fi for the native library (~7 MB)"
            )
        return ("pyvoikko", fallback)
    log.warning("No Voikko: compound words are not split in the library")
    return ("none", None)


def spans(parts: Sequence[tuple[str, str]]) -> list[str]:
    """The base forms of the parts and of every shorter compound inside the word: the forms
    of its first parts as written and the base form of its last (ajan + varaus →
    "ajanvaraus")."""
    found = []
    for end in range(len(parts)):
        for start in range(end + 1):
            if end - start + 1 < len(parts):
                found.append("".join(form for form, _ in parts[start:end]) + parts[end][1])
    return found


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The lower-case base forms of a Finnish word's compound parts and inner compounds, in
    order, without repeats; () for a word that is not a compound. Of Voikko's analyses only
    those with the fewest parts count: "elinvoimaa" is elin + voima, not elin + voi + maa; and
    a word Voikko also knows as a simple word (an analysis of one part) is not split."""
    analyse = analyser()[1]
    return parts_of(analyse, word) if analyse else ()


def parts_of(analyse: Analyse, word: str) -> tuple[str, ...]:
    """compound_parts with the given analysis function."""
    if len(word) < 5:
        return ()
    analyses = analyse(word)
    fewest = min((len(parts) for parts in analyses), default=1)
    if fewest < 2:
        return ()
    found: dict[str, None] = {}
    for parts in (parts for parts in analyses if len(parts) == fewest):
        for term in spans([(form.lower(), base.lower()) for form, base in parts]):
            found[term] = None
    return tuple(found)
