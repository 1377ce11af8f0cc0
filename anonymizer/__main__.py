"""Command line.

    python -m anonymizer --jsonl [--roster roster.csv] [--allow allowlist.txt] < in.jsonl > out.jsonl
    python -m anonymizer [--roster ...] [--allow ...] < note.txt          (plain: prints clean text)
    python -m anonymizer evaluate --gold notes.jsonl [--roster ...] [--allow ...] [--leaks] [--json]
    python -m anonymizer ablate --gold notes.jsonl [--roster ...] [--allow ...] [--json]
    python -m anonymizer train [--lang en|fr|both] [--n-notes 8000] [--seed 0] [--max-steps 3000] [--members 2] [--jobs 2]
                               [--out anonymizer/model]
    python -m anonymizer ideas --jsonl | --evaluate GOLD     (clean ideas, see anonymizer/ideas/cli.py)
Options --model-en / --model-fr choose the spaCy pipelines.
"""
from __future__ import annotations

import importlib
import sys

SUBCOMMANDS = {"evaluate": "anonymizer.cli.evaluate", "ablate": "anonymizer.cli.ablate",
               "train": "anonymizer.training.train", "ideas": "anonymizer.ideas.cli"}


def main(argv=None) -> int:
    """Entry point; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        return importlib.import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])
    return importlib.import_module("anonymizer.cli.run").main(argv)


if __name__ == "__main__":
    sys.exit(main())
