"""Errors raised by bacakan. Every message is one line a user can act on.

BacakanError
 ├── InputError        missing file, empty article, garbage bytes, nothing left after cleaning
 ├── ConfigError       unknown voice, invalid profile/lexicon/settings file, missing model
 ├── SynthesisError    the voice failed; ``retryable`` tells the worker whether to try again
 └── OutputError       the output folder cannot be written
"""

from __future__ import annotations


class BacakanError(Exception):
    """Base class: ``str(err)`` is a single line naming the problem."""

    retryable: bool = False


class InputError(BacakanError):
    """The article cannot be read or holds no article text."""


class ConfigError(BacakanError):
    """A setting, voice profile, lexicon or model is missing or invalid."""


class SynthesisError(BacakanError):
    """The voice engine failed."""

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


class OutputError(BacakanError):
    """An output file or folder cannot be written."""
