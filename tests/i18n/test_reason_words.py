"""Removal reasons in the page's language: from the anonymizer's reason codes when it gives them."""
from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.services.anonymization import reason_message
from app.services.reason_words import reason_words


def test_a_span_without_codes_keeps_its_own_reason(app):
    with app.test_request_context("/?lang=fr"):
        assert reason_words({"reason": "roster name"}) == "roster name"
        assert reason_words({}) == ""


def test_a_span_with_a_reason_code_speaks_the_page_language(app):
    if reason_message("person_ner", "fr") is None:
        pytest.skip("this anonymizer has no reason codes yet (anonymizer.reasons)")
    span = {"reason": "a person's name", "codes": ("person_ner",)}
    with app.test_request_context("/"), force_locale("fr"):
        assert reason_words(span) == "nom d'une personne"
    with app.test_request_context("/"), force_locale("en"):
        assert reason_words(span) == "a person's name"
