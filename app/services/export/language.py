"""The language of a report and of each idea in it (Word's w:lang, so spell-check fits the text).

A report is written in one language (its headings, the Chatham House notice, "raised by N of M
groups"), chosen on the export page or with ``flask export --lang``; each idea keeps the language
it was written in, marked on its own runs.
"""
from __future__ import annotations

from typing import Optional

from app.i18n import REGION_TAGS, current_lang


def report_locale() -> str:
    """The report language in force: the one the export forced, else the page's or terminal's."""
    return current_lang()


def language_tag(lang: Optional[str]) -> str:
    """'fr' -> 'fr-CA', 'en' -> 'en-CA' (Canadian federal usage); other tags pass through."""
    lang = (lang or "en").strip()
    return REGION_TAGS.get(lang.split("-")[0].lower(), lang)


def _set_lang(rpr, tag: str) -> None:
    """Put <w:lang w:val=tag/> on a run-properties element, replacing any earlier one."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), tag)
    rpr.append(element)


def set_document_language(document, lang: str) -> None:
    """Make the report's language the default of every run (document defaults and Normal style)."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
        if rpr is not None:
            _set_lang(rpr, language_tag(lang))
    _set_lang(document.styles["Normal"].element.get_or_add_rPr(), language_tag(lang))


def set_run_language(paragraph, lang: str) -> None:
    """Mark every run of paragraph, and its paragraph mark, as written in lang."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = language_tag(lang)
    for run in paragraph.runs:
        _set_lang(run._r.get_or_add_rPr(), tag)
    ppr = paragraph._p.get_or_add_pPr()
    mark = ppr.find(qn("w:rPr"))
    if mark is None:  # the paragraph mark's run properties come last in a list paragraph's pPr
        mark = OxmlElement("w:rPr")
        ppr.append(mark)
    _set_lang(mark, tag)
