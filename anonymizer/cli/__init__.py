"""Subcommands of ``python -m anonymizer`` (one module each)."""
