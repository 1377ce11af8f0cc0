"""Clean ideas: the substance of an anonymized note without the scaffolding of who said it.

    extractor = IdeaExtractor(load_pipelines())
    extractor.extract("[Participant 1] said the plan needs a budget line.").ideas
    # -> [Idea(text="The plan needs a budget line.", kind="proposal", start=22, end=52, support=0)]

No Flask here; the app reaches it through its anonymization service.
"""
from .extract import Idea, IdeaExtractor, NoteIdeas, extract_ideas, ideas_from_parse
from .parsed import ParsedNote, parse_anonymized, project_parse

__all__ = ["Idea", "IdeaExtractor", "NoteIdeas", "ParsedNote", "extract_ideas", "ideas_from_parse",
           "parse_anonymized", "project_parse"]
