"""Corrections that last: a ledger of people's fixes, applied after every build, import and ingest."""

from .apply import ApplyReport, Outcome, apply_all
from .ledger import Correction, CorrectionError, Ledger
from .record import correct, undo

__all__ = [
    "ApplyReport",
    "Correction",
    "CorrectionError",
    "Ledger",
    "Outcome",
    "apply_all",
    "correct",
    "undo",
]
