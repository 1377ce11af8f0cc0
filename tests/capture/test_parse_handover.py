"""Issue 12: the engine hands its parse over, so the preview's clean ideas need no second parse."""
from anonymizer.ideas import IdeaExtractor, parse_anonymized, project_parse
from app.services.anonymization import anonymize, current_anonymizer_settings, pipelines
from app.services.capture.preview import build_preview, replaced_pieces
from app.services.capture.segments import compose, segments_of
from app.services.conference import current_conference

NOTE = ("- Wren Halvorsen said shelters in the north need five-year funding.\n"
        "- According to Ilse Marchetti, every department must publish yearly data on women in senior posts.\n"
        "- Tidewater Relief Network proposed an independent ombudsperson.\n")


def test_the_engine_hands_its_parse_over_only_when_asked(app):
    with app.test_request_context():
        settings, conference = current_anonymizer_settings(), current_conference()
        handed = anonymize(NOTE, conference, settings, keep_parse=True)
        plain = anonymize(NOTE, conference, settings)
        assert plain.doc is None
        assert handed.doc is not None and handed.doc.text == NOTE
        assert [(s.start, s.end, s.label) for s in handed.spans] == [(s.start, s.end, s.label) for s in plain.spans]
        assert handed.text == plain.text


def test_clean_ideas_on_the_handed_over_parse_match_a_second_parse(app):
    with app.test_request_context():
        settings, conference = current_anonymizer_settings(), current_conference()
        result = anonymize(NOTE, conference, settings, keep_parse=True)
        segments = segments_of(NOTE, result.spans)
        clean = compose(segments)
        extractor = IdeaExtractor(pipelines(settings))
        projected = extractor.extract(clean, "en", parsed=project_parse(result.doc, clean, replaced_pieces(segments)))
        reparsed = extractor.extract(clean, "en", parsed=parse_anonymized(clean, pipelines(settings)["en"]))
        assert [i.text for i in projected.ideas] == [i.text for i in reparsed.ideas]
        preview = build_preview(NOTE, conference, settings)
        texts = [i["text"] for i in preview.clean_ideas]
        assert "Shelters in the north need five-year funding." in texts
        for idea in preview.clean_ideas:  # each idea points at its source in the text the page shows
            assert preview.text[idea["start"]:idea["end"]]
        assert not any(name in " ".join(texts) for name in ("Wren", "Halvorsen", "Ilse", "Marchetti"))
