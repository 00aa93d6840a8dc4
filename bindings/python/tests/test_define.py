"""Typed definition writes: Store.put_theme, put_region, put_state, put_action,
put_indicator and install_default_states, read back through a View; failures leave
the store unchanged."""

import ctypes
import datetime
import json
import unittest

import actielijst
from actielijst import (
    Category,
    ConflictError,
    IndicatorKind,
    InvalidError,
    Level,
    Owner,
    OwnerRole,
    RegionKind,
)
from actielijst import _native

from support import TempDirCase, document

END_2023 = datetime.date(2023, 12, 31)


class DefineTest(TempDirCase):
    def setUp(self) -> None:
        super().setUp()
        self.store = self.limburg_store()

    def view(self) -> actielijst.View:
        view = self.store.view(END_2023)
        self.addCleanup(view.close)
        return view

    def assert_fails_unchanged(self, error: type, needle: str, call, *args, **kwargs) -> None:
        before = self.store.export_json(include_contacts=True)
        with self.assertRaises(error) as caught:
            call(*args, **kwargs)
        self.assertIn(needle, str(caught.exception))
        self.assertEqual(self.store.export_json(include_contacts=True), before)

    # ---- themes ---------------------------------------------------------------------

    def test_put_theme(self):
        self.store.put_theme("migratie", "Migratie")
        self.store.put_theme("wonen", "Wonen en huisvesting", "Housing")
        themes = self.view().themes()
        self.assertEqual(themes[0], actielijst.Theme("wonen", "Wonen en huisvesting", "Housing"))
        self.assertEqual(themes[-1], actielijst.Theme("migratie", "Migratie", None))
        self.assertEqual(len(themes), 5)

    def test_put_theme_errors(self):
        self.assert_fails_unchanged(InvalidError, "in->label_nl is NULL", self.store.put_theme, "vervoer", None)
        self.assert_fails_unchanged(
            InvalidError, "in->label_en is not valid UTF-8", self.store.put_theme, "vervoer", "Vervoer", b"\xff"
        )
        self.assert_fails_unchanged(InvalidError, "key", self.store.put_theme, "geen sleutel", "Vervoer")
        self.assert_fails_unchanged(InvalidError, "label_nl", self.store.put_theme, "vervoer", "")

    # ---- regions --------------------------------------------------------------------

    def test_put_region(self):
        codes_before = [r.code for r in self.view().regions()]
        self.store.put_region("GM0889", "Beesel", RegionKind.MUNICIPALITY, "CR37", ["Beesel-Reuver"])
        self.assertEqual([r.code for r in self.view().regions()], codes_before)  # updated in place
        self.store.put_region("GM9999", "Nieuwdorp", RegionKind.MUNICIPALITY, "Regio Noord", ("Nieuw", "ND"))
        self.store.put_region("PV30", "Noord-Brabant", RegionKind.PROVINCE)
        view = self.view()
        self.assertEqual(
            view.region("GM9999"),
            actielijst.Region("GM9999", "Nieuwdorp", RegionKind.MUNICIPALITY, "CR37", ("Nieuw", "ND")),
        )
        self.assertEqual(view.region("PV30"), actielijst.Region("PV30", "Noord-Brabant", RegionKind.PROVINCE, None, ()))
        self.assertEqual(view.region("GM0889").aliases, ("Beesel-Reuver",))
        self.assertEqual(len(view.regions()), len(codes_before) + 2)
        self.assertEqual(self.store.resolve_region("nieuw"), "GM9999")

    def test_put_region_errors(self):
        put = self.store.put_region
        self.assert_fails_unchanged(InvalidError, "in->kind is 3", put, "GM9998", "Ergens", 3, "CR37")
        self.assert_fails_unchanged(InvalidError, "kind: 4294967296 does not fit", put, "GM9998", "Ergens", 2**32)
        self.assert_fails_unchanged(InvalidError, "in->aliases[1] is NULL", put, "GM9998", "Ergens", 2, "CR37", ["a", None])
        self.assert_fails_unchanged(
            InvalidError, "in->aliases[0] is not valid UTF-8", put, "GM9998", "Ergens", 2, "CR37", [b"\xe9"]
        )
        self.assert_fails_unchanged(InvalidError, 'parent: unknown region "Atlantis"', put, "GM9998", "Ergens", 2, "Atlantis")
        self.assert_fails_unchanged(InvalidError, "parent", put, "GM9998", "Ergens", RegionKind.MUNICIPALITY, "PV31")
        self.assert_fails_unchanged(
            ConflictError, "is the code of region CR38", put, "GM0889", "Beesel", RegionKind.MUNICIPALITY, "CR37", ["CR38"]
        )
        self.assert_fails_unchanged(
            ConflictError, "has subregions", put, "CR37", "Noord-Limburg", RegionKind.MUNICIPALITY, "CR38"
        )
        with self.assertRaises(TypeError):
            put("GM9998", "Ergens", RegionKind.MUNICIPALITY, "CR37", "Ergens-alias")  # a str, not a sequence

    # ---- states ---------------------------------------------------------------------

    def test_put_state(self):
        keys_before = [s.key for s in self.view().states()]
        self.store.put_state("stalled", Category.BLOCKED, "Vastgelopen")
        self.store.put_state("on_hold", Category.BLOCKED, "Aangehouden", "On hold")
        states = self.view().states()
        self.assertEqual([s.key for s in states], keys_before + ["on_hold"])
        self.assertEqual(states[-1], actielijst.State("on_hold", Category.BLOCKED, "Aangehouden", "On hold"))
        stalled = next(s for s in states if s.key == "stalled")
        self.assertEqual((stalled.label_nl, stalled.label_en), ("Vastgelopen", None))

    def test_put_state_errors(self):
        self.assert_fails_unchanged(InvalidError, "in->category is 5", self.store.put_state, "paused", 5, "Gepauzeerd")
        self.assert_fails_unchanged(InvalidError, "category", self.store.put_state, "paused", -(2**31) - 1, "Gepauzeerd")
        self.assert_fails_unchanged(InvalidError, "in->key is NULL", self.store.put_state, None, 0, "Gepauzeerd")

    # ---- actions --------------------------------------------------------------------

    def test_put_action(self):
        keys_before = [a.key for a in self.view().actions()]
        self.store.put_action(
            "wonen-nieuw",
            "wonen",
            "Nieuwbouw",
            "Tijdelijke woonruimte realiseren.",
            due=datetime.date(2024, 12, 31),
            owners=[("Provincie", OwnerRole.LEAD), Owner("Gemeenten", OwnerRole.SUPPORT)],
            scope=["Regio Noord", "GM0889"],
            see_also=["wonen-registratie"],
        )
        self.store.put_action(
            "wonen-registratie", "wonen", "Registratie in het BRP", "Actief inschrijven.", scope=("CR37", "CR38", "CR39")
        )
        view = self.view()
        self.assertEqual(
            view.action("wonen-nieuw"),
            actielijst.Action(
                "wonen-nieuw",
                "wonen",
                "Nieuwbouw",
                "Tijdelijke woonruimte realiseren.",
                datetime.date(2024, 12, 31),
                (Owner("Provincie", OwnerRole.LEAD), Owner("Gemeenten", OwnerRole.SUPPORT)),
                ("CR37", "GM0889"),
                ("wonen-registratie",),
            ),
        )
        updated = view.action("wonen-registratie")
        self.assertEqual((updated.title, updated.owners, updated.see_also, updated.due), ("Registratie in het BRP", (), (), None))
        keys = [a.key for a in view.actions()]
        self.assertEqual(keys.index("wonen-registratie"), keys_before.index("wonen-registratie"))
        self.assertEqual(len(keys), len(keys_before) + 1)

    def test_put_action_errors(self):
        put = self.store.put_action
        args = ("wonen-ander", "wonen", "Ander", "Een ander doel.")
        self.assert_fails_unchanged(InvalidError, 'theme: unknown theme "vervoer"', put, "wonen-ander", "vervoer", "Ander", "Doel.")
        self.assert_fails_unchanged(InvalidError, "in->due", put, *args, due="2024-02-30")
        self.assert_fails_unchanged(InvalidError, "in->owners[0].role is 2", put, *args, owners=[("Provincie", 2)])
        self.assert_fails_unchanged(InvalidError, "owners[0].role: 4294967296", put, *args, owners=[("Provincie", 2**32)])
        self.assert_fails_unchanged(InvalidError, "in->owners[0].name is NULL", put, *args, owners=[(None, 0)])
        self.assert_fails_unchanged(InvalidError, "in->scope[1] is not valid UTF-8", put, *args, scope=["CR37", b"\xc3("])
        self.assert_fails_unchanged(InvalidError, 'scope[0]: unknown region "Atlantis"', put, *args, scope=["Atlantis"])
        self.assert_fails_unchanged(InvalidError, "dangling reference", put, *args, see_also=["geen-actie"])
        self.assert_fails_unchanged(InvalidError, "see_also[0]", put, *args, see_also=["wonen-ander"])
        with self.assertRaises(TypeError):
            put(*args, owners=[("Provincie",)])

    # ---- indicators -----------------------------------------------------------------

    def test_put_indicator(self):
        keys_before = [i.key for i in self.view().indicators()]
        self.store.put_indicator(
            "housing_quality",
            "Kwaliteit huisvesting",
            IndicatorKind.ORDINAL,
            "Housing quality",
            levels=[("slecht", "Slecht"), ("redelijk", "Redelijk", "Fair"), Level("goed", "Goed", None)],
        )
        self.store.put_indicator("registrations", "Inschrijvingen", IndicatorKind.COUNT, unit="personen")
        self.store.put_indicator(
            "short_stay_policy",
            "Beleid short-stay",
            IndicatorKind.ORDINAL,
            levels=[("none", "Geen beleid"), ("in_preparation", "In voorbereiding"), ("adopted", "Vastgesteld")],
        )
        indicators = self.view().indicators()
        self.assertEqual([i.key for i in indicators], keys_before + ["housing_quality", "registrations"])
        self.assertEqual(
            indicators[-2],
            actielijst.Indicator(
                "housing_quality",
                "Kwaliteit huisvesting",
                "Housing quality",
                IndicatorKind.ORDINAL,
                None,
                (Level("slecht", "Slecht", None), Level("redelijk", "Redelijk", "Fair"), Level("goed", "Goed", None)),
                (),
            ),
        )
        self.assertEqual(
            indicators[-1],
            actielijst.Indicator("registrations", "Inschrijvingen", None, IndicatorKind.COUNT, "personen", (), ()),
        )
        short = indicators[keys_before.index("short_stay_policy")]
        self.assertEqual((short.label_nl, short.label_en), ("Beleid short-stay", None))
        self.assertEqual(short.levels[2], Level("adopted", "Vastgesteld", None))

    def test_indicator_actions(self):
        by_key = {i.key: i for i in self.view().indicators()}
        # The bundled list links its indicators to the actions they measure.
        self.assertEqual(by_key["short_stay_policy"].actions, ("wonen-lokaal-beleid",))
        self.assertEqual(by_key["international_workers_count"].actions, ("algemeen-monitoring",))
        self.store.put_indicator(
            "housing_quality",
            "Kwaliteit huisvesting",
            IndicatorKind.ORDINAL,
            levels=[("slecht", "Slecht"), ("goed", "Goed")],
            actions=["wonen-lokaal-beleid", "wonen-afspraken-huisvesting"],
        )
        self.store.put_indicator("registrations", "Inschrijvingen", IndicatorKind.COUNT, unit="personen")
        by_key = {i.key: i for i in self.view().indicators()}
        self.assertEqual(by_key["housing_quality"].actions, ("wonen-lokaal-beleid", "wonen-afspraken-huisvesting"))
        self.assertEqual(by_key["registrations"].actions, ())
        # A put replaces the whole definition, its actions included.
        self.store.put_indicator(
            "housing_quality",
            "Kwaliteit huisvesting",
            IndicatorKind.ORDINAL,
            levels=[("slecht", "Slecht"), ("goed", "Goed")],
            actions=("algemeen-monitoring",),
        )
        by_key = {i.key: i for i in self.view().indicators()}
        self.assertEqual(by_key["housing_quality"].actions, ("algemeen-monitoring",))
        exported = {i["key"]: i for i in json.loads(self.store.export_json())["indicators"]}
        self.assertEqual(exported["housing_quality"]["actions"], ["algemeen-monitoring"])
        self.assertNotIn("actions", exported["registrations"])

    def test_indicator_actions_errors(self):
        put = self.store.put_indicator
        levels = [("a", "A"), ("b", "B")]
        self.assert_fails_unchanged(
            InvalidError, 'actions[1]: unknown action "geen-actie"', put, "figure", "Cijfer", IndicatorKind.ORDINAL,
            levels=levels, actions=["wonen-lokaal-beleid", "geen-actie"],
        )
        self.assert_fails_unchanged(
            InvalidError, "actions[1]", put, "figure", "Cijfer", IndicatorKind.ORDINAL,
            levels=levels, actions=["wonen-lokaal-beleid", "wonen-lokaal-beleid"],
        )
        self.assert_fails_unchanged(
            InvalidError, "in->actions[0] is not valid UTF-8", put, "figure", "Cijfer", IndicatorKind.ORDINAL,
            levels=levels, actions=[b"\xff"],
        )

    def test_put_indicator_errors(self):
        put = self.store.put_indicator
        self.assert_fails_unchanged(InvalidError, "in->kind is 3", put, "figure", "Cijfer", 3)
        self.assert_fails_unchanged(InvalidError, "levels", put, "figure", "Cijfer", IndicatorKind.ORDINAL, levels=[("a", "A")])
        self.assert_fails_unchanged(
            InvalidError, "levels[1].key", put, "figure", "Cijfer", IndicatorKind.ORDINAL, levels=[("a", "A"), ("a", "B")]
        )
        self.assert_fails_unchanged(
            InvalidError,
            "in->levels[0].label_en is not valid UTF-8",
            put,
            "figure",
            "Cijfer",
            IndicatorKind.ORDINAL,
            levels=[("a", "A", b"\xff"), ("b", "B")],
        )
        self.assert_fails_unchanged(
            InvalidError, "unit", put, "figure", "Cijfer", IndicatorKind.ORDINAL, unit="stuks", levels=[("a", "A"), ("b", "B")]
        )
        self.assert_fails_unchanged(ConflictError, "kind", put, "short_stay_policy", "Short-stay", IndicatorKind.COUNT)
        self.assert_fails_unchanged(
            ConflictError,
            "levels",
            put,
            "short_stay_policy",
            "Short-stay",
            IndicatorKind.ORDINAL,
            levels=[("none", "Geen"), ("in_preparation", "Bezig")],
        )
        with self.assertRaises(TypeError):
            put("figure", "Cijfer", IndicatorKind.ORDINAL, levels=[("a",), ("b", "B")])


class DefaultStatesTest(TempDirCase):
    """A new store holds no progress states; Store.install_default_states adds the
    default keys it lacks and leaves stored states as they are."""

    DEFAULT_KEYS = [
        "not_started",
        "in_progress",
        "almost_done",
        "ongoing",
        "under_review",
        "stalled",
        "done",
        "no_action_needed",
    ]
    LIST = document(
        themes=[{"key": "wonen", "label": {"nl": "Wonen"}}],
        regions=[{"code": "PV20", "name": "Groningen", "kind": "province"}],
        actions=[{"key": "a1", "theme": "wonen", "title": "Huisvesting", "goal": "Beleid.", "scope": ["PV20"]}],
    )

    def new_store(self) -> actielijst.Store:
        store = self.open_store()
        store.import_json(self.LIST)
        return store

    def state_list(self, store: actielijst.Store) -> list:
        with store.view(END_2023) as view:
            return view.states()

    def test_a_new_store_has_none_until_asked(self):
        store = self.new_store()
        self.assertEqual(self.state_list(store), [])
        with self.assertRaises(InvalidError) as caught:
            store.record("a1", "PV20", "in_progress", "Gestart.", datetime.date(2023, 3, 1))
        self.assertIn('unknown state "in_progress"', str(caught.exception))

        self.assertEqual(store.install_default_states(), 8)
        self.assertEqual([s.key for s in self.state_list(store)], self.DEFAULT_KEYS)
        self.assertTrue(store.record("a1", "PV20", "in_progress", "Gestart.", datetime.date(2023, 3, 1)))

        before = store.export_json(include_contacts=True)
        self.assertEqual(store.install_default_states(), 0)
        self.assertEqual(store.export_json(include_contacts=True), before)

    def test_stored_states_stay_as_they_are(self):
        store = self.new_store()
        store.put_state("stalled", Category.BLOCKED, "Loopt vast")
        self.assertEqual(store.install_default_states(), 7)
        states = self.state_list(store)
        self.assertEqual(states[0], actielijst.State("stalled", Category.BLOCKED, "Loopt vast", None))
        self.assertEqual(sorted(s.key for s in states), sorted(self.DEFAULT_KEYS))

    def test_a_list_that_brings_all_eight_gets_nothing_more(self):
        store = self.limburg_store()
        before = store.export_json(include_contacts=True)
        self.assertEqual(store.install_default_states(), 0)
        self.assertEqual(store.export_json(include_contacts=True), before)

    def test_a_closed_store_is_refused(self):
        store = self.new_store()
        store.close()
        with self.assertRaises(InvalidError):
            store.install_default_states()


class InputInitTest(unittest.TestCase):
    """The input structs carry the header's defaults and LP64 sizes."""

    def test_defaults_come_from_the_library(self):
        cases = [
            (_native.ThemeInput, _native.lib.actielijst_theme_input_init, _native.THEME_INPUT_VERSION),
            (_native.RegionInput, _native.lib.actielijst_region_input_init, _native.REGION_INPUT_VERSION),
            (_native.StateInput, _native.lib.actielijst_state_input_init, _native.STATE_INPUT_VERSION),
            (_native.ActionInput, _native.lib.actielijst_action_input_init, _native.ACTION_INPUT_VERSION),
            (_native.IndicatorInput, _native.lib.actielijst_indicator_input_init, _native.INDICATOR_INPUT_VERSION),
        ]
        for struct, init, version in cases:
            inp = struct()
            init(ctypes.byref(inp), version)
            self.assertEqual(inp.version, version, struct.__name__)
            with self.assertRaises(actielijst.VersionError):
                init(ctypes.byref(inp), version + 1)
        region = _native.RegionInput()
        _native.lib.actielijst_region_input_init(ctypes.byref(region), _native.REGION_INPUT_VERSION)
        self.assertEqual(region.kind, RegionKind.MUNICIPALITY)
        indicator = _native.IndicatorInput()
        _native.lib.actielijst_indicator_input_init(ctypes.byref(indicator), _native.INDICATOR_INPUT_VERSION)
        self.assertEqual(indicator.kind, IndicatorKind.ORDINAL)

    @unittest.skipUnless(ctypes.sizeof(ctypes.c_void_p) == 8, "sizes below are for LP64")
    def test_struct_sizes_follow_the_lp64_c_layout(self):
        expected = {
            _native.ThemeInput: 32,
            _native.RegionInput: 56,
            _native.StateInput: 40,
            _native.OwnerInput: 16,
            _native.ActionInput: 96,
            _native.LevelInput: 24,
            _native.IndicatorInput: 80,
        }
        for struct, size in expected.items():
            self.assertEqual(ctypes.sizeof(struct), size, struct.__name__)


if __name__ == "__main__":
    unittest.main()
