/*
 * Handle lifetime: a freed handle, a handle of the wrong type and a pointer that was
 * never a handle are refused with EINVALID naming the argument (and ignored by the
 * _free functions), without the library reading the memory they point to; handles
 * may be freed in any order; slots are reused and a stale handle still never
 * matches. ctest also runs this program under valgrind (capi_handles_valgrind), which
 * fails on any read of freed memory.
 *
 *   test_capi_handles <path to limburg.json>
 */
#define _POSIX_C_SOURCE 200809L /* pthreads */

#include "test_support.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define AS_OF "2023-03-01"
#define FREED "(freed, or not one)"

/* A message contains both `function` and `what`. */
static int message_has(const char *function, const char *what) {
    const char *m = actielijst_error_message();
    return strstr(m, function) != NULL && strstr(m, what) != NULL;
}

static actielijst_view *view_of(actielijst_store *s) {
    actielijst_view *v = NULL;
    CHECK_OK(actielijst_store_view(s, AS_OF, &v));
    return v;
}

/* Freeing twice: the second free is ignored, and the handle stays dead. */
static void test_double_free(actielijst_store *s) {
    actielijst_view *v = view_of(s);
    actielijst_status_iter *it = NULL;
    actielijst_rules *r = NULL;
    actielijst_filter *f = NULL;
    actielijst_status_rec rec;

    CHECK_OK(actielijst_status_iter_new(v, NULL, &it));
    CHECK_OK(actielijst_rules_load_default(v, &r));
    CHECK_OK(actielijst_filter_new("theme = \"wonen\"", v, &f));

    actielijst_view_free(v);
    actielijst_view_free(v);
    actielijst_status_iter_free(it);
    actielijst_status_iter_free(it);
    actielijst_rules_free(r);
    actielijst_rules_free(r);
    actielijst_filter_free(f);
    actielijst_filter_free(f);

    CHECK(actielijst_view_as_of(v) == NULL);
    CHECK(actielijst_view_selection(v) == NULL);
    CHECK_FAILS(actielijst_status_iter_next(it, &rec), ACTIELIJST_EINVALID, FREED);
}

/* Every use of a freed handle fails with EINVALID naming the function and argument. */
static void test_use_after_free(const char *dir, const char *json, size_t len) {
    actielijst_store *s = open_with(dir, "freed.db", json, len);
    actielijst_view *v, *v2;
    actielijst_status_iter *it = NULL;
    actielijst_rules *r = NULL;
    actielijst_filter *f = NULL;
    actielijst_evaluation *e = NULL;
    actielijst_diff *d = NULL;
    actielijst_rule_iter *ri = NULL;
    actielijst_status_rec rec;
    actielijst_action_rec arec;
    actielijst_buf buf = {NULL, 0};
    actielijst_view *no_view = NULL;
    actielijst_action_iter *no_actions = NULL;
    size_t count = 0;
    int32_t match = -1;

    CHECK(s != NULL);
    if (!s) return;
    v = view_of(s);
    v2 = view_of(s);
    CHECK_OK(actielijst_status_iter_new(v, NULL, &it));
    CHECK_OK(actielijst_rules_load_default(v, &r));
    CHECK_OK(actielijst_rule_iter_new(r, &ri));
    CHECK_OK(actielijst_filter_new("theme = \"wonen\"", v, &f));
    CHECK_OK(actielijst_rules_evaluate(r, v, &e));
    CHECK_OK(actielijst_diff_new(v, v2, &d));

    actielijst_status_iter_free(it);
    CHECK_FAILS(actielijst_status_iter_next(it, &rec), ACTIELIJST_EINVALID,
                "actielijst_status_iter_next: it is not a valid actielijst_status_iter handle " FREED);

    actielijst_rule_iter_free(ri);
    actielijst_rules_free(r);
    CHECK_FAILS(actielijst_rule_iter_new(r, &ri), ACTIELIJST_EINVALID,
                "actielijst_rule_iter_new: rules is not a valid actielijst_rules handle " FREED);
    CHECK_FAILS(actielijst_rules_evaluate(r, v, &e), ACTIELIJST_EINVALID,
                "rules is not a valid actielijst_rules handle");

    actielijst_filter_free(f);
    CHECK_FAILS(actielijst_filter_matches(f, v, "wonen-registratie", &match), ACTIELIJST_EINVALID,
                "actielijst_filter_matches: filter is not a valid actielijst_filter handle " FREED);
    CHECK_FAILS(actielijst_store_view_where(s, AS_OF, f, &no_view), ACTIELIJST_EINVALID,
                "actielijst_store_view_where: filter is not a valid actielijst_filter handle");
    CHECK(match == -1 && no_view == NULL);

    actielijst_evaluation_free(e);
    CHECK_FAILS(actielijst_evaluation_counts(e, &count, NULL), ACTIELIJST_EINVALID,
                "actielijst_evaluation_counts: evaluation is not a valid actielijst_evaluation handle");

    actielijst_diff_free(d);
    CHECK_FAILS(actielijst_diff_count(d, &count), ACTIELIJST_EINVALID,
                "actielijst_diff_count: diff is not a valid actielijst_diff handle " FREED);

    actielijst_view_free(v);
    CHECK_FAILS(actielijst_view_action(v, "wonen-registratie", &arec), ACTIELIJST_EINVALID,
                "actielijst_view_action: view is not a valid actielijst_view handle " FREED);
    CHECK_FAILS(actielijst_status_iter_new(v, NULL, &it), ACTIELIJST_EINVALID,
                "actielijst_status_iter_new: view is not a valid actielijst_view handle");
    CHECK_FAILS(actielijst_diff_new(v2, v, &d), ACTIELIJST_EINVALID, "after is not a valid actielijst_view handle");
    CHECK_FAILS(actielijst_action_iter_new(v, NULL, &no_actions), ACTIELIJST_EINVALID, "view is not");
    CHECK(actielijst_view_as_of(v) == NULL);
    CHECK(no_actions == NULL);

    actielijst_store_free(s);
    CHECK_FAILS(actielijst_store_export_json(s, NULL, &buf), ACTIELIJST_EINVALID,
                "actielijst_store_export_json: store is not a valid actielijst_store handle " FREED);
    CHECK_FAILS(actielijst_store_view(s, AS_OF, &no_view), ACTIELIJST_EINVALID,
                "actielijst_store_view: store is not a valid actielijst_store handle");
    CHECK(buf.data == NULL && no_view == NULL);

    /* The second view outlived its store. */
    CHECK(strcmp(actielijst_view_as_of(v2), AS_OF) == 0);
    actielijst_view_free(v2);
}

/* Pointers that never were handles: a local struct, small and odd numbers, all bits
 * set, and a live handle's value with other bits changed. */
static void test_foreign(actielijst_store *s) {
    struct {
        uint32_t magic;
        double padding[15];
    } local;
    const uintptr_t numbers[] = {0x1234, 0x1235, 0x1, 0xFFFF, (uintptr_t)-1, (uintptr_t)-2};
    actielijst_view *v = view_of(s);
    const uintptr_t real = (uintptr_t)v;
    actielijst_buf buf = {NULL, 0};
    actielijst_status_rec rec;
    size_t i;

    memset(&local, 0xA5, sizeof local);
    CHECK_FAILS(actielijst_store_export_json((actielijst_store *)&local, NULL, &buf), ACTIELIJST_EINVALID,
                "store is not a valid actielijst_store handle " FREED);
    CHECK_FAILS(actielijst_view_action((actielijst_view *)&local, "x", NULL), ACTIELIJST_EINVALID,
                "view is not a valid actielijst_view handle");
    CHECK(actielijst_view_as_of((actielijst_view *)&local) == NULL);
    actielijst_view_free((actielijst_view *)&local); /* not ours: ignored */
    actielijst_store_free((actielijst_store *)&local);

    for (i = 0; i < sizeof numbers / sizeof numbers[0]; ++i) {
        actielijst_view *fake = (actielijst_view *)numbers[i];
        CHECK_FAILS(actielijst_status_iter_new(fake, NULL, NULL), ACTIELIJST_EINVALID,
                    "view is not a valid actielijst_view handle");
        CHECK_FAILS(actielijst_status_iter_next((actielijst_status_iter *)numbers[i], &rec), ACTIELIJST_EINVALID,
                    "it is not a valid actielijst_status_iter handle");
        CHECK(actielijst_view_as_of(fake) == NULL);
        actielijst_view_free(fake);
        actielijst_status_iter_free((actielijst_status_iter *)numbers[i]);
    }
    /* The live handle's value with one bit flipped, for every bit: never a live view. */
    for (i = 0; i < sizeof(uintptr_t) * 8; ++i) {
        actielijst_view *fake = (actielijst_view *)(real ^ ((uintptr_t)1 << i));
        if (!fake) continue;
        CHECK(actielijst_view_as_of(fake) == NULL);
        actielijst_view_free(fake);
    }
    CHECK(strcmp(actielijst_view_as_of(v), AS_OF) == 0); /* none of that touched the real one */
    actielijst_view_free(v);
    CHECK(buf.data == NULL);
}

/* A handle of another type is refused, naming what it is; freeing it through the
 * wrong _free is ignored. */
static void test_wrong_kind(actielijst_store *s) {
    actielijst_view *v = view_of(s);
    actielijst_status_iter *it = NULL;
    actielijst_rules *r = NULL;
    actielijst_buf buf = {NULL, 0};
    actielijst_status_rec rec;
    size_t count = 0;

    CHECK_OK(actielijst_status_iter_new(v, NULL, &it));
    CHECK_OK(actielijst_rules_load_default(NULL, &r));

    CHECK_FAILS(actielijst_store_export_json((actielijst_store *)v, NULL, &buf), ACTIELIJST_EINVALID,
                "actielijst_store_export_json: store is not a valid actielijst_store handle (it is an actielijst_view)");
    CHECK(message_has("actielijst_store_export_json", "store"));
    CHECK_FAILS(actielijst_status_iter_new((actielijst_view *)s, NULL, &it), ACTIELIJST_EINVALID,
                "view is not a valid actielijst_view handle (it is an actielijst_store)");
    CHECK_FAILS(actielijst_theme_iter_next((actielijst_theme_iter *)it, NULL), ACTIELIJST_EINVALID,
                "it is not a valid actielijst_theme_iter handle (it is an actielijst_status_iter)");
    CHECK_FAILS(actielijst_diff_count((actielijst_diff *)r, &count), ACTIELIJST_EINVALID,
                "diff is not a valid actielijst_diff handle (it is an actielijst_rules)");
    CHECK(actielijst_view_as_of((actielijst_view *)it) == NULL);

    actielijst_store_free((actielijst_store *)v); /* wrong type: ignored */
    actielijst_view_free((actielijst_view *)it);
    actielijst_rules_free((actielijst_rules *)s);
    CHECK(strcmp(actielijst_view_as_of(v), AS_OF) == 0);
    CHECK_OK(actielijst_status_iter_next(it, &rec));
    CHECK_OK(actielijst_store_export_json(s, NULL, &buf));
    actielijst_buf_dispose(&buf);

    actielijst_rules_free(r);
    actielijst_status_iter_free(it);
    actielijst_view_free(v);
}

/* Parents may go first: a view outlives its store, an iterator its view. */
static void test_any_order(const char *dir, const char *json, size_t len) {
    actielijst_store *s = open_with(dir, "order.db", json, len);
    actielijst_view *v;
    actielijst_status_iter *it = NULL;
    actielijst_rules *r = NULL;
    actielijst_evaluation *e = NULL;
    actielijst_finding_iter *fi = NULL;
    actielijst_status_rec rec;
    actielijst_finding_rec frec;
    int n = 0;

    CHECK(s != NULL);
    if (!s) return;
    v = view_of(s);
    CHECK_OK(actielijst_status_iter_new(v, NULL, &it));
    CHECK_OK(actielijst_rules_load_default(v, &r));
    CHECK_OK(actielijst_rules_evaluate(r, v, &e));
    CHECK_OK(actielijst_finding_iter_new(e, &fi));
    actielijst_store_free(s);
    actielijst_rules_free(r);
    actielijst_view_free(v);
    actielijst_evaluation_free(e);
    while (actielijst_status_iter_next(it, &rec) == ACTIELIJST_OK) {
        CHECK(strcmp(rec.as_of, "") != 0);
        ++n;
    }
    CHECK(n > 0);
    while (actielijst_finding_iter_next(fi, &frec) == ACTIELIJST_OK) CHECK(strlen(frec.rule) > 0);
    actielijst_finding_iter_free(fi);
    actielijst_status_iter_free(it);
}

#define MANY 3000

/* Many handles at once (the table grows), freed out of order; then many created and
 * freed one at a time, so freed slots are reused. No stale value ever works again. */
static void test_reuse(actielijst_store *s) {
    static actielijst_status_iter *live[MANY];
    static actielijst_status_iter *stale[3 * MANY];
    size_t nstale = 0, i, refused = 0;
    actielijst_view *v = view_of(s);
    actielijst_view *old_view = view_of(s);
    actielijst_status_rec rec;
    size_t revived = 0;
#if UINTPTR_MAX > 0xFFFFFFFFu
    size_t same_slot = 0;
#endif

    for (i = 0; i < MANY; ++i) {
        live[i] = NULL;
        CHECK_OK(actielijst_status_iter_new(v, NULL, &live[i]));
    }
    for (i = 0; i < MANY; ++i) CHECK_OK(actielijst_status_iter_next(live[i], &rec));
    /* Every other one, then the rest backwards. */
    for (i = 0; i < MANY; i += 2) {
        actielijst_status_iter_free(live[i]);
        stale[nstale++] = live[i];
    }
    for (i = MANY; i-- > 0;) {
        if (i % 2 == 0) continue;
        actielijst_status_iter_free(live[i]);
        stale[nstale++] = live[i];
    }
    actielijst_view_free(old_view); /* its slot is reused by iterators below */

    for (i = 0; i < 2 * MANY; ++i) {
        actielijst_status_iter *it = NULL;
        CHECK_OK(actielijst_status_iter_new(v, NULL, &it));
        CHECK_OK(actielijst_status_iter_next(it, &rec));
        /* While `it` lives, stale handles stay dead; above all those of its own slot.
         * Only to find those: the low 32 bits of a value are its slot and type
         * (capi/args.hpp), the high 32 bits the slot's generation. */
#if UINTPTR_MAX > 0xFFFFFFFFu
        {
            size_t k;
            for (k = 0; k < nstale; ++k)
                if (((uintptr_t)stale[k] & 0xFFFFFFFFu) == ((uintptr_t)it & 0xFFFFFFFFu)) {
                    ++same_slot;
                    if (stale[k] == it || actielijst_status_iter_next(stale[k], &rec) != ACTIELIJST_EINVALID)
                        ++revived;
                }
        }
#endif
        if (actielijst_status_iter_next(stale[i % nstale], &rec) != ACTIELIJST_EINVALID) ++revived;
        actielijst_status_iter_free(it);
        if (i < MANY) stale[nstale++] = it;
    }
    CHECK(revived == 0);
#if UINTPTR_MAX > 0xFFFFFFFFu
    CHECK(same_slot > 0);
#endif

    for (i = 0; i < nstale; ++i)
        if (actielijst_status_iter_next(stale[i], &rec) == ACTIELIJST_EINVALID &&
            message_has("actielijst_status_iter_next", FREED))
            ++refused;
    CHECK(refused == nstale);
    CHECK_FAILS(actielijst_view_action(old_view, "wonen-registratie", NULL), ACTIELIJST_EINVALID, FREED);
    CHECK(actielijst_view_as_of(old_view) == NULL);
    CHECK(strcmp(actielijst_view_as_of(v), AS_OF) == 0);
    actielijst_view_free(v);
}

/* Threads creating, using and freeing their own handles on one shared view, each
 * checking that its stale handles stay dead while the others reuse slots. */
#define THREADS 4
#define ROUNDS 400

struct worker {
    actielijst_view *view;
    int failed;
};

static void *work(void *arg) {
    struct worker *w = arg;
    actielijst_status_iter *mine[ROUNDS];
    actielijst_status_rec rec;
    int i, k;
    for (i = 0; i < ROUNDS; ++i) {
        actielijst_status_iter *it = NULL;
        if (actielijst_status_iter_new(w->view, NULL, &it) != ACTIELIJST_OK) ++w->failed;
        if (actielijst_status_iter_next(it, &rec) != ACTIELIJST_OK) ++w->failed;
        actielijst_status_iter_free(it);
        mine[i] = it;
        for (k = i; k >= 0 && k > i - 8; --k)
            if (actielijst_status_iter_next(mine[k], &rec) != ACTIELIJST_EINVALID) ++w->failed;
    }
    for (i = 0; i < ROUNDS; ++i)
        if (actielijst_status_iter_next(mine[i], &rec) != ACTIELIJST_EINVALID) ++w->failed;
    return NULL;
}

static void test_threads(actielijst_store *s) {
    struct worker workers[THREADS];
    pthread_t threads[THREADS];
    actielijst_view *v = view_of(s);
    int i, started = 0;
    for (i = 0; i < THREADS; ++i) {
        workers[i].view = v;
        workers[i].failed = 0;
        if (pthread_create(&threads[i], NULL, work, &workers[i]) == 0) ++started;
        else
            break;
    }
    CHECK(started == THREADS);
    for (i = 0; i < started; ++i) {
        pthread_join(threads[i], NULL);
        CHECK(workers[i].failed == 0);
    }
    actielijst_view_free(v);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    s = open_with(dir, "handles.db", json, len);
    CHECK(s != NULL);
    if (s) {
        test_double_free(s);
        test_foreign(s);
        test_wrong_kind(s);
        test_reuse(s);
        test_threads(s);
        actielijst_store_free(s);
        actielijst_store_free(s);
    }
    test_use_after_free(dir, json, len);
    test_any_order(dir, json, len);
    free(json);
    remove_dir(dir);
    return report();
}
