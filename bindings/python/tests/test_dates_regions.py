"""The store's own dates and the CBS region reference through Python: a picture taken
without a date is the store's latest date, so what was just recorded is in it; a
province's regions are set up from the reference; bad input raises the builtin-
compatible errors with the store unchanged."""

from __future__ import annotations

import datetime
import unittest

import actielijst

from support import TempDirCase, document


class DatesTest(TempDirCase):
    def test_latest_and_default_date_follow_what_is_recorded(self) -> None:
        with self.limburg_store() as store:
            self.assertEqual(store.latest_date(), datetime.date(2023, 3, 1))
            self.assertEqual(store.default_date(), datetime.date(2023, 3, 1))
            self.assertEqual(store.view().as_of, datetime.date(2023, 3, 1))
            store.record("wonen-registratie", "Zuid", "in_progress", "Gezamenlijke controles gestart.",
                         datetime.date(2023, 4, 1))
            self.assertEqual(store.latest_date(), datetime.date(2023, 4, 1))
            with store.view() as view:
                self.assertEqual(view.as_of, datetime.date(2023, 4, 1))
                self.assertEqual(view.status("wonen-registratie", "CR39").state, "in_progress")
            with store.view(where='action = "wonen-registratie"') as scoped:
                self.assertEqual(scoped.as_of, datetime.date(2023, 4, 1))
            with store.view("2023-03-01") as before:
                self.assertEqual(before.status("wonen-registratie", "CR39").state, "stalled")

    def test_an_empty_store_has_no_latest_date_and_defaults_to_meta_or_today(self) -> None:
        with self.open_store("empty.db") as store:
            self.assertIsNone(store.latest_date())
            self.assertEqual(store.default_date(), datetime.datetime.now(datetime.timezone.utc).date())
            store.import_json(document(meta={"as_of": "2022-11-30"}))
            self.assertIsNone(store.latest_date())
            self.assertEqual(store.default_date(), datetime.date(2022, 11, 30))


class ProvinceTest(TempDirCase):
    def test_noord_brabant_is_set_up_from_the_reference(self) -> None:
        with self.open_store("brabant.db") as store:
            self.assertEqual(store.add_province_regions("PV30"), 61)
            self.assertEqual(store.resolve_region("Eindhoven"), "GM0772")
            self.assertEqual(store.add_province_regions("Noord-Brabant", 2026), 0)
            with store.view() as view:
                kinds = [r.kind for r in view.regions()]
            self.assertEqual(kinds.count(actielijst.RegionKind.COROP), 4)
            self.assertEqual(kinds.count(actielijst.RegionKind.MUNICIPALITY), 56)

    def test_bad_province_or_year_is_refused_and_nothing_stored(self) -> None:
        with self.open_store("brabant.db") as store:
            before = store.export_json()
            with self.assertRaises(actielijst.NotFoundError) as caught:
                store.add_province_regions("PV40")
            self.assertIn("PV30 Noord-Brabant", str(caught.exception))
            self.assertIsInstance(caught.exception, KeyError)
            with self.assertRaises(actielijst.InvalidError) as year:
                store.add_province_regions("PV30", 2017)
            self.assertIn("2018 to 2026, not 2017", str(year.exception))
            for bad in (0, -3, 10**12, True, "2020"):
                with self.assertRaises(actielijst.InvalidError):
                    store.add_province_regions("PV30", bad)  # type: ignore[arg-type]
            self.assertEqual(store.export_json(), before)


if __name__ == "__main__":
    unittest.main()
