"""Publishing per role: every absolute address for a role comes from `Config.role_url`,
so a role on a host of its own is printed, QR-coded, mapped and linked at that host."""

from __future__ import annotations

import gzip
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adopt_support import STAFF_URL, starter
from build_tools.config import load_config
from build_tools.content.loader import load_corpus
from build_tools.roles import select
from build_tools.sheets import plan_sheets
from build_tools.sheets.links import LinkMap
from build_tools.urls import online_url
from build_tools.sheets.qr import qr_data_uri
from build_tools.stage import staged_settings
from support import guides_in_process

MAIN_URL = "https://guides.example.org/"
TODAY = date(2027, 1, 1)

hosts = st.from_regex(r"[a-z][a-z0-9-]{0,12}(\.[a-z]{2,6}){1,2}", fullmatch=True)
paths = st.lists(st.from_regex(r"[a-z0-9-]{1,10}", fullmatch=True), max_size=3)


@given(host=hosts, folders=paths, slash=st.booleans(), page=st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True))
@settings(max_examples=60, deadline=None)
def test_every_address_of_a_role_on_its_own_host_starts_with_its_site_url(tmp_path_factory: pytest.TempPathFactory, host: str, folders: list[str], slash: bool, page: str) -> None:
    written = f"https://{host}/" + "/".join(folders) + ("/" if slash and folders else "")
    config = load_config(starter(tmp_path_factory.mktemp("p"), staff_url=written))
    base = config.role_url("staff")
    assert base.endswith("/") and base.rstrip("/") == written.rstrip("/")
    assert config.role_url("public") == f"{MAIN_URL}public/"  # the other role keeps the main host
    assert online_url(config, "staff", f"{page}.md") == f"{base}{page}/"
    links = LinkMap(config, "staff", frozenset({f"{page}.md"}), frozenset({"map.png"}))
    assert links.online("", f"{page}.md#top") == f"{base}{page}/#top"
    assert links.online("", "map.png") == f"{base}map.png"


def test_without_any_site_url_there_are_no_absolute_addresses(tmp_path: Path) -> None:
    config_file = starter(tmp_path)
    config_file.write_text(config_file.read_text().replace(f"site_url: {MAIN_URL}\n", ""))
    config = load_config(config_file)
    assert config.role_url("public") == "" and online_url(config, "public", "x.md") == ""


@pytest.mark.parametrize("bad", ["intranet/guides", "ftp://x.org/", "https:// spaced.org/"])
def test_a_role_site_url_that_is_not_a_web_address_is_refused(tmp_path: Path, bad: str) -> None:
    code, output = guides_in_process("check", "-f", str(starter(tmp_path, staff_url=bad)))
    assert code == 2 and "guides.roles.1.site_url" in output


def _staged(config_file: Path, role: str) -> tuple[dict, list]:
    config = load_config(config_file)
    corpus, _ = load_corpus(config.docs_dir)
    view = select(corpus, config, role)
    return staged_settings(view, config, TODAY, {}), plan_sheets(view, corpus, config, config_file.parent / "out")


def test_staged_site_url_landing_link_and_qr_codes_use_the_role_url(tmp_path: Path) -> None:
    config_file = starter(tmp_path, staff_url=STAFF_URL)
    staff, staff_sheets = _staged(config_file, "staff")
    assert staff["site_url"] == STAFF_URL  # MkDocs writes the sitemap and canonical links from it
    assert staff["extra"]["guides"]["landing"] == MAIN_URL  # "Choose a different site": an absolute link home
    sheet = next(s for s in staff_sheets if s.page_path == "staff/booking-a-room.md")
    expected = f"{STAFF_URL}staff/booking-a-room/"
    assert qr_data_uri(expected) in sheet.html  # the QR code encodes exactly this address
    assert qr_data_uri(f"{MAIN_URL}staff/staff/booking-a-room/") not in sheet.html
    printed = re.sub(r"<wbr>|</?span[^>]*>", "", sheet.html)  # the address may break only at / and .
    assert "intranet.example.org/guides/staff/booking-a-room/" in printed  # the printed short address
    public, public_sheets = _staged(config_file, "public")
    assert public["site_url"] == f"{MAIN_URL}public/" and public["extra"]["guides"]["landing"] == "../"
    assert public_sheets and all("intranet" not in s.html for s in public_sheets)
    for sheet in public_sheets:
        address = f"{MAIN_URL}public/{sheet.page_path[:-3]}/"
        assert qr_data_uri(address) in sheet.html and address.removeprefix("https://") in re.sub(r"<wbr>|</?span[^>]*>", "", sheet.html)


@pytest.mark.slow
def test_a_role_on_its_own_host_builds_alone_at_the_root_of_its_folder(tmp_path: Path) -> None:
    config_file = starter(tmp_path / "p", staff_url=STAFF_URL, staff_on_landing=False)
    out = tmp_path / "intranet"
    code, output = guides_in_process("build", "-f", str(config_file), "--role", "staff", "-d", str(out))
    assert code == 0, output
    assert (out / "index.html").is_file() and (out / "404.html").is_file()
    assert not (out / "report").exists() and not (out / "public").exists()
    locs = re.findall(r"<loc>([^<]+)</loc>", (out / "sitemap.xml").read_text())
    assert locs and all(loc.startswith(STAFF_URL) for loc in locs)
    assert gzip.decompress((out / "sitemap.xml.gz").read_bytes()).decode().count(STAFF_URL) == len(locs)
    page = (out / "staff" / "running-a-meeting" / "index.html").read_text()
    assert f'<link rel="canonical" href="{STAFF_URL}staff/running-a-meeting/">' in page
    assert f'href="{MAIN_URL}">Choose a different site' in page
    pdf_text = subprocess.run(["pdftotext", str(out / "staff" / "booking-a-room.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "intranet.example.org/" in pdf_text and "guides.example.org" not in pdf_text

    # The whole site: staff is left off the landing page, which links public beside it.
    site = tmp_path / "site"
    code, output = guides_in_process("build", "-f", str(config_file), "-d", str(site))
    assert code == 0, output
    landing = (site / "index.html").read_text()
    assert 'href="public/"' in landing and "intranet" not in landing and ">Staff<" not in landing
