"""The one error evaluation raises for bad input: it names the file, the line when known, and the reason."""

from __future__ import annotations

from pathlib import Path


class EvalInputError(ValueError):
    """An input file of an evaluation (gold, predictions, texts, ACLED CSV, labels) is missing or malformed."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = str(path)
        self.line = line
        self.reason = reason
