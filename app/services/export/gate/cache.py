"""Each app's gate contexts and their results, kept in the app's service container.

A context depends on one conference's roster, allow-list and codebook; it is rebuilt when their
version changes. Results are cached per text hash under the context, so ideas checked as they are
approved (app.services.export.check.precheck) cost nothing at export. Two apps in one process
(tests, a CLI beside a worker) never share a context or a result.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Callable, Optional, Sequence

from app.extensions import services
from app.services.export.gate.final import GateContext, GateFinding

_KEY = "export.gate_contexts"
_CACHE_LIMIT = 100_000


class GateState:
    """One conference's context at one version, with its results by text hash."""

    def __init__(self, version: str, context: GateContext):  # noqa: D107
        self.version = version
        self.context = context
        self.results: "OrderedDict[str, tuple[GateFinding, ...]]" = OrderedDict()
        self.lock = threading.Lock()

    def check_many(self, texts: Sequence[tuple[str, Optional[str]]]) -> list[tuple[GateFinding, ...]]:
        """Findings for each (text, lang), reusing results cached by text hash."""
        out: list[tuple[GateFinding, ...]] = []
        for text, lang in texts:
            key = text_hash(text, lang)
            with self.lock:
                hit = self.results.get(key)
            if hit is None:
                hit = tuple(self.context.check(text, lang))
                with self.lock:
                    self.results[key] = hit
                    while len(self.results) > _CACHE_LIMIT:
                        self.results.popitem(last=False)
            out.append(hit)
        return out


def text_hash(text: str, lang: Optional[str]) -> str:
    """The cache key of a text: its language and a hash of its exact characters."""
    return hashlib.sha256(f"{lang or ''}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()


def state_for(owner: object, version: str, build: Callable[[], GateContext]) -> GateState:
    """This app's state for owner (a conference id) at version, built by build() when it changed."""
    states: dict = services().get_or_create(_KEY, dict)
    state = states.get(owner)
    if state is not None and state.version == version:
        return state
    state = GateState(version, build())
    states[owner] = state
    return state


def forget_contexts() -> None:
    """Drop this app's contexts and results (tests, or after a change made in another process)."""
    services().discard(_KEY)
