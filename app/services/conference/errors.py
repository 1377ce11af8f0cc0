"""The one error every conference set-up step raises, with a message written for the administrator."""


class SetupError(ValueError):
    """A conference file, roster or allow-list that cannot be imported, with the reason."""
