"""The booth config's language and its headline per language (engine/booth.py, no Qt)."""
import logging

import pytest

from engine.booth import DEFAULT_HEADLINE, BoothConfig, BoothStats, load_booth_config, parse_booth_config


@pytest.mark.parametrize("value, kept", [("", ""), ("tr", "tr"), ("en", "en"), (" TR ", "tr")])
def test_the_booth_language_is_read(value, kept, caplog):
    assert parse_booth_config({"language": value}).language == kept
    assert not caplog.records


@pytest.mark.parametrize("value", ["de", "turkish", 1, True, ["tr"], {"tr": 1}])
def test_a_bad_booth_language_is_logged_and_ignored(value, caplog):
    assert parse_booth_config({"language": value, "kiosk": True}) == BoothConfig(kiosk=True)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1 and "language" in warned[0]


def test_a_headline_table_gives_each_language_its_line(tmp_path, caplog):
    path = tmp_path / "booth.toml"
    path.write_text('language = "tr"\nheadline = { tr = "Bir rakam çiz!", en = "Draw a digit!" }\n', encoding="utf-8")
    config = load_booth_config(path)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert config.language == "tr"
    assert config.headline == (("en", "Draw a digit!"), ("tr", "Bir rakam çiz!"))
    assert hash(config) == hash(load_booth_config(path))          # frozen and hashable, table and all
    assert config.headline_for("tr") == "Bir rakam çiz!"
    assert config.headline_for("en") == "Draw a digit!"


def test_which_headline_a_language_gets():
    assert BoothConfig().headline == DEFAULT_HEADLINE
    assert BoothConfig().headline_for("tr") is None                    # the default: the kiosk translates it
    assert BoothConfig(headline="Hello").headline_for("tr") == "Hello"  # a string: as written in every language
    assert BoothConfig(headline="").headline_for("en") == ""            # an empty one is allowed (no headline)
    only_english = parse_booth_config({"headline": {"en": "Hi"}})
    assert only_english.headline_for("tr") == "Hi" and only_english.headline_for("en") == "Hi"
    only_turkish = parse_booth_config({"headline": {"tr": "Merhaba"}})
    assert only_turkish.headline_for("tr") == "Merhaba" and only_turkish.headline_for("en") is None


@pytest.mark.parametrize("value", [{}, {"de": "Hallo"}, {"en": "Hi", "fr": "Salut"}, {"en": 3}, {"tr": "x" * 201},
                                   3, ["Hello"]])
def test_a_bad_headline_is_logged_and_ignored(value, caplog):
    assert parse_booth_config({"headline": value}).headline == DEFAULT_HEADLINE
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1 and "headline" in warned[0]


def test_todays_count_for_the_screen(tmp_path):
    stats = BoothStats(tmp_path / "stats.jsonl")
    assert stats.today() == (0, None) and stats.summary() == "0 drawings today"
    stats.record_drawing(7, 0.98)
    stats.record_feedback(True, 7)
    assert stats.today() == (1, 100) and stats.summary() == "1 drawing today · 100% right"
