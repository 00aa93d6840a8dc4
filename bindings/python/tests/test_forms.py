"""Forms (uitvraag) through Store.write_forms and Store.process_form on the Limburg
list: the forms for Zuid-Limburg (CR39) written as XLSX and CSV, to a path and to a
file object; the library's CSV filled in and returned (UTF-8 with semicolons, as
Windows-1252 without a BOM, with commas), as a dry run and for real; a form with an
unknown state refused with FormError and its problems; bad rows skipped on request;
and the errors."""

from __future__ import annotations

import csv
import ctypes
import datetime
import io
import os
import unittest

import actielijst
from actielijst import ChangeKind, FormChange, FormError, FormFormat, FormProblem, FormReturn, _native

from support import TempDirCase

MEETING = "sg-2023-04"
MEETING_DATE = datetime.date(2023, 4, 12)
MARKER = "actielijst-uitvraag/1"
NEW_TEXT = "Stand april: de afspraken zijn getekend; uitvoering loopt"


def read_table(data: bytes) -> list[list[str]]:
    """The rows of a CSV form written by the library (UTF-8, perhaps with a BOM)."""
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def table_text(rows: list[list[str]], delimiter: str = ";") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def fill(rows: list[list[str]], row: int, state: str, text: str | None = None, author: str | None = None) -> None:
    """Fills in columns I, J and K of spreadsheet row `row` (1-based)."""
    cells = rows[row - 1]
    cells.extend([""] * (11 - len(cells)))
    cells[8] = state
    if text is not None:
        cells[9] = text
    if author is not None:
        cells[10] = author


class FormsTestCase(TempDirCase):
    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()
        self.store.add_meeting(MEETING, MEETING_DATE, "Stuurgroep april 2023")

    def blank_form(self) -> list[list[str]]:
        path = self.path("leeg.csv")
        self.store.write_forms(path, MEETING, ["CR39"])
        with open(path, "rb") as f:
            return read_table(f.read())

    def returned(self, rows: list[list[str]], name: str, delimiter: str = ";", encoding: str = "utf-8") -> str:
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(table_text(rows, delimiter).encode(encoding))
        return path


class WriteTest(FormsTestCase):
    def test_xlsx_and_csv_to_a_path(self):
        xlsx = self.path("uitvraag.xlsx")
        self.assertIsNone(self.store.write_forms(xlsx, MEETING, ["CR39"]))
        with open(xlsx, "rb") as f:
            self.assertEqual(f.read(4), b"PK\x03\x04")
        csv_path = self.path("uitvraag.csv")  # the format from the extension
        self.store.write_forms(csv_path, MEETING, "Zuid-Limburg")
        with open(csv_path, "rb") as f:
            data = f.read()
        self.assertTrue(data.removeprefix(b"\xef\xbb\xbf").startswith(MARKER.encode()))
        rows = read_table(data)
        self.assertEqual(rows[0][:4], [MARKER, MEETING, "2023-04-12", "CR39"])
        self.assertEqual(rows[3][8], "Nieuwe stand")
        self.assertGreater(len(rows), 4)
        # An explicit format wins over the extension.
        other = self.path("uitvraag.dat")
        self.store.write_forms(other, MEETING, ["CR39"], format="csv")
        with open(other, "rb") as f:
            self.assertEqual(f.read(), data)

    def test_file_objects(self):
        path = self.path("uitvraag.csv")
        self.store.write_forms(path, MEETING, ["CR39"], format=FormFormat.CSV)
        with open(path, "rb") as f:
            expected = f.read()
        binary = io.BytesIO()
        self.store.write_forms(binary, MEETING, ["CR39"], format="csv")
        self.assertEqual(binary.getvalue(), expected)
        text = io.StringIO()
        self.store.write_forms(text, MEETING, ["CR39"], format="csv")
        self.assertEqual(text.getvalue(), expected.decode("utf-8"))
        workbook = io.BytesIO()
        self.store.write_forms(workbook, MEETING, ["CR39", "CR37"])  # no name: XLSX
        self.assertEqual(workbook.getvalue()[:4], b"PK\x03\x04")
        with self.assertRaises(TypeError):
            self.store.write_forms(io.StringIO(), MEETING, ["CR39"], format="xlsx")

    def test_options(self):
        english = io.BytesIO()
        self.store.write_forms(english, MEETING, ["CR39"], as_of=datetime.date(2023, 3, 1),
                               deadline="2023-04-05", language="en", format="csv")
        rows = read_table(english.getvalue())
        self.assertEqual(rows[3][8], "New state")
        self.assertEqual(rows[0][5], "2023-03-01")
        everything = io.BytesIO()
        self.store.write_forms(everything, MEETING)  # every COROP region
        self.assertEqual(everything.getvalue()[:4], b"PK\x03\x04")

    def test_errors(self):
        with self.assertRaises(actielijst.NotFoundError) as cm:
            self.store.write_forms(io.BytesIO(), "sg-2099-01")
        self.assertIn("sg-2099-01", str(cm.exception))
        with self.assertRaises(actielijst.NotFoundError):
            self.store.write_forms(io.BytesIO(), MEETING, ["Atlantis"])
        with self.assertRaises(actielijst.InvalidError):
            self.store.write_forms(io.BytesIO(), MEETING, ["CR39"], language="fr")
        with self.assertRaises(actielijst.InvalidError):
            self.store.write_forms(io.BytesIO(), MEETING, ["CR39"], format="pdf")
        with self.assertRaises(actielijst.InvalidError):
            self.store.write_forms(io.BytesIO(), MEETING, ["CR39"], format=7)
        with self.assertRaises(actielijst.InvalidError):
            self.store.write_forms(io.BytesIO(), MEETING, ["CR39"], deadline=datetime.date(2023, 5, 1))
        with self.assertRaises(actielijst.InvalidError):
            self.store.write_forms(io.BytesIO(), MEETING, ["CR39", "CR37"], format="csv")
        with self.assertRaises(actielijst.InvalidError):
            self.store.write_forms(io.BytesIO(), "", ["CR39"])
        with self.assertRaises(actielijst.FileError):
            self.store.write_forms(self.path(os.path.join("no", "such", "dir.xlsx")), MEETING, ["CR39"])


class ProcessTest(FormsTestCase):
    def test_dry_run_then_for_real(self):
        rows = self.blank_form()
        action, area, had_state = rows[4][0], rows[4][4], bool(rows[4][5])
        fill(rows, 5, "In uitvoering", NEW_TEXT, "Gemeente Maastricht")
        path = self.returned(rows, "ingevuld.csv")
        before = self.store.export_json()

        result = self.store.process_form(path, dry_run=True)
        self.assertIsInstance(result, FormReturn)
        self.assertTrue(result.ok)
        self.assertFalse(result.stored)
        self.assertEqual(result.file, path)
        self.assertEqual(result.format, FormFormat.CSV)
        self.assertEqual(result.encoding, "UTF-8")
        self.assertEqual(result.meeting, MEETING)
        self.assertEqual(result.regions, ("CR39",))
        self.assertEqual(result.rows, len(rows) - 4)
        self.assertEqual(result.unchanged, result.rows - 1)
        self.assertEqual(result.problems, ())
        (update,) = result.updates
        self.assertEqual((update.action, update.scope, update.state, update.text),
                         (action, area, "in_progress", NEW_TEXT))
        self.assertEqual((update.as_of, update.meeting, update.author),
                         (MEETING_DATE, MEETING, "Gemeente Maastricht"))
        self.assertIsNone(update.category)
        (change,) = result.changes
        self.assertIsInstance(change, FormChange)
        self.assertEqual(change.kind, ChangeKind.CHANGED if had_state else ChangeKind.ADDED)
        self.assertEqual((change.action, change.scope), (action, area))
        self.assertEqual((change.after_state, change.after_text, change.after_date),
                         ("in_progress", NEW_TEXT, MEETING_DATE))
        self.assertEqual(change.before_state is None, not had_state)
        self.assertFalse(change.closed)
        self.assertEqual(self.store.export_json(), before)

        stored = self.store.process_form(path, meeting=MEETING)
        self.assertTrue(stored.ok and stored.stored)
        self.assertEqual(stored.updates, result.updates)
        with self.store.view(MEETING_DATE) as view:
            status = view.status(action, area)
        self.assertEqual((status.state, status.text, status.as_of, status.meeting),
                         ("in_progress", NEW_TEXT, MEETING_DATE, MEETING))
        self.assertEqual(status.category, actielijst.Category.ACTIVE)

        again = self.store.process_form(path)
        self.assertEqual(again.updates, ())
        self.assertEqual(again.unchanged, again.rows)

    def test_workbook_returned_unchanged(self):
        path = self.path("uitvraag.xlsx")
        self.store.write_forms(path, MEETING, ["CR39", "Noord-Limburg"])
        result = self.store.process_form(path, dry_run=True)
        self.assertEqual(result.format, FormFormat.XLSX)
        self.assertIsNone(result.encoding)
        self.assertEqual(result.regions, ("CR39", "CR37"))
        self.assertGreater(result.rows, 0)
        self.assertEqual(result.unchanged, result.rows)
        self.assertEqual((result.updates, result.changes, result.problems), ((), (), ()))
        self.assertTrue(result.ok)
        # A later meeting is processed by default: the form is for another one.
        self.store.add_meeting("sg-2023-05", datetime.date(2023, 5, 10))
        with self.assertRaises(FormError) as cm:
            self.store.process_form(path)
        problems = cm.exception.result.problems
        self.assertEqual({p.sheet for p in problems}, {"Zuid-Limburg", "Noord-Limburg"})
        self.assertTrue(all((p.row, p.column) == (1, 2) for p in problems))
        self.assertIn(MEETING, problems[0].message)

    def test_windows_1252_without_bom(self):
        rows = self.blank_form()
        action, area = rows[4][0], rows[4][4]
        words = "Overleg met de wethouder: één afspraak in het café, “bijna” rond"
        fill(rows, 5, "Bijna gereed", words)
        path = self.returned(rows, "excel.csv", encoding="cp1252")
        with open(path, "rb") as f:
            self.assertNotEqual(f.read(3), b"\xef\xbb\xbf")
        result = self.store.process_form(path)
        self.assertTrue(result.stored)
        self.assertEqual(result.encoding, "Windows-1252")
        self.assertEqual(result.updates[0].text, words)
        with self.store.view(MEETING_DATE) as view:
            self.assertEqual(view.status(action, area).text, words)
            self.assertEqual(view.status(action, area).state, "almost_done")

    def test_comma_separated(self):
        rows = self.blank_form()
        action, area = rows[4][0], rows[4][4]
        fill(rows, 5, "In uitvoering", "Met komma's, en ook; puntkomma's")
        path = self.returned(rows, "komma.csv", delimiter=",")
        result = self.store.process_form(path)
        self.assertTrue(result.ok and result.stored)
        self.assertEqual(len(result.updates), 1)
        with self.store.view(MEETING_DATE) as view:
            self.assertEqual(view.status(action, area).text, "Met komma's, en ook; puntkomma's")

    def test_unknown_state_stops_the_file(self):
        rows = self.blank_form()
        self.assertGreater(len(rows), 5)
        fill(rows, 5, "Bijna klaar misschien")
        fill(rows, 6, "Stagneert", "Wacht op de provincie")
        path = self.returned(rows, "fout.csv")
        before = self.store.export_json()
        with self.assertRaises(FormError) as cm:
            self.store.process_form(path)
        error = cm.exception
        self.assertIsInstance(error, actielijst.InvalidError)
        self.assertIsInstance(error, ValueError)
        self.assertEqual(error.code, -1)
        self.assertIn("problem", error.message)
        result = error.result
        self.assertIsInstance(result, FormReturn)
        self.assertFalse(result.ok)
        self.assertFalse(result.stored)
        problem = result.problems[0]
        self.assertIsInstance(problem, FormProblem)
        self.assertIsNone(problem.sheet)
        self.assertEqual((problem.row, problem.column), (5, 9))
        self.assertIn("Bijna klaar misschien", problem.message)
        self.assertIn("row 5", problem.where)
        self.assertIn("column I", problem.where)
        self.assertIn(problem.message, str(problem))
        self.assertEqual(self.store.export_json(), before)
        # A dry run reports the same problems.
        with self.assertRaises(FormError) as dry:
            self.store.process_form(path, dry_run=True)
        self.assertEqual(dry.exception.result.problems, result.problems)

        skipped = self.store.process_form(path, skip_bad_rows=True)
        self.assertTrue(skipped.ok and skipped.stored)
        self.assertEqual([(p.row, p.column) for p in skipped.problems], [(5, 9)])
        self.assertEqual(len(skipped.updates), 1)
        self.assertEqual(skipped.updates[0].state, "stalled")
        self.assertNotEqual(self.store.export_json(), before)

    def test_not_a_form(self):
        path = self.path("adressen.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("naam;adres\r\nJan;Markt 1\r\n")
        with self.assertRaises(FormError) as cm:
            self.store.process_form(path)
        self.assertFalse(cm.exception.result.stored)
        self.assertGreaterEqual(len(cm.exception.result.problems), 1)

    def test_errors(self):
        with self.assertRaises(actielijst.FileError) as cm:
            self.store.process_form(self.path("bestaat-niet.csv"))
        self.assertIn("bestaat-niet.csv", str(cm.exception))
        self.assertNotIsInstance(cm.exception, FormError)
        with self.assertRaises(actielijst.InvalidError):
            self.store.process_form("")
        with self.assertRaises(actielijst.InvalidError):
            self.store.process_form(self.path("x.csv"), meeting="a\0b")
        self.store.close()
        with self.assertRaises(actielijst.InvalidError):
            self.store.process_form(self.path("x.csv"))


class FormLayoutTest(unittest.TestCase):
    @unittest.skipUnless(ctypes.sizeof(ctypes.c_void_p) == 8, "sizes below are for LP64")
    def test_struct_sizes_follow_the_lp64_c_layout(self):
        expected = {_native.FormOptions: 56, _native.FormProcessOptions: 24, _native.FormSummary: 96,
                    _native.FormProblemRec: 32}
        for struct, size in expected.items():
            self.assertEqual(ctypes.sizeof(struct), size, struct.__name__)

    def test_form_error_pickles_with_its_result(self):
        import pickle

        error = FormError("m", -1, None)
        copy = pickle.loads(pickle.dumps(error))
        self.assertIsInstance(copy, FormError)
        self.assertEqual((copy.message, copy.code, copy.result), ("m", -1, None))


if __name__ == "__main__":
    unittest.main()
