"""Build the held-out gold JSONL from its light markup (``[[span|LABEL]]`` / ``{{keep}}``).

Usage: python tests/anonymizer/heldout_build.py [SRC.txt] [OUT.jsonl]
The markup is the one of the shared corpus SPEC: a note starts with
``=== <id> | key=value | ...`` and ends at a blank line; spans never nest or cross lines.
"""
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LABELS = {"PERSON", "ORG", "ROLE", "CONTACT", "PLACE", "QUASI"}
_TOKEN = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]|\{\{(.+?)\}\}")


def convert(raw: str, note_id: str) -> tuple[str, list, list]:
    """Strip the markup from *raw*; return (text, redact spans, keep spans) with offsets into text."""
    parts, redact, keep, pos, cur = [], [], [], 0, 0
    for m in _TOKEN.finditer(raw):
        parts.append(raw[pos:m.start()])
        cur += m.start() - pos
        span = m.group(1) if m.group(1) is not None else m.group(3)
        if m.group(1) is not None:
            if m.group(2) not in LABELS:
                raise ValueError(f"{note_id}: unknown label {m.group(2)}")
            redact.append({"start": cur, "end": cur + len(span), "label": m.group(2), "text": span})
        else:
            keep.append({"start": cur, "end": cur + len(span), "text": span})
        parts.append(span)
        cur += len(span)
        pos = m.end()
    parts.append(raw[pos:])
    text = "".join(parts)
    if any(b in text for b in ("[[", "]]", "{{", "}}")):
        raise ValueError(f"{note_id}: stray markup")
    return text, redact, keep


def build(src: Path) -> list[dict]:
    """Parse every note of *src* into gold records."""
    notes, meta, lines = [], None, []

    def flush():
        if meta is not None:
            text, redact, keep = convert("\n".join(lines).strip("\n"), meta["id"])
            notes.append({**meta, "text": text, "redact": redact, "keep": keep})

    for line in src.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            flush()
            head, *rest = line[4:].split("|")
            meta = {"id": head.strip()}
            meta.update(dict(p.strip().split("=", 1) for p in rest if "=" in p))
            lines = []
        elif meta is not None:
            lines.append(line)
    flush()
    return notes


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA / "heldout_notes.txt"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DATA / "heldout_notes.jsonl"
    records = build(src)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} notes, {sum(len(r['redact']) for r in records)} redact spans -> {out}")
