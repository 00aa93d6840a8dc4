"""Threads: different handles at once; error messages are per thread."""

import threading

import actielijst

from support import MARCH_2023, TempDirCase


class ThreadTest(TempDirCase):
    def test_error_messages_are_per_thread(self):
        self.limburg_store()
        failures = []
        barrier = threading.Barrier(4)

        def work(n):
            try:
                with actielijst.Store.open(self.path()) as store, store.view(MARCH_2023) as view:
                    barrier.wait()
                    for i in range(200):
                        key = f"geen-actie-{n}-{i}"
                        try:
                            view.action(key)
                        except actielijst.NotFoundError as exc:
                            if key not in exc.message:
                                failures.append((key, exc.message))
                        else:
                            failures.append((key, "no error"))
                        self.assertEqual(len(view.statuses()), 26)
            except Exception as exc:  # noqa: BLE001 - reported below
                failures.append((n, repr(exc)))

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])

    def test_a_view_shared_between_threads(self):
        store = self.limburg_store()
        view = store.view(MARCH_2023)
        self.addCleanup(view.close)
        results = []

        def work():
            for _ in range(50):
                results.append(len(view.regions()))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(set(results), {35})
