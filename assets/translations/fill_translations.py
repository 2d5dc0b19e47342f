"""Write the translations in zh_CN.py into trainer_zh_CN.ts and compile trainer_zh_CN.qm.

Run after `pyside6-lupdate` (see `make translations`). Exits 1 naming any string left untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from zh_CN import ZH_CN  # noqa: E402

TS = HERE / "trainer_zh_CN.ts"
QM = HERE / "trainer_zh_CN.qm"


def fill(ts: Path = TS) -> list[str]:
    """Fill every message of ``ts``; returns the source texts that have no translation."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in ZH_CN:
            translation.text = ZH_CN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def compile_qm(ts: Path = TS, qm: Path = QM) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


if __name__ == "__main__":
    missing = fill()
    if missing:
        print("untranslated:\n  " + "\n  ".join(missing))
        sys.exit(1)
    compile_qm()
    print(f"wrote {QM}")
