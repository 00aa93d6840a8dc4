#!/usr/bin/env python3
"""Checks report HTML files: well-formed (a strict XML parser reads every file after
the doctype), no script elements, no event-handler attributes, no links leaving the
document, no external resources.

    check_html.py FILE...
"""
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"


def check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    doctype = "<!DOCTYPE html>\n"
    if not text.startswith(doctype):
        return [f"{path}: does not start with <!DOCTYPE html>"]
    try:
        root = ET.fromstring(text[len(doctype):])
    except ET.ParseError as e:
        return [f"{path}: not well-formed: {e}"]
    problems = []
    if root.tag != XHTML + "html":
        problems.append(f"{path}: root element is {root.tag}")
    for el in root.iter():
        name = el.tag.split("}")[-1]
        if name in ("script", "img", "iframe", "object", "embed", "link", "base", "form"):
            problems.append(f"{path}: <{name}> element")
        for attr, value in el.attrib.items():
            attr = attr.split("}")[-1]
            if attr.lower().startswith("on"):
                problems.append(f"{path}: event attribute {attr} on <{name}>")
            if attr in ("href", "src", "xlink:href") and not value.startswith("#"):
                problems.append(f"{path}: {attr}={value!r} leaves the document")
    for h in ("h1", "h2"):
        if root.find(f".//{XHTML}{h}") is None:
            problems.append(f"{path}: no <{h}>")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = [p for path in sys.argv[1:] for p in check(path)]
    for p in problems:
        print(p, file=sys.stderr)
    print(f"checked {len(sys.argv) - 1} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
