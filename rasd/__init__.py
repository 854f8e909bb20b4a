"""rasd (رصد): Arabic and English conflict reports to ACLED-coded, geocoded, source-attributed events."""

from rasd.model import SCHEMA_VERSION, Event

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Event", "__version__", "extract"]


def __getattr__(name: str) -> object:
    if name == "extract":  # imported lazily: the extraction stack loads lexicons and gazetteers
        from rasd.extraction.api import extract

        return extract
    raise AttributeError(name)
