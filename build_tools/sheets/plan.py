"""plan_sheets: which pages of one role get a PDF, and the finished HTML for each.

Planning does all the work that can fail because of content (Markdown, templates,
pictures, pack lists), so every problem is reported before any PDF is rendered.
Each request it returns is self-contained: a worker process needs nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from build_tools.cache import ResultCache, digest
from build_tools.config import Config
from build_tools.content.glossary import Term
from build_tools.content.model import Corpus, Document
from build_tools.errors import ContentErrors, Finding, error
from build_tools.icons import icons_dir
from build_tools.roles import RoleView, StagedPage
from build_tools.sheets.cachekey import SHARED_CODE, sheet_key
from build_tools.sheets.document import (
    TEMPLATES, LevelBadge, Part, SheetView, footer_text, render_document, sheet_file, template_files,
)
from build_tools.sheets.context import PlanContext, Problems, layout_of, text_of
from build_tools.sheets.fonts import project_fonts
from build_tools.sheets.html import page_html
from build_tools.sheets.links import LinkMap
from build_tools.urls import online_url, short_address
from build_tools.sheets.model import DEFAULT_RATINGS, KIND_LABELS, SheetRequest
from build_tools.sheets.pack import merge_terms, pack_links, pack_members, pack_parts, printed_texts
from build_tools.sheets.print_ext import PrintOptions
from build_tools.sheets.qr import qr_data_uri

TITLE_HEADING = re.compile(r"^#\s+\S")


def plan_sheets(view: RoleView, corpus: Corpus, config: Config, docs_dir: Path, cache_dir: Path | None = None) -> list[SheetRequest]:
    """One request per printable page of `view` (its type is in `guides.sheet_types`, or it
    says `print: true`); each PDF is to be written under `docs_dir`.

    With `cache_dir` (where `render_sheets` keeps its PDFs), a sheet whose sources are
    exactly as when its cached PDF was made is not turned into HTML again: its request
    only names that PDF. Raises ContentErrors naming every sheet that cannot be made.
    """
    memo: ResultCache[str] | None = ResultCache(cache_dir / f"plan-{view.role_id}.json") if cache_dir else None
    shared = _shared_sources(view, config) if memo else ""
    fonts_dir = config.custom_dir / "assets" / "fonts" if config.custom_dir else None
    context = PlanContext(
        config=config, corpus=corpus, view=view, docs_dir=docs_dir,
        fonts=tuple(project_fonts(fonts_dir)),
        levels=tuple(LevelBadge(lv.id, lv.label, lv.colour) for lv in config.guides.levels),
        others={}, link_maps={},
    )
    requests: list[SheetRequest] = []
    findings: list[Finding] = []
    for path in sorted(view.pages):
        page = view.pages[path]
        if not wants_sheet(page.document, config):
            continue
        try:
            if memo is None:
                requests.append(_plan_one(page, context))
                continue
            sources = digest(shared, path, context.audience(page), *printed_texts(page, view))
            known = memo.old.get(sources)
            if known and cache_dir and (cache_dir / f"{known}.pdf").is_file():
                requests.append(_cached_request(page, context, known))
                memo.get_or_make(sources, lambda known=known: known)
            else:
                request = _plan_one(page, context)
                requests.append(request)
                memo.get_or_make(sources, lambda request=request: request.key)
        except Problems as problems:
            findings += problems.findings
    if findings:
        raise ContentErrors(sorted(findings))
    if memo:
        memo.save()
    return requests


def _shared_sources(view: RoleView, config: Config) -> str:
    """Everything besides a sheet's own pages that can change it: configuration, our
    code, templates, fonts, the role's pages (links) and pictures."""
    package = Path(__file__).resolve().parent
    files = [config.config_file, *template_files(config.partials_dirs), *sorted(package.glob("*.py")),
             *(package.parent / name for name in SHARED_CODE)]
    assets = [config.docs_dir / a for a in view.assets]
    return digest(
        view.role_id, "\n".join(sorted(view.pages)),
        *(f.read_bytes() for f in files if f.is_file()),
        *(f"{a}:{a.stat().st_size}:{a.stat().st_mtime_ns}" for a in assets if a.is_file()),
    )


def _cached_request(page: StagedPage, ctx: PlanContext, key: str) -> SheetRequest:
    """A request for a sheet already in the cache: render_sheets only copies it."""
    doc = page.document
    output_rel = output_path(doc.path)
    return SheetRequest(
        page_path=doc.path, role_id=ctx.view.role_id, layout=layout_of(doc),
        output=ctx.docs_dir / output_rel, output_rel=output_rel, html="", base_url="",
        allowed_roots=(), sources=(doc.path,), key=key, source_path=ctx.config.source_path(doc.path),
    )


def wants_sheet(doc: Document, config: Config) -> bool:
    return doc.meta.type in config.guides.sheet_types or doc.meta.print


def output_path(page_path: str) -> str:
    """`recruiting/quick-guide.md` -> `recruiting/quick-guide.pdf`; `x.easy.md` -> `x.easy.pdf`."""
    return page_path[:-3] + ".pdf" if page_path.endswith(".md") else page_path + ".pdf"


def _plan_one(page: StagedPage, ctx: PlanContext) -> SheetRequest:
    doc = page.document
    output_rel = output_path(doc.path)
    layout = layout_of(doc)
    audience = ctx.audience(page)
    links = ctx.links_for(audience)
    findings: list[Finding] = []
    members = pack_members(page, ctx, output_rel, findings) if layout == "pack" else []
    inside = pack_links(members)
    body, files = _body(page, ctx, links, output_rel, findings, inside=inside)
    parts, part_files = pack_parts(members, ctx, lambda member, prefix, shift: _body(
        member, ctx, links, output_rel, findings, prefix=prefix, shift=shift, inside=inside))
    files += part_files
    if findings:
        raise Problems(findings)

    staged = [page, *members]
    sheet = _sheet_view(page, ctx, audience, layout, body, parts, merge_terms([t for p in staged for t in p.hard_words]))
    html = _document(sheet, doc, output_rel, ctx.config)
    folders = ctx.config.partials_dirs
    files += [*template_files(folders), *(f.path for f in ctx.fonts)]
    roots = (*folders, ctx.config.project_dir, ctx.config.docs_dir, icons_dir(), *(f.path.parent for f in ctx.fonts))
    return SheetRequest(
        page_path=doc.path,
        role_id=ctx.view.role_id,
        layout=layout,
        output=ctx.docs_dir / output_rel,
        output_rel=output_rel,
        html=html,
        base_url=sheet_file(TEMPLATES[_template(layout)], folders).parent.as_uri() + "/",
        allowed_roots=tuple(dict.fromkeys(str(Path(r).resolve()) for r in roots)),
        sources=tuple(p.document.path for p in staged),
        key=sheet_key(
            texts=[p.text for p in staged],
            html=html,
            files=files,
            settings=[ctx.view.role_id, audience, layout, doc.path, ctx.config.language, ctx.config.role_url(audience)],
        ),
        source_path=ctx.config.source_path(doc.path),
    )


def _sheet_view(page: StagedPage, ctx: PlanContext, audience: str, layout: str, body: Markup, parts: list[Part], hard_words: list[Term]) -> SheetView:
    """What the template shows around the body: title, who it is for, level, footer, QR."""
    doc, meta, config = page.document, page.document.meta, ctx.config
    url = online_url(config, audience, doc.path)
    title = text_of(doc.title, config)
    kind = KIND_LABELS.get(layout if layout != "page" else meta.type, "Page")
    return SheetView(
        lang=config.language,
        title=title,
        site_name=config.site_name,
        kind=f"Easy read {kind.lower()}" if doc.is_easy and layout != "pack" else kind,
        layout=layout,
        role=config.role(audience).label,
        body=body,
        footer=footer_text(title, meta.version, meta.review_due),
        stylesheet=sheet_file("print.css", config.partials_dirs).as_uri(),
        levels=ctx.levels,
        fonts=ctx.fonts,
        level=next((lv for lv in ctx.levels if lv.id == meta.level), None),
        summary=text_of(meta.summary, config) if meta.summary else None,
        owner=text_of(meta.owner, config) if meta.owner else None,
        easy=doc.is_easy or layout == "pack",
        note_space=meta.note_space and layout == "step-by-step",
        url=url,
        short_url=short_address(url),
        qr=qr_data_uri(url) if url else None,
        hard_words=tuple(hard_words),
        parts=tuple(parts),
    )


def _template(layout: str) -> str:
    return "pack" if layout == "pack" else "sheet"


def _document(sheet: SheetView, doc: Document, output_rel: str, config: Config) -> str:
    template = _template(sheet.layout)
    try:
        return render_document(template, sheet, config.partials_dirs)
    except jinja2.TemplateError as exc:
        where = f"partials/{getattr(exc, 'name', None) or template + '.html'}"
        line = getattr(exc, "lineno", None)
        raise Problems([error(
            doc.path, 0, "sheet-template",
            f"sheet {output_rel}: template {where}{f' line {line}' if line else ''}: {exc.message or exc}",
            "fix the template in partials/ (a field it names may not exist)",
        )]) from None


def _body(page: StagedPage, ctx: PlanContext, links: LinkMap, output_rel: str, findings: list[Finding], *,
          prefix: str = "", shift: int = 0, inside: dict[str, tuple[str, str]] | None = None) -> tuple[Markup, list[Path]]:
    """A page's printed HTML; problems are added to `findings`, pointing at the page's lines."""
    doc = page.document
    meta = doc.meta
    if meta.ratings is not None and not meta.ratings:
        findings.append(error(doc.path, doc.line_of("ratings"), "sheet", f"sheet {output_rel}: `ratings` lists no ratings", f"list the rating boxes, e.g. `ratings: [{', '.join(DEFAULT_RATINGS)}]`, or remove `ratings`"))
    options = PrintOptions(
        layout=layout_of(doc),
        folder=doc.folder,
        docs_dir=ctx.config.docs_dir,
        online=links.online,
        ratings=tuple(meta.ratings or DEFAULT_RATINGS),
        note_space=meta.note_space,
        prefix=prefix,
        heading_shift=shift,
        local_targets=dict(inside or {}),
    )
    lines = body_lines(page)
    html, report = page_html("\n".join(lines) + "\n", ctx.config, options, role_id=ctx.view.role_id, easy=doc.is_easy or doc.meta.type == "pack")
    for needle, message, fix in report.problems:
        findings.append(error(doc.path, _line_of(page, needle), "sheet", f"sheet {output_rel}: {message}", fix))
    return Markup(html), report.files


def body_lines(page: StagedPage) -> list[str]:
    """The staged page as printed: no front matter, no title heading (the sheet's header
    shows the title), no "Hard words" section (the sheet prints its own list). Lines
    keep their numbers: removed lines become blank."""
    doc = page.document
    lines = [""] * (doc.body_start - 1) + list(page.lines[doc.body_start - 1: len(doc.lines)])
    for number in range(doc.body_start, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        if TITLE_HEADING.match(text):
            lines[number - 1] = ""
        break
    return lines


def _line_of(page: StagedPage, needle: str) -> int:
    for number, text in enumerate(page.lines, start=1):
        if needle and needle in text:
            return number
    return 0
