"""The only module that imports WeasyPrint.

It gets explicit arguments (the document, the folders it may read) and always
writes tagged PDF/UA-1 with fillable fields; WeasyPrint's failures and the errors
it logs (a picture or stylesheet that would not load) become EngineErrors naming
the sheet. Its warnings about the machine (fonts, HarfBuzz) are not shown.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pydyf
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from build_tools.errors import EngineError
from build_tools.sheets.model import RENDER_OPTIONS

for _name in ("weasyprint", "fontTools"):
    logging.getLogger(_name).setLevel(logging.ERROR)
# WeasyPrint's errors are collected below and raised as ours; printing them too would
# show each problem twice.
logging.getLogger("weasyprint").propagate = False


class LocalOnlyFetcher(URLFetcher):
    """Fetches `data:` URIs and `file:` URLs inside the allowed folders; refuses the rest."""

    def __init__(self, allowed_roots: tuple[str, ...]) -> None:
        super().__init__(allowed_protocols=("file", "data"))
        self.roots = tuple(Path(root).resolve() for root in allowed_roots)

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[override]
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"sheets read local files only, not {url}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise ValueError(f"{path} is outside the folders a sheet may read")
        return super().fetch(url, headers)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@cache
def _fonts() -> FontConfiguration:
    """One font configuration per process, shared by every sheet it renders: loading
    the system fonts and decoding the project's @font-face files once saves about
    0.3 s a sheet. It only caches fonts; every sheet names its own."""
    return FontConfiguration()


def render_pdf(html: str, *, base_url: str, allowed_roots: tuple[str, ...], name: str) -> tuple[bytes, int]:
    """Render one HTML document to PDF bytes and its number of pages; `name` is how errors
    name the sheet."""
    collect = _Collect()
    pages: list[int] = []
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(
            string=html, base_url=base_url, url_fetcher=LocalOnlyFetcher(allowed_roots),
            media_type=str(RENDER_OPTIONS["media_type"]),
        )
        data = document.write_pdf(
            pdf_variant=RENDER_OPTIONS["pdf_variant"], pdf_forms=RENDER_OPTIONS["pdf_forms"],
            font_config=_fonts(), finisher=lambda rendered, pdf: (pages.append(len(rendered.pages)), _radio_groups(pdf)),
        )
    except Exception as exc:  # WeasyPrint raises many kinds; all mean the engine failed here
        raise EngineError(f"sheet {name}: WeasyPrint failed: {type(exc).__name__}: {exc}") from exc
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise EngineError(f"sheet {name}: " + "; ".join(dict.fromkeys(collect.messages)))
    return data, pages[0] if pages else 0


def _radio_groups(pdf: pydyf.PDF) -> None:
    """Make each group of radio buttons one field, as PDF forms expect.

    WeasyPrint lists every button of a group in the form's field list as well as the
    group (so each appeared twice), gives each button a field name of its own, and
    names the group after its first button ("Not yet: statement"). Here the group is
    the only field, named after the statement; each button keeps only its own title
    ("Partly: statement"), and its option is the group's `Opt` entry."""
    fields = pdf.catalog["AcroForm"]["Fields"] if "AcroForm" in pdf.catalog else None
    if fields is None:
        return
    kids: set[bytes] = set()
    for item in pdf.objects:
        if not isinstance(item, pydyf.Dictionary) or item.get("FT") != "/Btn" or "Kids" not in item or "Opt" not in item:
            continue
        references = list(item["Kids"])
        kids.update(bytes(r) for r in references)
        first_title, first_option = _text(item.get("TU")), _text(item["Opt"][0]) if len(item["Opt"]) else ""
        prefix = f"{first_option}: "
        if first_title.startswith(prefix):
            item["TU"] = pydyf.String(first_title[len(prefix):])
        for reference in references:
            kid = pdf.objects[int(bytes(reference).split()[0])]
            if isinstance(kid, pydyf.Dictionary):
                kid.pop("T", None)
    fields[:] = [f for f in fields if bytes(f) not in kids]


def _text(value: object) -> str:
    """A pydyf String's text."""
    text = getattr(value, "string", value)
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text or "")
