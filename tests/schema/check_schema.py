"""Checks docs/actielijst.schema.json against real documents: the bundled data and
the library's own export must validate; documents the library refuses for their
shape must not, and small changes the library accepts must validate too.

    check_schema.py <schema> <document>...
"""
import json
import sys

import jsonschema


def set_due_changes(doc, value) -> None:
    doc["actions"][0]["due_changes"] = value


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    checks = 0
    for path in sys.argv[2:]:
        doc = json.load(open(path, encoding="utf-8"))
        errors = list(validator.iter_errors(doc))
        checks += 1
        if errors:
            failures += 1
            for e in errors[:5]:
                print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        # Shapes the library refuses must be refused by the schema too.
        for name, mutate in [
            ("unknown top-level member", lambda d: d.__setitem__("extra", 1)),
            ("unknown action member", lambda d: d["actions"][0].__setitem__("titel", "x")),
            ("missing update text", lambda d: d["updates"][0].pop("text")),
            ("bad region kind", lambda d: d["regions"][0].__setitem__("kind", "gemeente")),
            ("bad date", lambda d: d["updates"][0].__setitem__("as_of", "1-3-2023")),
            ("newer format", lambda d: d.__setitem__("format_version", 2)),
            ("bad key", lambda d: d["themes"][0].__setitem__("key", "met spatie")),
            # (from == to is refused too, but a schema cannot compare two members.)
            ("due_changes that is not an array", lambda d: set_due_changes(d, {"to": "2023-06-30", "noted": "2023-05-01"})),
            ("due change that is not an object", lambda d: set_due_changes(d, ["2023-06-30"])),
            ("due change without noted", lambda d: set_due_changes(d, [{"to": "2023-06-30"}])),
            ("due change with noted null", lambda d: set_due_changes(d, [{"to": "2023-06-30", "noted": None}])),
            ("due change with a bad date", lambda d: set_due_changes(d, [{"to": "30-6-2023", "noted": "2023-05-01"}])),
            ("due change with an unknown member",
             lambda d: set_due_changes(d, [{"to": "2023-06-30", "noted": "2023-05-01", "reason": "x"}])),
            ("due change without from and to", lambda d: set_due_changes(d, [{"noted": "2023-05-01"}])),
            ("due change with from and to null",
             lambda d: set_due_changes(d, [{"from": None, "to": None, "noted": "2023-05-01"}])),
        ]:
            bad = json.loads(json.dumps(doc))
            mutate(bad)
            checks += 1
            if validator.is_valid(bad):
                failures += 1
                print(f"{path}: schema accepts a document with {name}")
        # Shapes the library accepts must be accepted by the schema too.
        for name, mutate in [
            ("a due change setting a first due date", lambda d: set_due_changes(d, [{"to": "2023-06-30", "noted": "2023-05-01"}])),
            ("a due change removing the due date",
             lambda d: set_due_changes(d, [{"from": "2023-06-30", "to": None, "noted": "2023-05-01"}])),
            ("empty due_changes", lambda d: set_due_changes(d, [])),
        ]:
            good = json.loads(json.dumps(doc))
            mutate(good)
            checks += 1
            if not validator.is_valid(good):
                failures += 1
                print(f"{path}: schema refuses a document with {name}")
    print(f"{checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
