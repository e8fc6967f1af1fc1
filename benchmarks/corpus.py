"""A synthetic content project in our syntax (docs/authoring.md), for benchmarks.

`write_project(root, pages, seed)` writes `root/content/` (exactly `pages` Markdown
files), `root/mkdocs.yml` (the `guides:` section, theme and Markdown settings of the
repository's mkdocs.yml, with `theme.custom_dir` made absolute) and
`root/mkdocs-plain.yml` (the baseline: the same pages, theme and extensions as one
ordinary MkDocs site, with no `guides:` section). It returns what it wrote.

The corpus is deterministic for a given (pages, seed), and passes `guides check`
with warnings only, so `guides build` publishes it. What it holds, per 100 pages
(roughly; the exact counts are returned and recorded in docs/benchmarks.md):

- a glossary (`type: glossary`) and a home page; an `index.md` overview in every
  folder, folders nested up to three deep;
- staff-only pages (`roles: [staff]`), partner-only pages (`roles: [partner]`)
  and shared pages (no `roles`) that carry `/// role | staff` and
  `/// role | partner` blocks, with links inside them to pages only that role has;
- easy-read companions `x.easy.md` for a third of the partner-only guides, made of
  `/// picture | material-…` rows with `alt:` text, stamped against `x.md`;
- `type: step-by-step` pages (ordered lists), each of which gets a PDF sheet per
  role that reads it;
- front matter with title, roles, type, level, review_due (a few already overdue,
  so the overdue notice is exercised), version, owner; level blocks, admonitions,
  abbreviations, variables and links to the glossary on ordinary pages.

Standard pages run to about 600 words, easy-read pages to about 450.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]

# --- vocabulary -------------------------------------------------------------------

GLOSSARY = [
    ("Appointing officer", "The person in charge of filling a job. They lead the interview and make the final choice."),
    ("Candidate", "A person who has applied for a job and is being thought about for it."),
    ("Carer", "A person who looks after a family member or friend who is ill, disabled or older."),
    ("Confidentiality", "Keeping private information private. You do not tell anyone else what you have seen or heard."),
    ("DBS check", "A check of a person's criminal record, done by the Disclosure and Barring Service."),
    ("Debrief", "A talk after an event about how it went, what went well and what could be better."),
    ("Expenses", "Money you spend to take part, such as bus or train fares. We pay this money back to you."),
    ("Interview panel", "A small group of people who meet everyone who has applied for a job and choose who gets it."),
    ("Involvement partner", "A person who uses our services, or a carer, who helps us with our work."),
    ("Job description", "A document that says what a job is and what the person doing it will do."),
    ("Key worker", "The member of staff who gives a person most of their day-to-day support."),
    ("Panel chair", "The person who runs the interview panel and keeps things on track."),
    ("Person specification", "A list of the skills, knowledge and experience the right person for a job should have."),
    ("Reasonable adjustment", "A change we make so that a disabled person can take part on equal terms."),
    ("Recruiting manager", "The manager who has a job to fill and organises how the new person is chosen."),
    ("HR adviser", "A member of the Human Resources team, who helps managers with staff matters."),
    ("Scoring", "Giving each candidate's answers a mark, using the same rules for everyone."),
    ("Shortlisting", "Reading the forms from people who want a job, and choosing who to invite to an interview."),
    ("Values", "The things a person believes are important, such as kindness, respect and honesty."),
]

SUBJECTS = [
    "The recruiting manager", "Each involvement partner", "The panel chair", "The appointing officer",
    "The involvement team", "A carer on the panel", "{{ org.short_name }}", "The service manager",
    "Each member of the panel", "The person who leads the day", "A new partner", "The HR adviser",
]
VERBS = [
    "plans", "checks", "explains", "agrees", "records", "reviews", "shares", "writes down",
    "talks through", "prepares", "discusses", "keeps", "sends out", "goes over", "looks at",
]
OBJECTS = [
    "the questions for the day", "the job description", "the person specification", "the scoring sheet",
    "any reasonable adjustment", "the travel plans", "the notes from each interview", "the timetable",
    "the outcome of the shortlisting", "the support the partner needs", "the DBS check", "the room layout",
    "the list of candidates", "the expenses claim", "the feedback from the debrief", "the values of the service",
]
TAILS = [
    "before the interview day", "with the partner", "at least 2 weeks ahead", "in a quiet room",
    "so that everyone is treated fairly", "and keeps a copy with the recruitment records",
    "as soon as the job is advertised", "in plain words", "after each interview", "when the panel meets",
    "with the help of the involvement team", "by email or by phone", "on the morning of the interviews",
    "and answers any questions", "in the same way for every candidate", "at the end of the day",
]
LEADS = ["", "", "", "", "Where it helps, ", "In most cases, ", "If the partner agrees, ", "Before anything else, ", "Each time, "]
HEADINGS = [
    "Before the panel", "On the day", "After the panel", "Support and access", "Records and privacy",
    "Questions and scoring", "Travel and expenses", "Who to contact", "Working together", "Planning ahead",
    "Feedback", "Keeping people safe",
]
TOPICS = [
    "Recruitment planning", "Interview panels", "Shortlisting", "Scoring and decisions", "Support for partners",
    "Travel and expenses", "Data protection", "Training", "Feedback and debriefs", "Values-based questions",
    "Reasonable adjustments", "Service tours", "Job descriptions", "Working with carers", "Safeguarding",
    "Video interviews", "Records", "Equality", "Co-production", "Payments",
]
KINDS = {"guide": "guide", "policy": "policy", "step-by-step": "steps"}

E_SUBJECTS = ["You", "We", "The panel", "Staff", "Your key worker", "A friend", "The chair"]
E_VERBS = {
    "You": ["can ask for", "will get", "can bring", "will meet", "can talk about", "will look at", "can read", "can keep"],
    "We": ["will send you", "will pay for", "will show you", "can find", "will give you", "will check"],
    "The panel": ["will read", "will look at", "will talk about", "can ask for", "will meet"],
    "Staff": ["will bring", "can find", "will show you", "will check", "can help with"],
    "Your key worker": ["can help with", "can come to", "can read", "will talk about"],
    "A friend": ["can come to", "can help with", "can wait in", "can bring"],
    "The chair": ["will start", "will end", "will look at", "will talk about"],
}
E_OBJECTS = ["a break", "the papers", "your notes", "a drink", "the questions", "the room", "your bus fare",
             "a quiet place", "the forms", "the plan for the day", "a map", "your lunch", "the list of names"]
E_TAILS = ["", "", " on the day", " before the day", " at the end", " if you like", " when you get there",
           " after the panel", " each time", " with you"]
PICTURES = [
    ("material-account-group", "A group of people"), ("material-phone", "A phone"),
    ("material-calendar-check", "A calendar with a tick"), ("material-heart", "A heart"),
    ("material-laptop", "A laptop"), ("material-pencil", "A pencil"), ("material-lock-outline", "A lock"),
    ("material-star", "A star"), ("material-bus", "A bus"), ("material-coffee", "A cup of tea"),
    ("material-map-marker", "A pin on a map"), ("material-clock-outline", "A clock"),
    ("material-hand-heart", "A hand holding a heart"), ("material-check-circle", "A tick in a circle"),
]
E_HEADINGS = ["About this page", "Before the day", "On the day", "After the day", "Help", "Money", "Keep it private", "Your notes"]

TODAY_SAFE_REVIEW = ("2028-03-31", "2028-09-30", "2029-06-30", "2030-01-31")
OVERDUE_REVIEW = "2025-01-31"


def blob_id(text: str) -> str:
    """What `git hash-object` (and `guides stamp`) computes for this text."""
    data = text.encode("utf-8")
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


# --- the model of what we write ---------------------------------------------------


@dataclass
class Page:
    path: str
    title: str
    roles: list[str] | None
    type: str
    level: str | None = None
    easy_of: Page | None = None
    body: list[str] = field(default_factory=list)
    review_due: str = TODAY_SAFE_REVIEW[0]

    @property
    def folder(self) -> str:
        return self.path.rpartition("/")[0]

    @property
    def depth(self) -> int:
        return self.path.count("/")


@dataclass
class Stats:
    pages: int = 0
    words: int = 0
    folders: int = 0
    max_depth: int = 0
    staff_only: int = 0
    partner_only: int = 0
    shared: int = 0
    easy: int = 0
    step_by_step: int = 0
    sheets: int = 0  # one per (step-by-step page, role that reads it)
    staff_site_pages: int = 0
    partner_site_pages: int = 0
    role_blocks: int = 0
    picture_blocks: int = 0
    staff_only_edit_target: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    # sentences ----------------------------------------------------------------
    def sentence(self) -> str:
        r = self.rng
        lead = r.choice(LEADS)
        subject = r.choice(SUBJECTS)
        text = f"{subject} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}."
        return lead + text[0].lower() + text[1:] if lead else text

    def paragraph(self, n: int) -> str:
        return " ".join(self.sentence() for _ in range(n))

    def easy_sentence(self) -> str:
        r = self.rng
        subject = r.choice(E_SUBJECTS)
        return f"{subject} {r.choice(E_VERBS[subject])} {r.choice(E_OBJECTS)}{r.choice(E_TAILS)}."

    # pages ----------------------------------------------------------------------
    def standard_body(self, page: Page, links: dict[str, list[str]], words: int = 560) -> list[str]:
        r = self.rng
        up = "../" * page.depth
        out: list[str] = [self.paragraph(2), ""]
        if page.roles is None or "partner" in page.roles:
            if page.easy_of is None and links.get("easy"):
                out += [f"There is an [easy read version]({links['easy'][0]}) of this page.", ""]
        written = len(out[0].split())
        headings = r.sample(HEADINGS, k=len(HEADINGS))
        section = 0
        while written < words:
            out += [f"## {headings[section % len(headings)]}", ""]
            section += 1
            kind = r.random()
            if kind < 0.2:
                items = [f"- {self.sentence()}" for _ in range(r.randint(3, 5))]
                out += items + [""]
                written += sum(len(item.split()) for item in items)
            else:
                text = self.paragraph(r.randint(3, 5))
                out += [text, ""]
                written += len(text.split())
            if page.roles is None and section in (1, 3):
                # A shared page: text for one role only, with a link to that role's pages.
                role = "staff" if section == 1 else "partner"
                text = self.paragraph(3)
                out += [f"/// role | {role}", f"### For {'staff' if role == 'staff' else 'partners'}", "", text]
                if links.get(role):
                    out += ["", f"See also [{role} page]({links[role][0]})."]
                out += ["///", ""]
                written += len(text.split())
            elif section == 2 and r.random() < 0.3:
                level = r.choice(["blue", "amber", "green"])
                text = self.paragraph(2)
                out += [f"/// level | {level}", text, "///", ""]
                written += len(text.split())
            elif section == 4 and r.random() < 0.25:
                text = self.paragraph(1)
                out += ["/// note | Remember", text, "///", ""]
                written += len(text.split())
        out += [f"Words that may be new to you are in the list of [hard words]({up}glossary.md).", ""]
        if r.random() < 0.15:
            out += ["Ask the HR adviser if you are not sure.", "", "*[HR]: Human Resources, the team that looks after staff matters", ""]
        out += [f"If you have a question, contact {{{{ teams.involvement }}}} at {{{{ contact.email }}}}.", ""]
        return out

    def steps_body(self, page: Page) -> list[str]:
        r = self.rng
        up = "../" * page.depth
        out = [self.paragraph(3), "", "## Before you start", "", self.paragraph(4), "", "## The steps", ""]
        for number in range(1, r.randint(11, 15) + 1):
            out.append(f"{number}. {self.sentence()} {self.sentence() if r.random() < 0.6 else ''}".rstrip())
        out += ["", "## When you have finished", "", self.paragraph(4), "",
                f"Words that may be new to you are in the list of [hard words]({up}glossary.md).", ""]
        return out

    def easy_body(self) -> list[str]:
        r = self.rng
        out: list[str] = []
        written = rows = 0
        while written < 450:
            if rows % 6 == 0:
                out += [f"## {E_HEADINGS[rows // 6 % len(E_HEADINGS)]}", ""]
            rows += 1
            icon, alt = r.choice(PICTURES)
            sentences = [self.easy_sentence() for _ in range(r.randint(1, 3))]
            out += [f"/// picture | {icon}", f"    alt: {alt}", "", *sentences, "///", ""]
            written += sum(len(s.split()) for s in sentences)
        return out


def front_matter(page: Page, extra: dict[str, Any] | None = None) -> list[str]:
    lines = ["---", f'title: "{page.title}"']
    if page.roles is not None:
        lines.append(f"roles: [{', '.join(page.roles)}]")
    if page.level:
        lines.append(f"level: {page.level}")
    lines.append(f"type: {page.type}")
    lines.append(f"review_due: {page.review_due}")
    lines.append('version: "1.0"')
    lines.append('owner: "{{ teams.involvement }}"')
    for key, value in (extra or {}).items():
        lines.append(f"{key}: {value}")
    lines.append("---")
    return lines + [""]


def _folders(pages: int) -> list[str]:
    """Folders up to three deep: area-NN/topic-N/part-N, about 9 content pages each."""
    want = max(2, round(pages / 10))
    folders: list[str] = []
    area = 0
    while len(folders) < want:
        name = f"{TOPICS[area % len(TOPICS)].lower().replace(' ', '-')}-{area:02d}"
        folders.append(name)
        for topic in range(3):
            sub = f"{name}/topic-{topic + 1}"
            folders.append(sub)
            for part in range(2):
                folders.append(f"{sub}/part-{part + 1}")
        area += 1
    return folders[:want]


def plan_pages(pages: int, seed: int) -> tuple[list[Page], Writer]:
    """Decide every page's path, title, roles and type (text comes later)."""
    w = Writer(seed)
    r = w.rng
    folders = _folders(pages)
    plan: list[Page] = [
        Page("index.md", "Involving people in recruitment", None, "overview"),
        Page("glossary.md", "Hard words", None, "glossary"),
    ]
    plan += [Page(f"{f}/index.md", f"{f.split('/')[-1].replace('-', ' ').capitalize()} overview", None, "overview") for f in folders]
    number = 0
    while len(plan) < pages:
        folder = folders[number % len(folders)]
        number += 1
        roll = r.random()
        if roll < 0.34:
            roles, kind = ["staff"], "policy" if r.random() < 0.5 else "guide"
        elif roll < 0.56:
            roles, kind = ["partner"], "guide"
        else:
            roles, kind = None, "guide" if r.random() < 0.7 else "policy"
        if r.random() < 0.05:
            kind = "step-by-step"
        topic = TOPICS[r.randrange(len(TOPICS))]
        title = f"{topic}: {KINDS[kind]} {number:04d}"
        stem = f"{folder}/{topic.lower().replace(' ', '-')}-{KINDS[kind]}-{number:04d}"
        page = Page(f"{stem}.md", title, roles, kind,
                    level=r.choice([None, None, "blue", "amber", "green"]),
                    review_due=OVERDUE_REVIEW if r.random() < 0.03 else r.choice(TODAY_SAFE_REVIEW))
        plan.append(page)
        if roles == ["partner"] and kind == "guide" and r.random() < 0.34 and len(plan) < pages:
            plan.append(Page(f"{stem}.easy.md", f"{title} (easy read)", ["partner"], "guide",
                             level=page.level, easy_of=page, review_due=page.review_due))
    return plan[:pages], w


def write_project(root: Path, pages: int, seed: int = 7, features: tuple[str, ...] = ()) -> Stats:
    """Write content/, mkdocs.yml and mkdocs-plain.yml under `root`; return what was written."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    plan, w = plan_pages(pages, seed)
    paths = {p.path for p in plan}
    by_folder: dict[str, list[Page]] = {}
    for page in plan:
        by_folder.setdefault(page.folder, []).append(page)
    stats = Stats(pages=len(plan))
    folders = {p.folder for p in plan if p.folder}
    stats.folders = len(folders)
    stats.max_depth = max(p.depth for p in plan)

    texts: dict[str, str] = {}
    # Easy-read pages are written after their standard page, to stamp them.
    for page in sorted(plan, key=lambda p: p.easy_of is not None):
        links: dict[str, list[str]] = {}
        siblings = by_folder.get(page.folder, [])
        for role in ("staff", "partner"):
            links[role] = [p.path.rpartition("/")[2] for p in siblings
                           if p.roles == [role] and p is not page and p.easy_of is None]
        easy = page.path[:-3] + ".easy.md"
        links["easy"] = [easy.rpartition("/")[2]] if easy in paths else []
        extra: dict[str, Any] = {}
        if page.type == "glossary":
            body = ["This list explains words used on this site.", ""]
            for term, explanation in GLOSSARY:
                body += [term, f":   {explanation}", ""]
        elif page.type == "overview":
            body = [w.paragraph(4), "", w.paragraph(4), ""]
        elif page.easy_of is not None:
            body = w.easy_body()
            extra["source_version"] = blob_id(texts[page.easy_of.path])
        elif page.type == "step-by-step":
            body = w.steps_body(page)
            extra["note_space"] = "true"
        else:
            body = w.standard_body(page, links)
        text = "\n".join(front_matter(page, extra) + body).rstrip("\n") + "\n"
        texts[page.path] = text
        target = content / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

        stats.words += sum(len(line.split()) for line in body if not line.startswith(("    alt:", "///", "*[")))
        stats.role_blocks += sum(line.startswith("/// role") for line in body)
        stats.picture_blocks += sum(line.startswith("/// picture") for line in body)
        readers = page.roles or ["partner", "staff"]
        stats.staff_site_pages += "staff" in readers
        stats.partner_site_pages += "partner" in readers
        if page.easy_of is not None:
            stats.easy += 1
        elif page.roles == ["staff"]:
            stats.staff_only += 1
        elif page.roles == ["partner"]:
            stats.partner_only += 1
        else:
            stats.shared += 1
        if page.type == "step-by-step":
            stats.step_by_step += 1
            stats.sheets += len(readers)
    stats.staff_only_edit_target = next(
        p.path for p in plan if p.roles == ["staff"] and p.type != "step-by-step"
    )
    write_configs(root, features, pages)
    return stats


# --- configuration ------------------------------------------------------------------


def write_configs(root: Path, features: tuple[str, ...] = (), pages: int = 0) -> None:
    """mkdocs.yml for `guides`, and mkdocs-plain.yml for the plain MkDocs baseline.

    Both take site_name, theme, extra_css, extra_javascript and markdown_extensions
    from the repository's mkdocs.yml, with theme.custom_dir pointing at the theme
    layer `guides` itself uses (the repository's site_overrides/, or the snapshot
    of it the benchmark runs against, see run.py). `features` are Material feature
    flags added to both (for experiments such as `navigation.prune`).

    Like for like: `guides` adds `navigation.prune` to a role site above
    `stage.PRUNE_NAV_ABOVE` pages, so the baseline, one site of `pages` pages, gets the
    same flag by the same rule.
    """
    source = yaml.safe_load((tool_root() / "mkdocs.yml").read_text(encoding="utf-8"))
    custom_dir = tool_root() / "site_overrides"
    theme = {**source["theme"], "custom_dir": str(custom_dir)}
    if features:
        theme["features"] = [*theme.get("features", []), *(f for f in features if f not in theme.get("features", []))]
    common: dict[str, Any] = {
        "site_name": source["site_name"],
        "site_url": source.get("site_url", "https://guides.example.org/"),
        "docs_dir": "content",
        "theme": theme,
        "extra_css": source.get("extra_css", []),
        "extra_javascript": source.get("extra_javascript", []),
        "markdown_extensions": source["markdown_extensions"],
    }
    guides = dict(common, guides=source["guides"])
    plain = dict(common, site_dir="plain-site")
    from build_tools.stage import PRUNE_NAV_ABOVE

    if pages > PRUNE_NAV_ABOVE and "navigation.prune" not in theme.get("features", []):
        plain["theme"] = {**theme, "features": [*theme.get("features", []), "navigation.prune"]}
    for name, data in (("mkdocs.yml", guides), ("mkdocs-plain.yml", plain)):
        (root / name).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def tool_root() -> Path:
    """Where the measured tool's mkdocs.yml and site_overrides/ are: the repository, or
    the snapshot of it that run.py takes (GUIDES_BENCH_TOOL_ROOT)."""
    import os

    snapshot = os.environ.get("GUIDES_BENCH_TOOL_ROOT")
    return Path(snapshot) if snapshot else REPO


if __name__ == "__main__":  # python benchmarks/corpus.py DIR PAGES
    import json
    import sys

    print(json.dumps(write_project(Path(sys.argv[1]), int(sys.argv[2])).as_dict(), indent=2))
