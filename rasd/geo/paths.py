"""Where the gazetteer index and its downloaded or imported source files live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_INDEX = "RASD_GAZETTEER"


def default_index_path() -> Path:
    """``$RASD_GAZETTEER`` or ``<user data dir>/rasd/gazetteer.sqlite``."""
    env = os.environ.get(ENV_INDEX)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("rasd", appauthor=False)) / "gazetteer.sqlite"


def sources_dir(index_path: Path) -> Path:
    """Folder beside the index holding downloaded dumps (``geonames/``) and imported files (``imports/``)."""
    return index_path.parent / f"{index_path.stem}-sources"
