"""Handles released in any order, explicitly or by the garbage collector."""

import gc
import itertools
import os
import subprocess
import sys
import textwrap

import actielijst

from support import MARCH_2023, TempDirCase

HERE = os.path.dirname(os.path.abspath(__file__))


class CleanupTest(TempDirCase):
    def setUp(self):
        super().setUp()
        self.limburg_store().close()

    def reopen(self):
        return actielijst.Store.open(self.path())

    def test_view_outlives_its_store(self):
        store = self.reopen()
        view = store.view(MARCH_2023)
        store.close()
        del store
        gc.collect()
        self.assertEqual(len(view.statuses()), 26)
        self.assertEqual(view.rollup("short_stay_policy", "CR37", "adopted").municipalities, 8)
        view.close()

    def test_iterator_outlives_its_view(self):
        with self.reopen() as store:
            view = store.view(MARCH_2023)
        it = view.iter_statuses()
        first = next(it)
        view.close()
        del view
        gc.collect()
        rest = list(it)
        self.assertEqual(len(rest) + 1, 26)
        self.assertEqual(first.as_of, MARCH_2023)

    def test_history_iterator_outlives_its_store(self):
        store = self.reopen()
        it = store.iter_history("wonen-regionaal-beleid")
        store.close()
        del store
        gc.collect()
        self.assertEqual(len(list(it)), 3)

    def test_every_release_order(self):
        names = ("store", "view", "iter", "history", "contacts")
        for order in itertools.permutations(names):
            store = self.reopen()
            view = store.view(MARCH_2023)
            objects = {
                "store": store,
                "view": view,
                "iter": view.iter_regions(),
                "history": store.iter_history("wonen-regionaal-beleid", "CR37"),
                "contacts": store.iter_contacts(),
            }
            next(objects["iter"])
            del store, view
            for name in order:
                del objects[name]
                gc.collect()

    def test_every_explicit_close_order(self):
        for order in itertools.permutations(range(3)):
            store = self.reopen()
            view = store.view(MARCH_2023)
            it = view.iter_actions()
            objects = [store, view, it]
            for i in order:
                objects[i].close()
            for obj in objects:
                obj.close()  # twice is harmless
            self.assertTrue(store.closed and view.closed)
            self.assertEqual(list(it), [])

    def test_close_twice_and_with_blocks(self):
        with self.reopen() as store:
            with store.view(MARCH_2023) as view:
                with view.iter_themes() as it:
                    self.assertEqual(next(it).key, "wonen")
                self.assertEqual(list(it), [])
            self.assertTrue(view.closed)
        self.assertTrue(store.closed)
        store.close()
        view.close()
        it.close()

    def test_exhausted_iterator_keeps_stopping(self):
        with self.reopen() as store, store.view(MARCH_2023) as view:
            it = view.iter_themes()
            self.assertEqual(len(list(it)), 4)
            with self.assertRaises(StopIteration):
                next(it)
            self.assertIs(iter(it), it)

    def test_records_outlive_all_handles(self):
        store = self.reopen()
        view = store.view(MARCH_2023)
        action = view.action("wonen-regionaal-beleid")
        regions = view.regions()
        indicators = view.indicators()
        store.close()
        view.close()
        del store, view
        gc.collect()
        self.assertEqual(action.scope, ("CR37", "CR38", "CR39"))
        self.assertEqual(regions[1].aliases, ("Noord", "Regio Noord"))
        self.assertEqual(len(indicators[0].levels), 3)

    def test_many_handles_collected_unordered(self):
        keep = []
        for i in range(50):
            store = self.reopen()
            view = store.view(MARCH_2023)
            keep.append((view.iter_statuses(), store.iter_contacts(), view, store)[i % 4])
        keep.reverse()
        del keep[::2]
        gc.collect()
        del keep
        gc.collect()

    def test_interpreter_exit_with_open_handles(self):
        script = textwrap.dedent(
            f"""
            import datetime, actielijst
            store = actielijst.Store.open({self.path()!r})
            view = store.view(datetime.date(2023, 3, 1))
            it = view.iter_statuses()
            next(it)
            hist = store.iter_history("wonen-regionaal-beleid")
            cycle = [store, view, it, hist]
            cycle.append(cycle)
            """
        )
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.dirname(os.path.dirname(actielijst.__file__)), env.get("PYTHONPATH")]))
        result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
