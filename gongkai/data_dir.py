"""The data folder (`GONGKAI_DATA_DIR`, default `data/` beside the package): the SQLite database, the secret
key, the collected static files and the uploads. Importing the settings only reads it; the `gongkai`
command and the WSGI application make what is missing (`prepare`) before the settings are loaded, so that
a tool that merely imports the settings (the type checker, a test) writes nothing."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    return Path(os.environ.get("GONGKAI_DATA_DIR", BASE_DIR.parent / "data"))


def static_root() -> Path:
    return Path(os.environ.get("GONGKAI_STATIC_ROOT", data_dir() / "static"))


def secret_key_file() -> Path:
    return data_dir() / "secret_key"


def read_secret_key() -> str:
    """The key from the environment, or the one kept in the data folder; "" when there is neither yet."""
    if key := os.environ.get("GONGKAI_SECRET_KEY"):
        return key
    try:
        return secret_key_file().read_text().strip()
    except FileNotFoundError:
        return ""


def prepare() -> None:
    """Make the data folder, the secret key (once, readable by its owner only; several processes may
    start at the same moment, and only one writes it) and the static files' folder."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    static_root().mkdir(parents=True, exist_ok=True)
    if os.environ.get("GONGKAI_SECRET_KEY"):
        return
    try:
        descriptor = os.open(secret_key_file(), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_urlsafe(50))
