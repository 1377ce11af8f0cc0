"""What every step of the extraction reads: the parse, the vocabulary and per-token word classes."""
from __future__ import annotations

from dataclasses import dataclass, field

from .parsed import PERSONISH, ParsedNote
from .vocab import IdeaVocab

VERBAL = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"})
OPENING = frozenset({"(", "[", "«", "\"", "“"})
CLOSING = frozenset({")", "]", "»", "\"", "”"})


@dataclass
class Context:
    """One note's parse and one language's vocabulary, with lower-cased words for lexicon matching."""

    parsed: ParsedNote
    vocab: IdeaVocab
    words: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.words = [t.lower_ for t in self.parsed.doc]
        self._subject = self.vocab.words("subject") | self.vocab.words("person_pronoun")

    @property
    def doc(self):
        """The spaCy Doc."""
        return self.parsed.doc

    def label(self, i: int) -> str | None:
        """Placeholder label of token *i*, or None."""
        return self.parsed.label(i)

    def is_person(self, i: int) -> bool:
        """A placeholder for a person or a role, or a pronoun/title that points to one."""
        return self.label(i) in PERSONISH or self.words[i] in self.vocab.words("person_pronoun")

    def is_attribution(self, i: int) -> bool:
        """A person, role or organization placeholder (what a frame's subject is made of)."""
        return self.label(i) in PERSONISH or self.label(i) == "ORG"

    def is_punct(self, i: int) -> bool:
        """Punctuation or whitespace."""
        tok = self.doc[i]
        return tok.is_punct or tok.is_space or tok.text in OPENING or tok.text in CLOSING

    def is_scaffold(self, i: int) -> bool:
        """A token that may stand in the subject part of a reporting frame."""
        if self.label(i) in ("PERSON", "ROLE", "ORG", "PLACE") or self.is_punct(i):
            return True
        return self.words[i] in self._subject or self.doc[i].pos_ == "AUX"

    def is_verbal(self, i: int) -> bool:
        """A verb or auxiliary by the tagger."""
        return self.doc[i].pos_ in VERBAL

    def match(self, toks: list[int], k: int, section: str) -> int:
        """Longest entry of *section* matching the words of ``toks[k:]``."""
        if k >= len(toks) or self.words[toks[k]] not in self.vocab.first_words(section):
            return 0
        return self.vocab.match([self.words[i] for i in toks[k:k + 6]], 0, section)

    def contains(self, toks: list[int], section: str) -> bool:
        """Whether any entry of *section* occurs in *toks*."""
        return any(self.match(toks, k, section) for k in range(len(toks)))

    def has_verb(self, toks: list[int]) -> bool:
        """Whether *toks* hold a verb or auxiliary."""
        return any(self.is_verbal(i) for i in toks)
