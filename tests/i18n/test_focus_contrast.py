"""The focus indicator has at least 3:1 contrast (WCAG 2.1, 1.4.11) against everything it sits on:
the page, the cards, the blue buttons it surrounds and its own amber halo. Colours are read from
style.css, so changing them to something faint fails here."""
from __future__ import annotations

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parents[2] / "app" / "static" / "style.css").read_text(encoding="utf-8")


def variable(name: str) -> str:
    return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS).group(1)


def luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#ffbf47", "#ffffff") < 3  # the old amber ring alone failed on white (about 1.6:1)


def test_focus_ring_has_three_to_one_against_every_background():
    ring, halo = variable("focus-ring"), variable("focus-halo")
    backgrounds = {"white": "#ffffff", "page": variable("bg"), "button": variable("accent"), "halo": halo,
                   "flagged highlight": "#fff1cc", "removed highlight": "#ffe1e1"}
    too_faint = {name: round(contrast(ring, colour), 2) for name, colour in backgrounds.items()
                 if contrast(ring, colour) < 3}
    # The blue button is the one neighbour a dark ring cannot contrast with; the amber halo between
    # them does (ring/halo and halo/button are both checked).
    too_faint.pop("button", None)
    assert contrast(halo, variable("accent")) >= 3
    assert too_faint == {}


def test_every_focusable_kind_uses_the_ring():
    rule = re.search(r"([^{}]*):focus-visible[^{}]*\{([^}]*)\}", CSS)
    selectors, body = rule.group(0), rule.group(2)
    for kind in ("button", "a", "input", "textarea", "select", "summary", "[tabindex]"):
        assert f"{kind}:focus-visible" in selectors
    assert "outline:3px solid var(--focus-ring)" in body and "var(--focus-halo)" in body
