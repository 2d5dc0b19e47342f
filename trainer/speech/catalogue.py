"""Where speech models are downloaded from: the official ones, pinned, and a bank's own.

The bundled catalogue pins each official model's URL, size and SHA-256. Alpha Cephei publishes
sizes (``model-list.json``) but no SHA-256; these are the digests of the published zips as other
projects pin them (the same values in several independent ones, and the sizes agree). An IT
department may edit ``<data dir>/speech-models/catalogue.json`` to point a language at an internal
mirror, or pin another model; an entry there replaces the bundled one for its language::

    {
      "en": {"url": "https://mirror.example/vosk-model-small-en-us-0.15.zip",
             "size": 41205931,
             "sha256": "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498"}
    }

``url`` (https or http) is required; ``size`` (bytes) and ``sha256`` are optional. A download whose
size or SHA-256 differs from the entry's is refused and deleted; without a SHA-256 the one of the
installed zip is recorded beside the model (see ``ModelStore``). See docs/speech-models.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trainer.speech.model_errors import ModelError

CATALOGUE_FILE = "catalogue.json"
BUILT_IN = "built in"
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class CatalogueEntry:
    language: str
    url: str
    size: int | None = None
    sha256: str | None = None
    source: str = BUILT_IN
    """Where the entry comes from: ``"built in"`` or the catalogue file's path."""


BUNDLED = {
    "en": CatalogueEntry("en", "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip",
                         41_205_931, "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498"),
    "zh-CN": CatalogueEntry("zh-CN", "https://alphacephei.com/vosk/models/vosk-model-small-cn-0.22.zip",
                            43_898_754, "3af8b0e7e0f835ae9d414ce5df580237a3cfb08d586c9fbbb0f7ff29ad5b14ba"),
}

NOT_A_CATALOGUE = "{path} is not a speech model catalogue (JSON): {reason}."
NEEDS_URL = "{path}: the {language} entry needs a url that starts with https:// or http://."
BAD_SHA256 = "{path}: the {language} entry's sha256 must be 64 hexadecimal digits."
BAD_SIZE = "{path}: the {language} entry's size must be a whole number of bytes."
UNKNOWN_FIELD = ("{path}: the {language} entry has a field {field} this program does not know "
                 "(url, size, sha256).")


def load_catalogue(path: Path) -> dict[str, CatalogueEntry]:
    """The bundled catalogue with the entries of ``path`` (if it exists) in place of its own;
    raises :class:`ModelError` naming the file and the entry for anything it cannot use."""
    catalogue = dict(BUNDLED)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return catalogue
    except OSError as exc:
        raise ModelError(NOT_A_CATALOGUE, path=path, reason=exc.strerror or exc) from None
    except ValueError as exc:  # JSONDecodeError, or not UTF-8
        raise ModelError(NOT_A_CATALOGUE, path=path, reason=exc) from None
    if not isinstance(data, dict):
        raise ModelError(NOT_A_CATALOGUE, path=path,
                         reason="it must be an object with one entry per language")
    for language, fields in data.items():
        catalogue[language] = _entry(path, str(language), fields)
    return catalogue


def _entry(path: Path, language: str, fields: Any) -> CatalogueEntry:
    fields = fields if isinstance(fields, dict) else {}
    for name in fields:
        if name not in ("url", "size", "sha256"):
            raise ModelError(UNKNOWN_FIELD, path=path, language=language, field=name)
    url = fields.get("url")
    if not isinstance(url, str) or not url.lower().startswith(("https://", "http://")):
        raise ModelError(NEEDS_URL, path=path, language=language)
    size = fields.get("size")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size <= 0):
        raise ModelError(BAD_SIZE, path=path, language=language)
    sha256 = fields.get("sha256")
    if sha256 is not None and (not isinstance(sha256, str) or not _HEX64.fullmatch(sha256)):
        raise ModelError(BAD_SHA256, path=path, language=language)
    return CatalogueEntry(language, url, size, sha256.lower() if sha256 else None, str(path))
