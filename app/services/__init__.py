"""Plain services: explicit arguments, never request or session."""
