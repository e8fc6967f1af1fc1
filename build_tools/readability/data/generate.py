"""Regenerate the plain-words data. Run by hand after editing a list; commit the output.

    python -m build_tools.readability.data.generate forms
        Every entry's word forms -> forms.json: inflections from lemminflect
        (verbs: -s, -ed, -ing and irregular forms; nouns: plurals), for the UK
        and the US spelling of each word. Needs the `test` extra (lemminflect).
    python -m build_tools.readability.data.generate retext PATH/TO/retext-simplify/lib/patterns.js
        Import retext-simplify's patterns (MIT) -> plain_words_retext.yml.
        Get the file with `npm pack retext-simplify` (nothing is fetched here).

Nothing here runs at build or check time: `plain_words.py` only reads the files.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
LISTS = ("plain_words.yml", "plain_words_govuk.yml", "plain_words_retext.yml")
FORMS = HERE / "forms.json"

#: (UK, US) spelling pairs, tried both ways on every word; a variant is kept only
#: if a dictionary knows it (so "hour" never becomes "hor").
_SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("our", "or"), ("yse", "yze"), ("tre", "ter"),
              ("ence", "ense"), ("ogue", "og"), ("ll", "l"))


def _known(word: str) -> bool:
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))


def spellings(word: str) -> set[str]:
    """The word and its other (UK or US) spellings that a dictionary knows."""
    found = {word}
    for uk, us in _SPELLINGS:
        for old, new in ((uk, us), (us, uk)):
            if old in word:
                candidate = word.replace(old, new)
                if candidate != word and (_known(candidate) or (old, new) in (("ize", "ise"), ("ization", "isation"))):
                    found.add(candidate)
    return found


def inflections(word: str, verb: bool) -> set[str]:
    """Every form of one base word (both spellings) as lemminflect inflects it."""
    from lemminflect import getAllInflections

    forms: set[str] = set()
    for spelling in spellings(word):
        forms.add(spelling)
        for upos in (("VERB",) if verb else ("NOUN",)):
            for values in getAllInflections(spelling, upos=upos).values():
                # Not the forms of a modal ("shall" -> "should"): an entry's forms share its start.
                forms.update(value for value in values if value[:3] == spelling[:3])
    return forms


def make_forms() -> dict[str, dict[str, list[str]]]:
    result: dict[str, dict[str, list[str]]] = {"verbs": {}, "words": {}}
    for name in LISTS:
        data = yaml.safe_load((HERE / name).read_text("utf-8")) or {}
        for section in ("verbs", "words"):
            for key in data.get(section) or {}:
                first = key.split()[0]
                multi = " " in key
                if first in result[section]:
                    continue
                # A phrase's first word is inflected only if it is a verb ("consist of" -> "consists of").
                forms = inflections(first, verb=section == "verbs") if (section == "verbs" or not multi) else spellings(first)
                result[section][first] = sorted(forms)
    return result


def import_retext(patterns_js: Path) -> str:
    """retext-simplify's `patterns` object as our YAML (verbs and words sections)."""
    from lemminflect import getAllLemmas

    text = patterns_js.read_text("utf-8")
    verbs: dict[str, str] = {}
    words: dict[str, str] = {}
    for match in re.finditer(r"^  (?:'([^']+)'|([\w.-]+)): \{(.*?)^  \}", text, re.MULTILINE | re.DOTALL):
        key = (match.group(1) or match.group(2)).lower()
        replace = re.findall(r"'([^']*)'", re.search(r"replace: \[(.*?)\]", match.group(3), re.DOTALL).group(1))
        use = " or ".join(replace) if replace else "(leave it out)"
        first = key.split()[0]
        lemmas = getAllLemmas(first)
        is_verb = lemmas.get("VERB", ("",))[0] == first and "NOUN" not in lemmas and "ADJ" not in lemmas
        (verbs if is_verb else words)[key] = use
    licence = (patterns_js.parent.parent / "license").read_text("utf-8").strip()
    header = (
        "# Imported from retext-simplify 8.0.0 (lib/patterns.js) by generate.py: do not edit by hand.\n"
        "# Entries we do not use are listed under `skip_imported` in plain_words.yml.\n#\n"
        + "".join(f"# {line}".rstrip() + "\n" for line in licence.splitlines())
    )
    return header + yaml.safe_dump({"verbs": verbs, "words": words}, sort_keys=True, allow_unicode=True, width=120)


def main(argv: list[str]) -> int:
    if argv[:1] == ["forms"]:
        FORMS.write_text(json.dumps(make_forms(), indent=1, sort_keys=True) + "\n", "utf-8")
        return 0
    if argv[:1] == ["retext"] and len(argv) == 2:
        (HERE / "plain_words_retext.yml").write_text(import_retext(Path(argv[1])), "utf-8")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
