"""Errors that suggest (docs/rules.md): the library's "did you mean" reaches Python
unchanged, with the same exception classes as before."""

import datetime

import actielijst
from actielijst import Rules

from support import TempDirCase


class SuggestTest(TempDirCase):
    def test_store_write_names_the_closest_region_and_lists_the_states(self):
        store = self.limburg_store()
        day = datetime.date(2023, 4, 1)
        with self.assertRaises(actielijst.InvalidError) as caught:
            store.record("wonen-registratie", "Zud", "done", "x", day)
        self.assertIn('scope: unknown region "Zud"; did you mean "Zuid" (CR39)?', str(caught.exception))
        with self.assertRaises(actielijst.InvalidError) as caught:
            store.record("wonen-registratie", "Zuid", "klaar", "x", day)
        self.assertIn('state: unknown state "klaar"; known states: "not_started", "in_progress"', str(caught.exception))

    def test_rules_name_the_field_meant(self):
        with self.assertRaises(actielijst.InvalidError) as caught:
            Rules.load('rule x\n    severity info\n    when key = "a"\n    message "m"\n')
        self.assertIn('unknown field "key" in a per-action rule; did you mean "action"? '
                      "(actielijst fields lists them; docs/rules.md)", str(caught.exception))
