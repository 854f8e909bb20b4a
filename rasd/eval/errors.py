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


def read_input(path: Path, what: str) -> str:
    """The text of an input file, or an :class:`EvalInputError` naming it (``what``: "gold file", ...)."""
    if not path.is_file():
        raise EvalInputError(path, f"{what} not found")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(path, f"cannot read: {exc}") from None
