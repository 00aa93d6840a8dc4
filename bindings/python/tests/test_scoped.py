"""Scoped views through Python: Store.view(as_of, where=...) holds exactly the
action points the filter selects from the whole view, with their states of
affairs, and refuses what the list does not know."""

from __future__ import annotations

import unittest

import actielijst

from support import MARCH_2023, TempDirCase

FILTERS = [
    'theme = "wonen"',
    'state_at("CR39") = "stalled"',
    '"stalled" in states and statuses > 1',
    'not ("CR37" in regions) or count(refs) > 0',
]


class ScopedViewCase(TempDirCase):
    def test_equals_the_whole_view_filtered(self) -> None:
        store = self.limburg_store()
        whole = store.view(MARCH_2023)
        self.assertEqual(whole.selection, "")
        for text in FILTERS:
            with self.subTest(filter=text):
                expected = actielijst.Filter(text, whole).select(whole)
                scoped = store.view(MARCH_2023, where=text)
                self.assertEqual(scoped.selection, text)
                self.assertEqual([a.key for a in scoped.actions()], [a.key for a in expected])
                for a in expected:
                    self.assertEqual(scoped.statuses(a.key), whole.statuses(a.key))

    def test_a_filter_object_stays_open(self) -> None:
        store = self.limburg_store()
        f = actielijst.Filter('state_at("CR39") = "stalled"')
        scoped = store.view(MARCH_2023, where=f)
        self.assertFalse(f.closed)
        self.assertTrue(all(scoped.status(a.key, "CR39").state == "stalled" for a in scoped.actions()))
        f.close()

    def test_unknown_names_are_refused(self) -> None:
        store = self.limburg_store()
        with self.assertRaises(actielijst.NotFoundError) as caught:
            store.view(MARCH_2023, where='state_at("CR99") = "stalled"')
        self.assertIn('unknown region "CR99"', str(caught.exception))
        with self.assertRaises(actielijst.InvalidError):
            store.view(MARCH_2023, where="theme = ")


if __name__ == "__main__":
    unittest.main()
