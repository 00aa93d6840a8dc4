"""The list after a meeting (docs/decision-list.md) through Store.decision_list on
the Limburg data with its illustrative follow-up meeting."""

import datetime
import io
import json
import os

import actielijst
from actielijst import ReportFormat

from support import REPO, TempDirCase

NEXT_MEETING_JSON = os.path.join(REPO, "tests", "fixtures", "limburg-next-meeting.json")


class DecisionListTestCase(TempDirCase):
    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()
        with open(NEXT_MEETING_JSON, "rb") as f:
            self.store.import_json(f.read())

    def test_every_format_and_language(self):
        for fmt in ("html", "markdown", "md", "csv", "json", ReportFormat.JSON, 1):
            for language in ("nl", "en"):
                with self.subTest(format=fmt, language=language):
                    text = self.store.decision_list("sg-2023-04", fmt, language=language)
                    self.assertIsInstance(text, str)
                    self.assertIn("regionale bestuurlijke overleggen Wonen", text)
                    self.assertEqual(text, self.store.decision_list("sg-2023-04", fmt, language=language))

    def test_content(self):
        html = self.store.decision_list(meeting="sg-2023-04")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        for heading in ("Besluitenlijst", "Genomen besluiten", "Nieuwe actiepunten", "Afgesloten actiepunten",
                        "Nieuwe deadlines", "Openstaand voor de volgende vergadering"):
            self.assertIn(heading, html)
        model = json.loads(self.store.decision_list("sg-2023-04", "json", language="en"))
        self.assertEqual(model["format"], "actielijst-decision-list")
        self.assertEqual(model["previous_meeting"], "sg-2023-03")
        self.assertEqual([p["key"] for p in model["decisions"]], ["P2"])
        self.assertEqual([p["key"] for p in model["tabled"]], ["P4"])
        self.assertEqual([a["key"] for a in model["actions_added"]], ["werken-voorlichting-werkgevers"])
        self.assertEqual([a["key"] for a in model["actions_closed"]], ["wonen-afspraken-huisvesting"])
        self.assertEqual([(d["key"], d["from"], d["to"]) for d in model["deadlines_moved"]],
                         [("algemeen-kennis-delen", None, "2023-06-30")])
        open_proposals = [i["key"] for i in model["open_items"] if i["kind"] == "proposal"]
        self.assertEqual(sorted(open_proposals), ["P3", "P4"])

    def test_meeting_choice_and_options(self):
        last = json.loads(self.store.decision_list(format="json"))
        self.assertEqual(last["meeting"], "sg-2023-04")
        march = json.loads(self.store.decision_list(format="json", as_of=datetime.date(2023, 4, 1)))
        self.assertEqual(march["meeting"], "sg-2023-03")
        self.assertIsNone(march["from"])
        self.assertEqual(json.loads(self.store.decision_list(format="json", title="Besluiten"))["title"], "Besluiten")
        wide = json.loads(self.store.decision_list("sg-2023-04", "json", due_within_days=90))
        self.assertEqual(wide["due_within_days"], 90)
        self.assertIn(("due", "algemeen-kennis-delen"), [(i["kind"], i["key"]) for i in wide["open_items"]])

    def test_errors(self):
        with self.assertRaises(actielijst.NotFoundError) as cm:
            self.store.decision_list("sg-2099-01")
        self.assertIn("sg-2099-01", str(cm.exception))
        self.assertIsInstance(cm.exception, KeyError)
        with self.assertRaises(actielijst.NotFoundError):
            self.store.decision_list(as_of="2023-01-01")
        with self.assertRaises(actielijst.InvalidError):
            self.store.decision_list("sg-2023-04", language="fr")
        with self.assertRaises(actielijst.InvalidError):
            self.store.decision_list("sg-2023-04", "pdf")
        with self.assertRaises(actielijst.InvalidError):
            self.store.decision_list("sg-2023-04", due_within_days=-1)
        with self.assertRaises(actielijst.InvalidError):
            self.store.decision_list(as_of="2023-02-30")

    def test_file(self):
        expected = self.store.decision_list("sg-2023-04", "md")
        path = self.path("besluitenlijst.md")
        self.assertIsNone(self.store.decision_list("sg-2023-04", "md", file=path))
        with open(path, encoding="utf-8") as f:
            self.assertEqual(f.read(), expected)
        text = io.StringIO()
        self.store.decision_list("sg-2023-04", "md", file=text)
        self.assertEqual(text.getvalue(), expected)
        with self.assertRaises(actielijst.FileError):
            self.store.decision_list("sg-2023-04", file=self.path(os.path.join("no", "such", "dir.html")))
