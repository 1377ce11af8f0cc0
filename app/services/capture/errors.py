"""The one error type of the capture services: a refusal with a message for the rapporteur."""
from __future__ import annotations


class CaptureError(ValueError):
    """A capture request that cannot be served, with a message for the rapporteur and a status."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status
