#!/usr/bin/env python3
"""Prints the Limburg report as a reader would: stuurgroep-rapport writes the HTML,
headless Chromium prints it to an A4 PDF, and the PDF is checked through its text.

Checked, in Dutch and English:
- the report prints on at most 10 pages;
- every action point (title and key), every region of the overview and every open
  proposal is in the PDF's text;
- no action card is cut across a page: its key (in the card's heading) and the end
  of its last state of affairs are on one page.

Usage: test_print.py STUURGROEP_RAPPORT LIMBURG_JSON
Needs chromium and pdfinfo/pdftotext (poppler-utils), which `./build.sh test`
installs. Without them the test is skipped (exit 77), unless
ACTIELIJST_REQUIRE_BROWSER is set, as the CI's `./build.sh test` does.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MAX_PAGES = 10
SKIP = 77


def squeeze(text):
    """Text without white space, so line wrapping in the PDF does not matter."""
    return re.sub(r"\s+", "", text)


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=180, **kw)


def print_to_pdf(html, pdf, profile):
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--user-data-dir=" + profile, "--print-to-pdf=" + pdf, "file://" + html])
    if not os.path.exists(pdf):
        raise AssertionError("chromium wrote no PDF for " + html)


def page_texts(pdf):
    pages = int(re.search(r"^Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout, re.M).group(1))
    return [run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(i), "-l", str(i), pdf, "-"]).stdout
            for i in range(1, pages + 1)]


def check(language, rapport, data, work):
    db, html, js, pdf = (os.path.join(work, language + ext) for ext in (".db", ".html", ".json", ".pdf"))
    run([rapport, "--data", data, "--db", db, "--out", html, "--out", js, "--lang", language])
    print_to_pdf(html, pdf, os.path.join(work, "profile"))
    model = json.load(open(js, encoding="utf-8"))
    pages = [squeeze(t) for t in page_texts(pdf)]
    whole = "".join(pages)
    problems = []
    if len(pages) > MAX_PAGES:
        problems.append(f"{len(pages)} pages, more than {MAX_PAGES}")
    for theme in model["themes"]:
        for action in theme["actions"]:
            for what in (action["title"], action["key"]):
                if squeeze(what) not in whole:
                    problems.append(f"action {action['key']}: {what!r} is not in the PDF")
            texts = [s["text"] for s in action["scopes"] if s["text"]]
            if texts:
                end = squeeze(texts[-1])[-40:]
                if not any(squeeze(action["key"]) in p and end in p for p in pages):
                    problems.append(f"action {action['key']}: its card is cut across a page "
                                    f"(its heading and the end of its last state of affairs are on different pages)")
    for column in model["overview"]["columns"]:
        if squeeze(column["region_name"]) not in whole:
            problems.append(f"region {column['region_name']!r} is not in the PDF")
    for proposal in model["decisions"]:
        if squeeze(proposal["key"]) not in whole or squeeze(proposal["text"])[:60] not in whole:
            problems.append(f"open proposal {proposal['key']} is not in the PDF")
    if not model["decisions"]:
        problems.append("the Limburg report has no open proposals to check")
    print(f"{language}: {len(pages)} pages, {sum(len(t['actions']) for t in model['themes'])} action points, "
          f"{len(model['overview']['columns'])} regions, {len(model['decisions'])} open proposals")
    return [f"{language}: {p}" for p in problems]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    rapport, data = sys.argv[1:]
    missing = [tool for tool in ("chromium", "pdfinfo", "pdftotext") if not shutil.which(tool)]
    if missing:
        print("missing: " + ", ".join(missing) + " (Debian packages chromium, poppler-utils)", file=sys.stderr)
        return 1 if os.environ.get("ACTIELIJST_REQUIRE_BROWSER") else SKIP
    with tempfile.TemporaryDirectory() as work:
        problems = []
        for language in ("nl", "en"):
            problems += check(language, os.path.abspath(rapport), os.path.abspath(data), work)
    for p in problems:
        print("FAIL " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
