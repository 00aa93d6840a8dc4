"""The steering-group report (docs/report.md) through View.report on the Limburg
data as of 2023-03-01."""

import datetime
import io
import json

import actielijst
from actielijst import ReportFormat, Rules

from support import MARCH_2023, TempDirCase


class ReportTestCase(TempDirCase):
    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()
        self.view = self.store.view(MARCH_2023)
        self.addCleanup(self.view.close)

    def test_every_format_and_language(self):
        for fmt in ("html", "markdown", "md", "csv", "json", ReportFormat.JSON, 1):
            for language in ("nl", "en"):
                with self.subTest(format=fmt, language=language):
                    text = self.view.report(fmt, language=language)
                    self.assertIsInstance(text, str)
                    self.assertGreater(len(text), 1000)
                    self.assertEqual(text, self.view.report(fmt, language=language))

    def test_html_is_a_whole_document(self):
        html = self.view.report()
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn('lang="nl"', html)
        self.assertIn('lang="en"', self.view.report(language="en"))

    def test_json_model(self):
        model = json.loads(self.view.report("json", language="en"))
        self.assertIsInstance(model, dict)
        self.assertEqual(self.view.report("json"), self.view.report(ReportFormat.JSON))

    def test_default_rules_equal_no_rules(self):
        with Rules.default() as rules:
            self.assertEqual(self.view.report(rules=rules), self.view.report())

    def test_own_rules(self):
        rules = Rules.load('rule everything\n    severity info\n    when true\n    message "ZZ-{title}"\n')
        self.addCleanup(rules.close)
        self.assertIn("ZZ-", self.view.report("markdown", rules=rules))
        self.assertNotIn("ZZ-", self.view.report("markdown"))

    def test_sections_where_title(self):
        whole = self.view.report("json")
        self.assertLess(len(self.view.report("json", sections=["summary", "signals"])), len(whole))
        self.assertEqual(
            self.view.report("json", sections=["signals", "summary"]),
            self.view.report("json", sections="summary, signals"),
        )
        self.assertLess(len(self.view.report("json", where='theme = "wonen"')), len(whole))
        self.assertIn("Mijn titel", self.view.report("markdown", title="Mijn titel"))

    def test_compare(self):
        with self.store.view(datetime.date(2022, 6, 1)) as before:
            with_changes = self.view.report("json", compare=before)
        self.assertNotEqual(with_changes, self.view.report("json"))
        self.assertIn("2022-06-01", with_changes)

    def test_contacts_only_when_asked(self):
        self.store.add_contact("GM0935", "contact", "Testpersoon Rapport", "rapport@example.nl")
        self.assertIn("Testpersoon Rapport", self.view.report("csv", sections="actions", contacts=self.store)
                      + self.view.report("json", contacts=self.store))
        self.assertNotIn("Testpersoon Rapport", self.view.report("json"))

    def test_errors(self):
        with self.assertRaises(actielijst.InvalidError):
            self.view.report("pdf")
        with self.assertRaises(actielijst.InvalidError):
            self.view.report(7)
        with self.assertRaises(actielijst.InvalidError) as caught:
            self.view.report(language="de")
        self.assertIn("language", str(caught.exception))
        with self.assertRaises(actielijst.InvalidError) as caught:
            self.view.report(sections=["summary", "agenda"])
        self.assertIn("agenda", str(caught.exception))
        with self.assertRaises(actielijst.InvalidError) as caught:
            self.view.report(where="theme = ")
        self.assertIn("filter:1:", str(caught.exception))
        with self.assertRaises(actielijst.NotFoundError):
            self.view.report(where='theme = "no_such_theme"')
        with self.assertRaises(actielijst.NotFoundError):
            self.view.report(meeting="no-such-meeting")
        with self.assertRaises(TypeError):
            self.view.report(rules="default")
        with self.assertRaises(TypeError):
            self.view.report(compare=self.store)

    def test_closed_view(self):
        view = self.store.view(MARCH_2023)
        view.close()
        with self.assertRaises(actielijst.InvalidError):
            view.report()


class StoreReportTest(ReportTestCase):
    """Store.report: the one pipeline (docs/report.md), from the store itself."""

    def test_equals_the_view_report_on_the_same_date(self):
        for fmt in ("markdown", "json"):
            with self.subTest(format=fmt):
                self.assertEqual(self.store.report(fmt, as_of=MARCH_2023), self.view.report(fmt))

    def test_without_a_date_it_is_the_default_date(self):
        with self.store.view(self.store.default_date()) as latest:
            self.assertEqual(self.store.report("json"), latest.report("json"))

    def test_changes_since_an_earlier_date_or_snapshot(self):
        earlier = datetime.date(2023, 1, 1)
        with self.store.view(earlier) as before:
            expected = self.view.report("json", compare=before)
            snapshot = self.path("januari.snapshot")
            before.save_snapshot(snapshot)
        self.assertEqual(self.store.report("json", as_of=MARCH_2023, since_date=earlier), expected)
        self.assertEqual(self.store.report("json", as_of=MARCH_2023, since=snapshot), expected)

    def test_to_a_file_or_a_stream_gives_the_same_bytes(self):
        text = self.store.report("markdown", as_of=MARCH_2023)
        target = self.path("rapport.md")
        self.assertIsNone(self.store.report("markdown", as_of=MARCH_2023, file=target))
        with open(target, "rb") as f:
            self.assertEqual(f.read(), text.encode("utf-8"))
        stream = io.BytesIO()
        self.assertIsNone(self.store.report("markdown", as_of=MARCH_2023, file=stream))
        self.assertEqual(stream.getvalue(), text.encode("utf-8"))
        # A failed report leaves the file as it was.
        with self.assertRaises(actielijst.NotFoundError) as ctx:
            self.store.report("markdown", meeting="geen-vergadering", file=target)
        self.assertEqual(ctx.exception.where, "options->meeting")
        with open(target, "rb") as f:
            self.assertEqual(f.read(), text.encode("utf-8"))

    def test_errors(self):
        with self.assertRaises(FileNotFoundError) as ctx:
            self.store.report(since=self.path("weg.snapshot"))
        self.assertIsInstance(ctx.exception, actielijst.FileError)
        with self.assertRaises(actielijst.InvalidError):
            self.store.report(since=self.path("x.snapshot"), since_date=MARCH_2023)  # both
        with self.assertRaises(actielijst.NotFoundError):
            self.store.report(meeting="geen-vergadering")
        with self.assertRaises(actielijst.InvalidError):
            self.store.report(as_of="2023-02-30")
