"""What planning hands to rendering: one self-contained request per PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from build_tools.errors import Finding

#: Page types with a print layout of their own; any other printed page uses "page".
LAYOUTS = ("step-by-step", "checklist", "form", "self-assessment", "pack")

#: What each kind of sheet is called on the sheet itself.
KIND_LABELS = {
    "step-by-step": "Step-by-step guide",
    "checklist": "Checklist",
    "form": "Form",
    "self-assessment": "Self-assessment",
    "pack": "Easy read pack",
    # Other page types, printed with `print: true`:
    "guide": "Guide",
    "policy": "Policy",
    "case-study": "Case study",
    "overview": "Overview",
    "glossary": "Hard words",
}

DEFAULT_RATINGS = ("Not yet", "Partly", "Fully")


@dataclass(frozen=True)
class SheetRequest:
    """Everything needed to render one PDF, picklable for a worker process."""

    #: Content-relative source page, e.g. `recruiting/quick-guide.md`.
    page_path: str
    role_id: str
    layout: str
    #: Where the PDF goes: `docs_dir / output_rel`.
    output: Path
    #: `recruiting/quick-guide.pdf` (the page path with `.md` replaced by `.pdf`).
    output_rel: str
    #: The complete HTML document, ready for the engine.
    html: str
    #: `file:` URL that relative addresses in `html` are resolved against.
    base_url: str
    #: Folders the engine may read files from (stylesheet, fonts, pictures).
    allowed_roots: tuple[str, ...]
    #: Every content file printed in the sheet (a pack has several), for messages.
    sources: tuple[str, ...]
    #: sha256 over every input; a PDF cached under this key is reused as it is.
    key: str
    #: The source page as findings name it, relative to the project (`content/x.md`).
    source_path: str = ""

    @property
    def source(self) -> str:
        """The page the sheet is made from, as findings name it (`content/…`)."""
        return self.source_path or self.page_path

    @property
    def name(self) -> str:
        """How messages name the sheet: `staff: recruiting/quick-guide.pdf (from recruiting/quick-guide.md)`."""
        return f"{self.role_id}: {self.output_rel} (from {', '.join(self.sources)})"


@dataclass(frozen=True)
class SheetOutcome:
    rendered: int
    reused: int
    #: Warnings about the PDFs themselves (a pack too long to take in).
    findings: list[Finding] = field(default_factory=list)

#: How every sheet is written: tagged PDF/UA-1 with fillable fields. Read by pdf.py,
#: and part of every cache key.
RENDER_OPTIONS: dict[str, object] = {
    "pdf_variant": "pdf/ua-1",
    "pdf_forms": True,
    "media_type": "print",
}
