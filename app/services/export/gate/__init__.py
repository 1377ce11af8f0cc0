"""The independent final gate: canonical text, fuzzy roster, contacts, dictionaries, per-app contexts."""
