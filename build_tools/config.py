"""Typed settings read from `mkdocs.yml`: declared once, here.

`mkdocs.yml` is the only configuration. Our own section sits under the
top-level key `guides:`; everything else is ordinary MkDocs configuration that
each role's staged build receives unchanged (see `stage.py`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from build_tools.content.meta import PageType
from build_tools.errors import UsageError
from build_tools.mkdocs_yml import MkDocsLoader, check_mkdocs_sections, line_of, yaml_error
from build_tools.readability import ReadabilitySettings
from build_tools.resources import templates_dir, theme_dir
from build_tools.sheets.model import LAYOUTS

ID_PATTERN = r"^[a-z][a-z0-9-]*$"
#: An absolute web address a site is published at.
URL_PATTERN = r"^https?://[^/\s]+(/\S*)?$"
#: The programs that can build a staged role project (see site.py).
Engine = Literal["mkdocs", "properdocs"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Role(Strict):
    """A kind of reader; each gets its own site at `site/<id>/`."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    description: str
    #: Where this role's site is published when it has a host of its own (an intranet, say);
    #: without it the site is `<site_url><id>/`. See `Config.role_url`.
    site_url: str | None = Field(default=None, pattern=URL_PATTERN)
    #: Listed on the landing page; `false` keeps the role off it (its site still builds).
    landing: bool = True

    @field_validator("site_url")
    @classmethod
    def _trailing_slash(cls, value: str | None) -> str | None:
        return value if value is None or value.endswith("/") else value + "/"


class Level(Strict):
    """An involvement level (blue, amber, green in the shipped config)."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    meaning: str
    #: Badge background; white text is drawn on it, so it must reach 4.5:1 against white.
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")


class GuidesSettings(Strict):
    """The `guides:` section of mkdocs.yml."""

    roles: tuple[Role, ...]
    #: Optional: without levels, `level:` and level blocks are errors and there is no levels page.
    levels: tuple[Level, ...] = ()
    #: What builds each role's site: MkDocs, or ProperDocs (its maintained continuation).
    engine: Engine = "mkdocs"
    #: Local details (organisation, teams, contacts) that content uses as `{{ org.name }}`.
    variables: dict[str, Any] = Field(default_factory=dict)
    readability: ReadabilitySettings = Field(default_factory=ReadabilitySettings)
    #: Page types a reader may print; each such page gets a PDF sheet (default: every type
    #: with a print layout of its own, `sheets.model.LAYOUTS`).
    sheet_types: tuple[str, ...] = LAYOUTS

    @field_validator("readability", mode="before")
    @classmethod
    def _empty_section(cls, value: Any) -> Any:
        # `readability:` with nothing under it means "the defaults".
        return {} if value is None else value

    @field_validator("roles")
    @classmethod
    def _some_roles(cls, items: tuple[Role, ...]) -> tuple[Role, ...]:
        if not items:
            raise ValueError("list at least one")
        return items

    @field_validator("roles", "levels")
    @classmethod
    def _unique_ids(cls, items: tuple[Any, ...]) -> tuple[Any, ...]:
        ids = [item.id for item in items]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"ids must be unique; repeated: {', '.join(dupes)}")
        return items


class Config(Strict):
    """Everything a build needs to know, with paths made absolute."""

    config_file: Path
    project_dir: Path
    docs_dir: Path
    custom_dir: Path
    site_url: str
    site_name: str
    language: str
    guides: GuidesSettings
    #: The rest of mkdocs.yml, passed through to each role's MkDocs build.
    mkdocs: dict[str, Any]
    #: Things worth telling the author that are not about content (printed, never fatal).
    notes: tuple[str, ...] = ()
    #: Building a copy that works from `file://` (see `offline_copy`).
    offline: bool = False

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.guides.roles)

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.guides.levels)

    @property
    def partials_dirs(self) -> list[Path]:
        """Template folders, the project's first so it can replace any one template."""
        own, ours = self.project_dir / "partials", templates_dir()
        return [own, ours] if own.is_dir() and own.resolve() != ours.resolve() else [ours]

    def role_url(self, role_id: str) -> str:
        """The absolute address of a role's site, ending in `/`: the role's own `site_url`, or
        `<site_url><id>/`; "" when neither is configured. Every absolute address for the role
        (QR codes, printed short URLs, sitemap, canonical links, landing links) comes from here."""
        role = self.role(role_id)
        if role.site_url:
            return role.site_url
        return f"{self.site_url}{role_id}/" if self.site_url else ""

    def landing_link(self, role_id: str) -> str:
        """Where a role's "Choose a different site" link goes: the landing page one folder up,
        the main site's address for a role on a host of its own, or "" for none (an offline
        copy, or a role on its own host with no main site)."""
        if self.offline:
            return ""
        if self.role(role_id).site_url:
            return self.site_url if self.site_url and self.site_url != self.role_url(role_id) else ""
        return "../"

    def offline_copy(self) -> Config:
        """The same project, staged for a copy that works from `file://` (kiosks, USB sticks);
        see `stage.offline_settings`."""
        return self.model_copy(update={"offline": True})

    @property
    def content_prefix(self) -> str:
        """How findings name the content folder: relative to the project, e.g. `content`."""
        try:
            return self.docs_dir.relative_to(self.project_dir).as_posix()
        except ValueError:
            return self.docs_dir.as_posix()

    def source_path(self, rel: str) -> str:
        """`guide.md` -> `content/guide.md`: the path an author opens."""
        return f"{self.content_prefix}/{rel}"

    def role(self, role_id: str) -> Role:
        return next(r for r in self.guides.roles if r.id == role_id)

    def level(self, level_id: str) -> Level:
        return next(lv for lv in self.guides.levels if lv.id == level_id)


def load_config(config_file: Path) -> Config:
    """Read and validate mkdocs.yml; any problem is a `UsageError` naming the key."""
    config_file = config_file.resolve()
    if not config_file.is_file():
        raise UsageError(f"{config_file}: configuration file not found (pass -f path/to/mkdocs.yml)")
    try:
        text = config_file.read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=MkDocsLoader) or {}
    except UnicodeDecodeError as exc:
        raise UsageError(f"{config_file}: cannot read the file as UTF-8: {exc.reason} at byte {exc.start} (save it as UTF-8)") from None
    except yaml.YAMLError as exc:
        raise UsageError(yaml_error(config_file, exc)) from None
    if not isinstance(raw, dict):
        raise UsageError(f"{config_file}: expected a mapping of settings at the top level")

    project_dir = config_file.parent
    section = raw.pop("guides", None)
    if section is None:
        raise UsageError(f"{config_file}: no `guides:` section (roles, levels, variables); see README")
    try:
        guides = GuidesSettings.model_validate(section)
    except ValidationError as exc:
        raise UsageError(_describe(config_file, text, "guides", exc)) from None

    check_mkdocs_sections(config_file, raw)
    unknown_types = guides.readability.unknown_types(get_args(PageType))
    if unknown_types:
        raise UsageError(f"{config_file}: guides.readability.types: unknown page type {', '.join(unknown_types)} (page types: {', '.join(get_args(PageType))})")
    theme = raw.get("theme") or {}
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    theme_dir, notes = _theme_dir(project_dir, custom_dir)
    site_url = str(raw.get("site_url") or "")
    return Config(
        config_file=config_file,
        project_dir=project_dir,
        docs_dir=(project_dir / str(raw.get("docs_dir", "docs"))).resolve(),
        custom_dir=theme_dir,
        site_url=site_url if not site_url or site_url.endswith("/") else site_url + "/",
        site_name=str(raw.get("site_name") or "Guides"),
        language=str((theme.get("language") if isinstance(theme, dict) else None) or "en"),
        guides=guides,
        mkdocs=raw,
        notes=tuple(notes),
    )


def _theme_dir(project_dir: Path, custom_dir: str | None) -> tuple[Path, list[str]]:
    """The project's theme overrides, or ours: badges, the easy-read switch and the
    read-aloud controls live there, so a site never builds without them."""
    ours = theme_dir()
    if not custom_dir:
        return ours, []
    path = (project_dir / custom_dir).resolve()
    if path.is_dir():
        return path, []
    return ours, [f"theme.custom_dir: {path} not found; using the built-in theme layer ({ours})"]


def _describe(config_file: Path, text: str, section: str, exc: ValidationError) -> str:
    """One `path:line: key: what is wrong (you wrote …)` line per problem, all at once."""
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in (section, *err["loc"]))
        value = err.get("input")
        wrote = f" (you wrote `{value}`)" if isinstance(value, (str, int, float)) and err["type"] != "missing" else ""
        lines.append(f"{config_file}:{line_of(text, (section, *err['loc']))}: {where}: {err['msg']}{wrote}")
    return "\n".join(lines)


VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")


def lookup_variable(variables: dict[str, Any], dotted: str) -> str | None:
    """`org.name` -> the configured text, or None when no such variable exists."""
    value: Any = variables
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    if isinstance(value, (dict, list)):
        return None
    return str(value)
