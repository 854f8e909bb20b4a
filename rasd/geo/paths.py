"""Where the gazetteer index and its downloaded or imported source files live."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import platformdirs

ENV_INDEX = "RASD_GAZETTEER"


def default_index_path() -> Path:
    """``$RASD_GAZETTEER`` or ``<user data dir>/rasd/gazetteer.sqlite``."""
    env = os.environ.get(ENV_INDEX)
    if env:
        return Path(env).expanduser()
    return _user_index_path(os.environ.get("XDG_DATA_HOME"), os.environ.get("HOME"))


@lru_cache(maxsize=8)
def _user_index_path(data_home: str | None, home: str | None) -> Path:
    """The index in the user data dir (cached by the variables that move it: every extraction asks,
    and platformdirs takes longer than the rest of the lookup)."""
    return Path(platformdirs.user_data_dir("rasd", appauthor=False)) / "gazetteer.sqlite"


def sources_dir(index_path: Path) -> Path:
    """Folder beside the index holding downloaded dumps (``geonames/``) and imported files (``imports/``)."""
    return index_path.parent / f"{index_path.stem}-sources"
