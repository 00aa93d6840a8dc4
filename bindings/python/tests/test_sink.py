"""Outputs streamed to a file: Store.export_json and View.report with ``file``, a
path (written atomically by the library) or a file object (given the output as it
is produced), with the bytes of the text-returning forms, and every write failure
reported with its reason."""

from __future__ import annotations

import errno
import io
import os
import signal
import unittest

import actielijst

from support import MARCH_2023, TempDirCase

FORMATS = ("html", "markdown", "csv", "json")


class FailingFile(io.RawIOBase):
    """A binary file whose write() fails at call `fail_at` with ENOSPC."""

    def __init__(self, fail_at: int) -> None:
        super().__init__()
        self.fail_at = fail_at
        self.calls = 0
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.calls += 1
        if self.calls >= self.fail_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.data += bytes(b)
        return len(b)


class TrickleFile(io.RawIOBase):
    """A raw binary file that takes at most 1000 bytes per write()."""

    def __init__(self) -> None:
        super().__init__()
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        piece = bytes(b[:1000])
        self.data += piece
        return len(piece)


class Collector:
    """A duck-typed file object: write() returns None and there is no encoding."""

    def __init__(self) -> None:
        self.chunks: list = []

    def write(self, data) -> None:
        self.chunks.append(data)


class SinkTest(TempDirCase):
    def setUp(self) -> None:
        super().setUp()
        self.store = self.limburg_store()
        self.view = self.store.view(MARCH_2023)
        self.addCleanup(self.view.close)

    def outputs(self) -> list:
        """The files in the test directory other than the store's own."""
        return sorted(name for name in os.listdir(self.dir) if not name.startswith("lijst.db"))

    def read(self, path: str) -> bytes:
        with open(path, "rb") as f:
            return f.read()

    def test_export_to_a_path_is_the_export_text(self):
        path = self.path("export.json")
        for contacts in (False, True):
            self.assertIsNone(self.store.export_json(include_contacts=contacts, file=path))
            self.assertEqual(self.read(path), self.store.export_json(include_contacts=contacts).encode("utf-8"))
        self.assertIsNone(self.store.export_json(file=os.fsencode(self.path("bytes-path.json"))))
        self.assertEqual(self.outputs(), ["bytes-path.json", "export.json"])

    def test_export_to_file_objects(self):
        text = self.store.export_json(include_contacts=True)
        binary = io.BytesIO()
        self.store.export_json(include_contacts=True, file=binary)
        self.assertEqual(binary.getvalue(), text.encode("utf-8"))
        string = io.StringIO()
        self.store.export_json(include_contacts=True, file=string)
        self.assertEqual(string.getvalue(), text)
        trickle = TrickleFile()
        self.store.export_json(include_contacts=True, file=trickle)
        self.assertEqual(bytes(trickle.data), text.encode("utf-8"))
        collector = Collector()
        self.store.export_json(include_contacts=True, file=collector)
        self.assertGreater(len(collector.chunks), 1)  # streamed in pieces
        self.assertEqual(b"".join(collector.chunks), text.encode("utf-8"))
        with open(self.path("text.json"), "w", encoding="utf-8") as f:
            self.store.export_json(include_contacts=True, file=f)
        self.assertEqual(self.read(self.path("text.json")), text.encode("utf-8"))

    def test_report_to_a_path_and_to_file_objects(self):
        for fmt in FORMATS:
            for language in ("nl", "en"):
                text = self.view.report(fmt, language=language)
                path = self.path(f"report.{fmt}.{language}")
                self.assertIsNone(self.view.report(fmt, language=language, file=path))
                self.assertEqual(self.read(path), text.encode("utf-8"))
                binary = io.BytesIO()
                self.view.report(fmt, language=language, file=binary)
                self.assertEqual(binary.getvalue(), text.encode("utf-8"))
                string = io.StringIO()
                self.view.report(fmt, language=language, file=string)
                self.assertEqual(string.getvalue(), text)

    def test_a_failing_write_stops_the_output_with_its_reason(self):
        for call in (
            lambda f: self.store.export_json(file=f),
            lambda f: self.view.report("html", file=f),
        ):
            broken = FailingFile(fail_at=2)
            with self.assertRaises(actielijst.FileError) as caught:
                call(broken)
            self.assertEqual(broken.calls, 2)  # never called again after it failed
            self.assertIn("write callback failed", str(caught.exception))
            self.assertIsInstance(caught.exception, OSError)
            self.assertIsInstance(caught.exception.__cause__, OSError)
            self.assertEqual(caught.exception.__cause__.errno, errno.ENOSPC)
        # The store and the view work on afterwards.
        self.assertTrue(self.store.export_json().startswith("{"))
        self.assertTrue(self.view.report("csv"))

    def test_a_file_argument_that_is_neither_a_path_nor_a_file(self):
        with self.assertRaises(TypeError):
            self.store.export_json(file=42)
        with self.assertRaises(TypeError):
            self.view.report(file=object())

    def test_a_missing_directory_names_the_path(self):
        path = self.path(os.path.join("missing", "export.json"))
        with self.assertRaises(actielijst.FileError) as caught:
            self.store.export_json(file=path)
        self.assertIn(path, str(caught.exception))
        self.assertIn("No such file or directory", str(caught.exception))
        with self.assertRaises(actielijst.FileError) as caught:
            self.view.report(file=path)
        self.assertIn(path, str(caught.exception))
        self.assertFalse(os.path.exists(self.path("missing")))

    def test_bad_options_fail_before_a_file_is_made(self):
        path = self.path("report.html")
        with self.assertRaises(actielijst.InvalidError):
            self.view.report(language="fr", file=path)
        with self.assertRaises(actielijst.InvalidError):
            self.view.report(where="state = ", file=path)
        self.assertEqual(self.outputs(), [])

    @unittest.skipUnless(hasattr(signal, "SIGXFSZ"), "needs the file size limit (POSIX)")
    def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(self):
        import resource

        out_dir = self.path("out")
        os.mkdir(out_dir)
        path = os.path.join(out_dir, "export.json")
        previous = b'{"the previous": "export"}\n'
        with open(path, "wb") as f:
            f.write(previous)
        # The file size limit stands in for a full disk: writes past 4 KiB fail
        # with EFBIG (the signal that would end the process is ignored).
        saved_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
        saved_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        failures = []
        try:
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, saved_limit[1]))
            for call in (lambda: self.store.export_json(file=path), lambda: self.view.report(file=path)):
                try:
                    call()
                except actielijst.FileError as exc:
                    failures.append(str(exc))
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, saved_limit)
            signal.signal(signal.SIGXFSZ, saved_handler)
        self.assertEqual(len(failures), 2, failures)
        for message in failures:
            self.assertIn(path, message)
            self.assertIn("File too large", message)
        self.assertEqual(self.read(path), previous)
        self.assertEqual(os.listdir(out_dir), ["export.json"])


if __name__ == "__main__":
    unittest.main()
