"""The project font (Atkinson Hyperlegible), when its files are in the theme folder.

Sheets name the font in `@font-face` rules pointing at the local files, so the
PDF embeds exactly the font the site shows. Without the files, print.css falls
back to a generic sans-serif stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FAMILY = "Atkinson Hyperlegible"
FORMATS = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}
_WEIGHT_WORDS = {"regular": 400, "normal": 400, "book": 400, "medium": 500, "semibold": 600, "bold": 700, "extrabold": 800}


@dataclass(frozen=True)
class FontFile:
    path: Path
    weight: int
    style: str  # "normal" or "italic"
    format: str

    @property
    def url(self) -> str:
        return self.path.as_uri()


def project_fonts(folder: Path | None) -> list[FontFile]:
    """Atkinson Hyperlegible files in `folder` (any of the usual file names); one per
    weight and style, preferring woff2 and the Latin subset."""
    if folder is None or not folder.is_dir():
        return []
    chosen: dict[tuple[int, str], FontFile] = {}
    for path in sorted(folder.iterdir(), key=_preference):
        name = path.name.lower()
        if path.suffix.lower() not in FORMATS or "atkinson" not in name.replace("-", "").replace("_", ""):
            continue
        if "next" in name or "mono" in name:  # other Atkinson families
            continue
        weight, style = _weight(name), "italic" if ("italic" in name or "oblique" in name) else "normal"
        chosen.setdefault((weight, style), FontFile(path.resolve(), weight, style, FORMATS[path.suffix.lower()]))
    return [chosen[k] for k in sorted(chosen)]


def _preference(path: Path) -> tuple[int, int, str]:
    name = path.name.lower()
    subset = 1 if re.search(r"latin.?ext|cyrillic|greek|vietnamese", name) else 0
    return (list(FORMATS).index(path.suffix.lower()) if path.suffix.lower() in FORMATS else 9, subset, name)


def _weight(name: str) -> int:
    if match := re.search(r"(?<!\d)([1-9]00)(?!\d)", name):
        return int(match.group(1))
    words = re.sub(r"[^a-z]", " ", name.replace("atkinson", "").replace("hyperlegible", "")).split()
    for word in words:
        if word.removesuffix("italic") in _WEIGHT_WORDS:
            return _WEIGHT_WORDS[word.removesuffix("italic")]
    return 700 if "bold" in name else 400
