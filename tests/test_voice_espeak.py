"""eSpeak pronunciation fixes, checked by listening to eSpeak's own phonemes.

``espeak_TextToPhonemes`` shows the problem (typed words vs eSpeak's digit reader); the phoneme
trace of a real synthesis shows what a listener hears once the id-espeak profile's
``[pronunciations]`` have been applied by ``pipeline.pronounce``.
"""

from __future__ import annotations

import re

import pytest

from bacakan import pipeline
from bacakan.synthesise import apply_pronunciations, load_profile
from bacakan.synthesise.espeak_voice import EspeakVoice


@pytest.fixture(scope="module")
def espeak() -> EspeakVoice:
    profile = load_profile("id-espeak")
    s = profile.settings
    return EspeakVoice(str(s["language"]), int(s["rate"]), int(s["pitch"]),  # type: ignore[call-overload]
                       int(s["range"]))  # type: ignore[call-overload]


def test_the_digit_reader_and_typed_words_disagree(espeak: EspeakVoice):
    """Why the fix exists: "12"/"4" are read with a schwa, the typed words with an open e."""
    assert "b@las" in espeak.text_to_phonemes("12")
    assert "'@mpat" in espeak.text_to_phonemes("4")
    assert "b'Elas" in espeak.text_to_phonemes("dua belas")
    assert "'Empat" in espeak.text_to_phonemes("empat")


@pytest.mark.parametrize("spoken", [
    "dua belas orang",
    "Empat belas pemuda diamankan.",
    "sebelas, empat, keempat",
    "Pukul tujuh lewat seperempat.",
])
def test_id_espeak_profile_says_belas_and_empat_with_a_schwa(espeak: EspeakVoice, spoken: str):
    profile = load_profile("id-espeak")
    fixed = pipeline.pronounce(profile, spoken)
    heard = espeak.phonemes(fixed)
    assert not re.search(r"b'?El|'?Emp", heard), heard
    if "belas" in spoken.lower():
        assert "b@l'as" in heard
    if re.search(r"\bempat\b", spoken, re.IGNORECASE):
        assert "'@mpat" in heard


def test_fixed_typed_words_match_what_the_digit_reader_says(espeak: EspeakVoice):
    profile = load_profile("id-espeak")
    heard = espeak.phonemes(pipeline.pronounce(profile, "empat belas"))
    digits = espeak.text_to_phonemes("14")  # '@mpatb@las: one word, unstressed "belas"
    assert heard.replace(" ", "").replace("'", "") == digits.replace("'", "")


def test_normalised_numbers_end_up_with_the_fix(espeak: EspeakVoice):
    """Through the real normaliser: whatever spelling it gives 14, the voice says @ not E."""
    profile = load_profile("id-espeak")
    spoken = pipeline.to_spoken("Sebanyak 14 pemuda diamankan.")
    heard = espeak.phonemes(pipeline.pronounce(profile, spoken))
    assert "'Emp" not in heard and "b'El" not in heard


def test_fixes_touch_whole_words_only():
    fixes = {"belas": "[[b@l'as]]", "empat": "[['@mpat]]"}
    assert apply_pronunciations(fixes, "belasan kasih, empatnya") == "belasan kasih, empatnya"
    assert apply_pronunciations(fixes, "Belas.") == "[[b@l'as]]."
    assert apply_pronunciations(fixes, "[[b@l'as]]") == "[[b@l'as]]"  # applying twice is harmless
    assert apply_pronunciations({}, "empat") == "empat"


def test_phoneme_input_changes_the_audio_not_just_the_trace(espeak: EspeakVoice):
    plain = espeak.synthesize("dua belas")
    fixed = espeak.synthesize("dua [[b@l'as]]")
    assert len(plain.samples) != len(fixed.samples) or (plain.samples != fixed.samples).any()
