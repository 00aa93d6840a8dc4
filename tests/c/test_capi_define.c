/*
 * The typed definition writes of the C API: put_theme, put_region, put_state,
 * put_action and put_indicator, and their _input_init functions. Each success is
 * read back through a view; a put of an existing key updates it in place; every
 * failed put must leave the store exactly as it was.
 *
 *   test_capi_define <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

#define AS_OF "2023-12-31"

/* The store and its export before a series of failing puts. */
static actielijst_store *store;
static actielijst_buf before;
/* The list prefix a one-entry merge must not leak into messages ("themes[0]."). */
static const char *list_prefix = "";

/* A put fails with `code` and a message containing `needle`, without the list
 * prefix, and the store is exactly as it was. */
#define CHECK_PUT_FAILS(call, code, needle)                                        \
    do {                                                                           \
        CHECK_FAILS(call, code, needle);                                           \
        CHECK(strstr(actielijst_error_message(), list_prefix) == NULL);            \
        CHECK(unchanged(store, &before));                                          \
    } while (0)

static void begin_failures(const char *prefix) {
    before = export_all(store);
    list_prefix = prefix;
}

static void end_failures(void) {
    CHECK(unchanged(store, &before));
    actielijst_buf_dispose(&before);
}

static actielijst_view *view_now(void) {
    actielijst_view *v = NULL;
    CHECK(actielijst_store_view(store, AS_OF, &v) == ACTIELIJST_OK);
    return v;
}

/* Positions (0-based) of a key in each list of a fresh view; -1 when absent.
 * *count (may be NULL) receives the length of the list. */
static int theme_index(const char *key, int *count, actielijst_theme_rec *found) {
    actielijst_view *v = view_now();
    actielijst_theme_iter *it = NULL;
    actielijst_theme_rec r;
    int i = 0, at = -1;
    if (!v) return -1;
    CHECK(actielijst_theme_iter_new(v, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while (it && actielijst_theme_iter_next(it, &r) == ACTIELIJST_OK) {
        if (strcmp(r.key, key) == 0) {
            at = i;
            if (found) {
                CHECK(strcmp(r.label_nl, found->label_nl) == 0);
                CHECK(strcmp(r.label_en, found->label_en) == 0);
            }
        }
        ++i;
    }
    actielijst_theme_iter_free(it);
    if (count) *count = i;
    return at;
}

static int region_index(const char *code, int *count) {
    actielijst_view *v = view_now();
    actielijst_region_iter *it = NULL;
    actielijst_region_rec r;
    int i = 0, at = -1;
    if (!v) return -1;
    CHECK(actielijst_region_iter_new(v, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while (it && actielijst_region_iter_next(it, &r) == ACTIELIJST_OK) {
        if (strcmp(r.code, code) == 0) at = i;
        ++i;
    }
    actielijst_region_iter_free(it);
    if (count) *count = i;
    return at;
}

static int state_index(const char *key, int *count, actielijst_state_rec *found) {
    actielijst_view *v = view_now();
    actielijst_state_iter *it = NULL;
    actielijst_state_rec r;
    int i = 0, at = -1;
    if (!v) return -1;
    CHECK(actielijst_state_iter_new(v, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while (it && actielijst_state_iter_next(it, &r) == ACTIELIJST_OK) {
        if (strcmp(r.key, key) == 0) {
            at = i;
            if (found) {
                CHECK(r.category == found->category);
                CHECK(strcmp(r.label_nl, found->label_nl) == 0);
                CHECK(strcmp(r.label_en, found->label_en) == 0);
            }
        }
        ++i;
    }
    actielijst_state_iter_free(it);
    if (count) *count = i;
    return at;
}

static int action_index(const char *key, int *count) {
    actielijst_view *v = view_now();
    actielijst_action_iter *it = NULL;
    actielijst_action_rec r;
    int i = 0, at = -1;
    if (!v) return -1;
    CHECK(actielijst_action_iter_new(v, NULL, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while (it && actielijst_action_iter_next(it, &r) == ACTIELIJST_OK) {
        if (strcmp(r.key, key) == 0) at = i;
        ++i;
    }
    actielijst_action_iter_free(it);
    if (count) *count = i;
    return at;
}

/* The indicator `key` is at the returned position; *copy receives its record's
 * scalar fields and up to 4 levels (keys and labels copied into `text`). */
typedef struct indicator_copy {
    int32_t kind;
    char label_nl[64], label_en[64], unit[64];
    uint32_t level_count;
    char level_key[4][32], level_nl[4][64], level_en[4][64];
} indicator_copy;

static void copy_text(char *to, size_t size, const char *from) {
    strncpy(to, from, size - 1);
    to[size - 1] = '\0';
}

static int indicator_index(const char *key, int *count, indicator_copy *copy) {
    actielijst_view *v = view_now();
    actielijst_indicator_iter *it = NULL;
    actielijst_indicator_rec r;
    int i = 0, at = -1;
    uint32_t k;
    if (!v) return -1;
    CHECK(actielijst_indicator_iter_new(v, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while (it && actielijst_indicator_iter_next(it, &r) == ACTIELIJST_OK) {
        if (strcmp(r.key, key) == 0) {
            at = i;
            if (copy) {
                copy->kind = r.kind;
                copy_text(copy->label_nl, sizeof copy->label_nl, r.label_nl);
                copy_text(copy->label_en, sizeof copy->label_en, r.label_en);
                copy_text(copy->unit, sizeof copy->unit, r.unit);
                copy->level_count = r.level_count;
                for (k = 0; k < r.level_count && k < 4; ++k) {
                    copy_text(copy->level_key[k], sizeof copy->level_key[k], r.levels[k].key);
                    copy_text(copy->level_nl[k], sizeof copy->level_nl[k], r.levels[k].label_nl);
                    copy_text(copy->level_en[k], sizeof copy->level_en[k], r.levels[k].label_en);
                }
            }
        }
        ++i;
    }
    actielijst_indicator_iter_free(it);
    if (count) *count = i;
    return at;
}

/* ---- _input_init ---------------------------------------------------------- */

static void test_inits(void) {
    actielijst_theme_input t;
    actielijst_region_input r;
    actielijst_state_input st;
    actielijst_action_input a;
    actielijst_indicator_input ind;
    const actielijst_theme_input t0 = ACTIELIJST_THEME_INPUT_INIT;
    const actielijst_region_input r0 = ACTIELIJST_REGION_INPUT_INIT;
    const actielijst_state_input st0 = ACTIELIJST_STATE_INPUT_INIT;
    const actielijst_action_input a0 = ACTIELIJST_ACTION_INPUT_INIT;
    const actielijst_indicator_input ind0 = ACTIELIJST_INDICATOR_INPUT_INIT;

    memset(&t, 0x11, sizeof t);
    CHECK_OK(actielijst_theme_input_init(&t, ACTIELIJST_THEME_INPUT_VERSION));
    CHECK(t.version == t0.version && t.version == ACTIELIJST_THEME_INPUT_VERSION);
    CHECK(t.key == NULL && t.label_nl == NULL && t.label_en == NULL);
    CHECK_FAILS(actielijst_theme_input_init(NULL, ACTIELIJST_THEME_INPUT_VERSION), ACTIELIJST_EINVALID, "in is NULL");
    CHECK_FAILS(actielijst_theme_input_init(&t, 2), ACTIELIJST_EVERSION, "version");
    CHECK_FAILS(actielijst_theme_input_init(&t, 0), ACTIELIJST_EVERSION, "version");

    memset(&r, 0x11, sizeof r);
    CHECK_OK(actielijst_region_input_init(&r, ACTIELIJST_REGION_INPUT_VERSION));
    CHECK(r.version == r0.version && r.version == ACTIELIJST_REGION_INPUT_VERSION);
    CHECK(r.code == NULL && r.name == NULL && r.parent == NULL && r.aliases == NULL && r.alias_count == 0);
    CHECK(r.kind == r0.kind && r.kind == ACTIELIJST_REGION_MUNICIPALITY);
    CHECK_FAILS(actielijst_region_input_init(NULL, ACTIELIJST_REGION_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_region_input_init(&r, 2), ACTIELIJST_EVERSION, "version");

    memset(&st, 0x11, sizeof st);
    CHECK_OK(actielijst_state_input_init(&st, ACTIELIJST_STATE_INPUT_VERSION));
    CHECK(st.version == st0.version && st.version == ACTIELIJST_STATE_INPUT_VERSION);
    CHECK(st.key == NULL && st.label_nl == NULL && st.label_en == NULL);
    CHECK(st.category == st0.category && st.category == ACTIELIJST_CATEGORY_TODO);
    CHECK_FAILS(actielijst_state_input_init(NULL, ACTIELIJST_STATE_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_state_input_init(&st, 99), ACTIELIJST_EVERSION, "version");

    memset(&a, 0x11, sizeof a);
    CHECK_OK(actielijst_action_input_init(&a, ACTIELIJST_ACTION_INPUT_VERSION));
    CHECK(a.version == a0.version && a.version == ACTIELIJST_ACTION_INPUT_VERSION);
    CHECK(a.key == NULL && a.theme == NULL && a.title == NULL && a.goal == NULL && a.due == NULL);
    CHECK(a.owner_count == 0 && a.owners == NULL && a.scope_count == 0 && a.scope == NULL);
    CHECK(a.see_also_count == 0 && a.see_also == NULL);
    CHECK_FAILS(actielijst_action_input_init(NULL, ACTIELIJST_ACTION_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_action_input_init(&a, 0), ACTIELIJST_EVERSION, "version");

    memset(&ind, 0x11, sizeof ind);
    CHECK_OK(actielijst_indicator_input_init(&ind, ACTIELIJST_INDICATOR_INPUT_VERSION));
    CHECK(ind.version == ind0.version && ind.version == ACTIELIJST_INDICATOR_INPUT_VERSION);
    CHECK(ind.key == NULL && ind.label_nl == NULL && ind.label_en == NULL && ind.unit == NULL);
    CHECK(ind.kind == ind0.kind && ind.kind == ACTIELIJST_INDICATOR_ORDINAL);
    CHECK(ind.level_count == 0 && ind.levels == NULL);
    CHECK(ind.action_count == ind0.action_count && ind.action_count == 0 && ind.actions == NULL);
    CHECK_FAILS(actielijst_indicator_input_init(NULL, ACTIELIJST_INDICATOR_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_indicator_input_init(&ind, 3), ACTIELIJST_EVERSION, "version");
    CHECK_FAILS(actielijst_indicator_input_init(&ind, 0), ACTIELIJST_EVERSION, "version");

    /* A caller built against version 1 of the indicator input has the shorter struct:
     * only its fields are written. */
    {
        unsigned char *tail = (unsigned char *)&ind.action_count;
        memset(&ind, 0x5A, sizeof ind);
        CHECK_OK(actielijst_indicator_input_init(&ind, 1));
        CHECK(ind.version == 1 && ind.key == NULL && ind.kind == ACTIELIJST_INDICATOR_ORDINAL && ind.levels == NULL);
        CHECK(tail[0] == 0x5A && tail[3] == 0x5A); /* action_count untouched: not part of version 1 */
        CHECK(ind.actions != NULL);                 /* nor actions */
    }
}

/* ---- Themes ------------------------------------------------------------------ */

static void test_theme(void) {
    actielijst_theme_input in = ACTIELIJST_THEME_INPUT_INIT;
    actielijst_theme_rec want;
    int n_before = 0, n = 0, at;

    CHECK(theme_index("wonen", &n_before, NULL) == 0);
    in.key = "migratie";
    in.label_nl = "Migratie";
    CHECK_OK(actielijst_store_put_theme(store, &in));
    want.label_nl = "Migratie";
    want.label_en = "";
    CHECK(theme_index("migratie", &n, &want) == n_before); /* new keys go last */
    CHECK(n == n_before + 1);

    /* Re-put of an existing key: updated in place. */
    in.key = "wonen";
    in.label_nl = "Wonen en huisvesting";
    in.label_en = "Housing";
    CHECK_OK(actielijst_store_put_theme(store, &in));
    want.label_nl = "Wonen en huisvesting";
    want.label_en = "Housing";
    at = theme_index("wonen", &n, &want);
    CHECK(at == 0 && n == n_before + 1);
    in.label_en = ""; /* "" is none */
    CHECK_OK(actielijst_store_put_theme(store, &in));
    want.label_en = "";
    CHECK(theme_index("wonen", NULL, &want) == 0);

    begin_failures("themes[0].");
    in = (actielijst_theme_input)ACTIELIJST_THEME_INPUT_INIT;
    in.key = "vervoer";
    in.label_nl = "Vervoer";
    CHECK_PUT_FAILS(actielijst_store_put_theme(NULL, &in), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 2;
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = 0;
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_THEME_INPUT_VERSION;
    in.key = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EINVALID,
                    "actielijst_store_put_theme: in->key is NULL");
    in.key = "vervoer";
    in.label_nl = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EINVALID, "in->label_nl is NULL");
    in.label_nl = "Vervoer\xff";
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EINVALID, "in->label_nl is not valid UTF-8");
    in.label_nl = "Vervoer";
    in.label_en = "Transport\xc3";
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EINVALID, "in->label_en is not valid UTF-8");
    in.label_en = NULL;
    in.key = "geen sleutel";
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EINVALID, "key");
    in.key = "vervoer";
    in.label_nl = "";
    CHECK_PUT_FAILS(actielijst_store_put_theme(store, &in), ACTIELIJST_EINVALID, "label_nl");
    CHECK(strstr(actielijst_error_message(), "label.nl") == NULL);
    end_failures();
}

/* ---- Regions ----------------------------------------------------------------- */

static void test_region(void) {
    actielijst_region_input in = ACTIELIJST_REGION_INPUT_INIT;
    const char *aliases[] = {"Nieuw", "ND"};
    const char *bad_aliases[] = {"Goed", NULL};
    const char *utf8_aliases[] = {"Bees\xe9l"};
    const char *same_as_name[] = {"beesel"};
    const char *a_code[] = {"cr38"};
    const char *one_alias[] = {"Beesel-Reuver"};
    actielijst_view *v;
    actielijst_region_rec r;
    int n_before = 0, n = 0, at_before, at;

    at_before = region_index("GM0889", &n_before);
    CHECK(at_before >= 0);

    /* An existing region, updated in place (regions list parents first, so its
     * position is compared before new regions are added). */
    in.code = "GM0889";
    in.name = "Beesel";
    in.parent = "CR37";
    in.alias_count = 1;
    in.aliases = one_alias;
    CHECK_OK(actielijst_store_put_region(store, &in));
    at = region_index("GM0889", &n);
    CHECK(at == at_before && n == n_before);

    /* A new municipality, its parent given by alias. */
    in = (actielijst_region_input)ACTIELIJST_REGION_INPUT_INIT;
    in.code = "GM9999";
    in.name = "Nieuwdorp";
    in.kind = ACTIELIJST_REGION_MUNICIPALITY;
    in.parent = "Regio Noord";
    in.alias_count = 2;
    in.aliases = aliases;
    CHECK_OK(actielijst_store_put_region(store, &in));
    /* A new province: no parent. */
    in = (actielijst_region_input)ACTIELIJST_REGION_INPUT_INIT;
    in.code = "PV30";
    in.name = "Noord-Brabant";
    in.kind = ACTIELIJST_REGION_PROVINCE;
    CHECK_OK(actielijst_store_put_region(store, &in));

    v = view_now();
    if (v) {
        CHECK_OK(actielijst_view_region(v, "GM9999", &r));
        CHECK(strcmp(r.name, "Nieuwdorp") == 0 && r.kind == ACTIELIJST_REGION_MUNICIPALITY);
        CHECK(strcmp(r.parent, "CR37") == 0);
        CHECK(r.alias_count == 2);
        if (r.alias_count == 2) CHECK(strcmp(r.aliases[0], "Nieuw") == 0 && strcmp(r.aliases[1], "ND") == 0);
        CHECK_OK(actielijst_view_region(v, "PV30", &r));
        CHECK(r.kind == ACTIELIJST_REGION_PROVINCE && strcmp(r.parent, "") == 0 && r.alias_count == 0);
        CHECK_OK(actielijst_view_region(v, "GM0889", &r));
        CHECK(r.alias_count == 1);
        if (r.alias_count == 1) CHECK(strcmp(r.aliases[0], "Beesel-Reuver") == 0);
        actielijst_view_free(v);
    }
    CHECK(region_index("GM9999", &n) >= 0);
    CHECK(n == n_before + 2);

    begin_failures("regions[0].");
    in = (actielijst_region_input)ACTIELIJST_REGION_INPUT_INIT;
    in.code = "GM9998";
    in.name = "Ergens";
    in.parent = "CR37";
    CHECK_PUT_FAILS(actielijst_store_put_region(NULL, &in), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_PUT_FAILS(actielijst_store_put_region(store, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 2;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_REGION_INPUT_VERSION;
    in.code = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "in->code is NULL");
    in.code = "GM9998";
    in.name = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "in->name is NULL");
    in.name = "Erg\xe9ns";
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "in->name is not valid UTF-8");
    in.name = "Ergens";
    in.parent = "\xff";
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "in->parent is not valid UTF-8");
    in.parent = "CR37";
    in.kind = 3;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "in->kind is 3");
    in.kind = -1;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "in->kind is -1");
    in.kind = ACTIELIJST_REGION_MUNICIPALITY;
    in.alias_count = 2;
    in.aliases = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID,
                    "in->aliases is NULL but alias_count is 2");
    in.aliases = bad_aliases;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "in->aliases[1] is NULL");
    in.alias_count = 1;
    in.aliases = utf8_aliases;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID,
                    "in->aliases[0] is not valid UTF-8");
    in.alias_count = 0;
    in.aliases = NULL;
    in.parent = "Atlantis";
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "parent: unknown region \"Atlantis\"");
    in.parent = "PV31"; /* a municipality lies in a COROP region */
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "parent: a municipality must lie in");
    in.parent = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "parent");
    in.parent = "";
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "parent");
    in.parent = "CR37";
    in.code = "GM 9998";
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "code");

    /* An alias repeating the name (EINVALID) or another region's code (ECONFLICT). */
    in.code = "GM0889";
    in.name = "Beesel";
    in.alias_count = 1;
    in.aliases = same_as_name;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_EINVALID, "aliases[0]");
    in.aliases = a_code;
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_ECONFLICT,
                    "aliases[0]: alias \"cr38\" of region GM0889 is the code of region CR38");

    /* A change of kind while subregions depend on it. */
    in = (actielijst_region_input)ACTIELIJST_REGION_INPUT_INIT;
    in.code = "CR37";
    in.name = "Noord-Limburg";
    in.kind = ACTIELIJST_REGION_MUNICIPALITY;
    in.parent = "CR38";
    CHECK_PUT_FAILS(actielijst_store_put_region(store, &in), ACTIELIJST_ECONFLICT,
                    "kind: region CR37 has subregions, so its kind cannot change");
    end_failures();
}

/* ---- Progress states --------------------------------------------------------- */

static void test_state(void) {
    actielijst_state_input in = ACTIELIJST_STATE_INPUT_INIT;
    actielijst_state_rec want;
    int n_before = 0, n = 0, at_before;

    at_before = state_index("stalled", &n_before, NULL);
    CHECK(at_before >= 0);
    in.key = "on_hold";
    in.category = ACTIELIJST_CATEGORY_BLOCKED;
    in.label_nl = "Aangehouden";
    in.label_en = "On hold";
    CHECK_OK(actielijst_store_put_state(store, &in));
    want.category = ACTIELIJST_CATEGORY_BLOCKED;
    want.label_nl = "Aangehouden";
    want.label_en = "On hold";
    CHECK(state_index("on_hold", &n, &want) == n_before);
    CHECK(n == n_before + 1);

    in = (actielijst_state_input)ACTIELIJST_STATE_INPUT_INIT;
    in.key = "stalled";
    in.category = ACTIELIJST_CATEGORY_BLOCKED;
    in.label_nl = "Vastgelopen";
    CHECK_OK(actielijst_store_put_state(store, &in));
    want.label_nl = "Vastgelopen";
    want.label_en = "";
    CHECK(state_index("stalled", &n, &want) == at_before);
    CHECK(n == n_before + 1);
    in.key = "not_started"; /* the default category: todo */
    in.label_nl = "Nog niet begonnen";
    in.category = ACTIELIJST_CATEGORY_TODO;
    CHECK_OK(actielijst_store_put_state(store, &in));

    begin_failures("states[0].");
    in = (actielijst_state_input)ACTIELIJST_STATE_INPUT_INIT;
    in.key = "paused";
    in.label_nl = "Gepauzeerd";
    CHECK_PUT_FAILS(actielijst_store_put_state(NULL, &in), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_PUT_FAILS(actielijst_store_put_state(store, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 5;
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_STATE_INPUT_VERSION;
    in.key = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EINVALID, "in->key is NULL");
    in.key = "paused";
    in.label_nl = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EINVALID, "in->label_nl is NULL");
    in.label_nl = "Gepauzeerd";
    in.label_en = "\xed\xa0\x80"; /* a surrogate */
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EINVALID, "in->label_en is not valid UTF-8");
    in.label_en = NULL;
    in.category = 5;
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EINVALID, "in->category is 5");
    in.category = -1;
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EINVALID, "in->category is -1");
    in.category = ACTIELIJST_CATEGORY_ACTIVE;
    in.key = "p/aused";
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EINVALID, "key");
    in.key = "paused";
    in.label_nl = " ";
    CHECK_PUT_FAILS(actielijst_store_put_state(store, &in), ACTIELIJST_EINVALID, "label_nl");
    end_failures();
}

/* ---- Action points ----------------------------------------------------------- */

static void test_action(void) {
    actielijst_action_input in = ACTIELIJST_ACTION_INPUT_INIT;
    const actielijst_owner_input owners[] = {{"Provincie", ACTIELIJST_OWNER_LEAD},
                                             {"Gemeenten", ACTIELIJST_OWNER_SUPPORT}};
    const actielijst_owner_input no_name[] = {{NULL, ACTIELIJST_OWNER_LEAD}};
    const actielijst_owner_input bad_name[] = {{"Provincie", ACTIELIJST_OWNER_LEAD}, {"Gemeente\xff", 0}};
    const actielijst_owner_input bad_role[] = {{"Provincie", 2}};
    const actielijst_owner_input empty_name[] = {{"", ACTIELIJST_OWNER_LEAD}};
    const actielijst_owner_input twice[] = {{"Provincie", 0}, {"Provincie", 1}};
    const char *scope[] = {"Regio Noord", "GM0889"};
    const char *scope_null[] = {NULL, "CR38"};
    const char *scope_utf8[] = {"CR37", "Zuid\xc3("};
    const char *scope_unknown[] = {"CR37", "Atlantis"};
    const char *scope_twice[] = {"CR37", "Noord"};
    const char *see_also[] = {"wonen-registratie"};
    const char *see_utf8[] = {"wonen-\xff"};
    const char *see_unknown[] = {"geen-actie"};
    const char *see_self[] = {"wonen-nieuw"};
    const char *registratie_scope[] = {"CR37", "CR38", "CR39"};
    actielijst_view *v;
    actielijst_action_rec r;
    int n_before = 0, n = 0, at_before;

    at_before = action_index("wonen-registratie", &n_before);
    CHECK(at_before >= 0);

    in.key = "wonen-nieuw";
    in.theme = "wonen";
    in.title = "Nieuwbouw";
    in.goal = "Tijdelijke woonruimte voor internationale werknemers realiseren.";
    in.due = "2024-12-31";
    in.owner_count = 2;
    in.owners = owners;
    in.scope_count = 2;
    in.scope = scope;
    in.see_also_count = 1;
    in.see_also = see_also;
    CHECK_OK(actielijst_store_put_action(store, &in));

    /* An existing action, updated in place: owners and cross references replaced. */
    in = (actielijst_action_input)ACTIELIJST_ACTION_INPUT_INIT;
    in.key = "wonen-registratie";
    in.theme = "wonen";
    in.title = "Registratie in het BRP";
    in.goal = "Actief inschrijven van internationale werknemers in het BRP.";
    in.scope_count = 3;
    in.scope = registratie_scope;
    in.see_also_count = 1;
    in.see_also = see_self; /* forward in time: wonen-nieuw is stored now */
    CHECK_OK(actielijst_store_put_action(store, &in));

    v = view_now();
    if (v) {
        CHECK_OK(actielijst_view_action(v, "wonen-nieuw", &r));
        CHECK(strcmp(r.theme, "wonen") == 0 && strcmp(r.title, "Nieuwbouw") == 0);
        CHECK(strncmp(r.goal, "Tijdelijke woonruimte", 21) == 0);
        CHECK(strcmp(r.due, "2024-12-31") == 0);
        CHECK(r.owner_count == 2);
        if (r.owner_count == 2) {
            CHECK(strcmp(r.owners[0].name, "Provincie") == 0 && r.owners[0].role == ACTIELIJST_OWNER_LEAD);
            CHECK(strcmp(r.owners[1].name, "Gemeenten") == 0 && r.owners[1].role == ACTIELIJST_OWNER_SUPPORT);
        }
        CHECK(r.scope_count == 2);
        if (r.scope_count == 2) CHECK(strcmp(r.scope[0], "CR37") == 0 && strcmp(r.scope[1], "GM0889") == 0);
        CHECK(r.see_also_count == 1);
        if (r.see_also_count == 1) CHECK(strcmp(r.see_also[0], "wonen-registratie") == 0);

        CHECK_OK(actielijst_view_action(v, "wonen-registratie", &r));
        CHECK(strcmp(r.title, "Registratie in het BRP") == 0 && strcmp(r.due, "") == 0);
        CHECK(r.owner_count == 0 && r.scope_count == 3);
        CHECK(r.see_also_count == 1);
        if (r.see_also_count == 1) CHECK(strcmp(r.see_also[0], "wonen-nieuw") == 0);
        actielijst_view_free(v);
    }
    CHECK(action_index("wonen-registratie", &n) == at_before);
    CHECK(n == n_before + 1);
    CHECK(action_index("wonen-nieuw", NULL) >= 0);

    begin_failures("actions[0].");
    in = (actielijst_action_input)ACTIELIJST_ACTION_INPUT_INIT;
    in.key = "wonen-ander";
    in.theme = "wonen";
    in.title = "Ander";
    in.goal = "Een ander doel.";
    CHECK_PUT_FAILS(actielijst_store_put_action(NULL, &in), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_PUT_FAILS(actielijst_store_put_action(store, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 2;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_ACTION_INPUT_VERSION;
    in.key = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->key is NULL");
    in.key = "wonen-ander";
    in.theme = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->theme is NULL");
    in.theme = "wonen";
    in.title = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->title is NULL");
    in.title = "And\xe9r";
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->title is not valid UTF-8");
    in.title = "Ander";
    in.goal = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->goal is NULL");
    in.goal = "Een ander doel.";
    in.due = "2024-02-30";
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->due");
    in.due = "\xff";
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->due is not valid UTF-8");
    in.due = NULL;

    /* Owners. */
    in.owner_count = 1;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID,
                    "in->owners is NULL but owner_count is 1");
    in.owners = no_name;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->owners[0].name is NULL");
    in.owner_count = 2;
    in.owners = bad_name;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID,
                    "in->owners[1].name is not valid UTF-8");
    in.owner_count = 1;
    in.owners = bad_role;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->owners[0].role is 2");
    in.owners = empty_name;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "owners[0].name");
    in.owner_count = 2;
    in.owners = twice;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "owners[1].name: duplicate owner");
    in.owner_count = 0;
    in.owners = NULL;

    /* Scope. */
    in.scope_count = 2;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID,
                    "in->scope is NULL but scope_count is 2");
    in.scope = scope_null;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->scope[0] is NULL");
    in.scope = scope_utf8;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "in->scope[1] is not valid UTF-8");
    in.scope = scope_unknown;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID,
                    "scope[1]: unknown region \"Atlantis\"");
    in.scope = scope_twice; /* the same region by code and by alias */
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "scope");
    in.scope_count = 0;
    in.scope = NULL;

    /* Cross references. */
    in.see_also_count = 1;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID,
                    "in->see_also is NULL but see_also_count is 1");
    in.see_also = see_utf8;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID,
                    "in->see_also[0] is not valid UTF-8");
    in.see_also = see_unknown;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID,
                    "see_also[0]: dangling reference: unknown action \"geen-actie\"");
    in.key = "wonen-nieuw";
    in.see_also = see_self;
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "see_also[0]");
    in.key = "wonen-ander";
    in.see_also_count = 0;
    in.see_also = NULL;

    /* Theme and key. */
    in.theme = "vervoer";
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "theme: unknown theme \"vervoer\"");
    in.theme = "wonen";
    in.key = "wonen ander";
    CHECK_PUT_FAILS(actielijst_store_put_action(store, &in), ACTIELIJST_EINVALID, "key");
    end_failures();
}

/* ---- Indicators -------------------------------------------------------------- */

/* The actions of indicator `key` read with actielijst_indicator_iter_next, joined
 * by "," into `out` ("" for none); -1 when the indicator is absent. */
static int indicator_actions(const char *key, char *out, size_t size) {
    actielijst_view *v = view_now();
    actielijst_indicator_iter *it = NULL;
    actielijst_indicator_rec r;
    int found = -1, rc;
    uint32_t k;
    out[0] = '\0';
    if (!v) return -1;
    CHECK(actielijst_indicator_iter_new(v, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while ((rc = actielijst_indicator_iter_next(it, &r)) == ACTIELIJST_OK) {
        CHECK(r.actions != NULL && r.levels != NULL); /* never NULL, also when empty */
        if (strcmp(r.key, key) != 0) continue;
        found = 0;
        for (k = 0; k < r.action_count; ++k) {
            if (k > 0) strncat(out, ",", size - strlen(out) - 1);
            strncat(out, r.actions[k], size - strlen(out) - 1);
        }
    }
    CHECK(rc == ACTIELIJST_ITEROVER);
    CHECK(actielijst_indicator_iter_next(it, &r) == ACTIELIJST_ITEROVER);
    CHECK_FAILS(actielijst_indicator_iter_next(it, NULL), ACTIELIJST_EINVALID, "rec is NULL");
    actielijst_indicator_iter_free(it);
    CHECK_FAILS(actielijst_indicator_iter_next(NULL, &r), ACTIELIJST_EINVALID, "it");
    return found;
}

/* Two iterators over one view move through the same records, in order, with the
 * same actions: the actions belong to the record, not to how it was read (0.1 had a
 * second record type for them, read by a second _next on the same iterator). */
static void check_iterators_agree(void) {
    actielijst_view *v = view_now();
    actielijst_indicator_iter *a = NULL, *b = NULL;
    actielijst_indicator_rec r1, r2;
    int i = 0, rc = ACTIELIJST_OK;
    uint32_t k;
    if (!v) return;
    CHECK_OK(actielijst_indicator_iter_new(v, &a));
    CHECK_OK(actielijst_indicator_iter_new(v, &b));
    actielijst_view_free(v);
    for (;; ++i) {
        rc = actielijst_indicator_iter_next(a, &r1);
        CHECK(actielijst_indicator_iter_next(b, &r2) == rc);
        if (rc != ACTIELIJST_OK) break;
        CHECK(strcmp(r1.key, r2.key) == 0 && r1.kind == r2.kind && r1.level_count == r2.level_count);
        CHECK(strcmp(r1.unit, r2.unit) == 0 && strcmp(r1.label_nl, r2.label_nl) == 0);
        CHECK(r1.action_count == r2.action_count);
        for (k = 0; k < r1.action_count && k < r2.action_count; ++k) CHECK(strcmp(r1.actions[k], r2.actions[k]) == 0);
    }
    CHECK(rc == ACTIELIJST_ITEROVER && i >= 2);
    actielijst_indicator_iter_free(a);
    actielijst_indicator_iter_free(b);
}

static void test_indicator_actions(void) {
    actielijst_indicator_input in = ACTIELIJST_INDICATOR_INPUT_INIT;
    const actielijst_level_input levels[] = {{"geen", "Geen", NULL}, {"wel", "Wel", NULL}};
    const char *const two[] = {"wonen-lokaal-beleid", "algemeen-monitoring"};
    const char *const unknown[] = {"wonen-lokaal-beleid", "bestaat-niet"};
    const char *const twice[] = {"algemeen-monitoring", "algemeen-monitoring"};
    const char *const bad_utf8[] = {"\xff"};
    char got[256];

    /* The bundled list: each indicator measures the action its text stands under. */
    CHECK(indicator_actions("short_stay_policy", got, sizeof got) == 0);
    CHECK(strcmp(got, "wonen-lokaal-beleid") == 0);
    CHECK(indicator_actions("international_workers_count", got, sizeof got) == 0);
    CHECK(strcmp(got, "algemeen-monitoring") == 0);
    check_iterators_agree();

    in.key = "policy_links";
    in.label_nl = "Beleid";
    in.level_count = 2;
    in.levels = levels;
    in.action_count = 2;
    in.actions = two;
    CHECK_OK(actielijst_store_put_indicator(store, &in));
    CHECK(indicator_actions("policy_links", got, sizeof got) == 0);
    CHECK(strcmp(got, "wonen-lokaal-beleid,algemeen-monitoring") == 0);

    /* A version-1 input has no actions: its (here: garbage) tail is never read, and
     * the put replaces the definition with a list-wide one. */
    in.version = 1;
    in.action_count = 2;
    in.actions = unknown;
    CHECK_OK(actielijst_store_put_indicator(store, &in));
    CHECK(indicator_actions("policy_links", got, sizeof got) == 0);
    CHECK(strcmp(got, "") == 0);
    in.version = ACTIELIJST_INDICATOR_INPUT_VERSION;

    begin_failures("indicators[0].");
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID,
                    "actions[1]: unknown action \"bestaat-niet\"");
    in.actions = twice;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID,
                    "actions[1]: duplicate action \"algemeen-monitoring\"");
    in.actions = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->actions");
    in.action_count = 1;
    in.actions = bad_utf8;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID,
                    "in->actions[0] is not valid UTF-8");
    end_failures();
}

static void test_indicator(void) {
    actielijst_indicator_input in = ACTIELIJST_INDICATOR_INPUT_INIT;
    const actielijst_level_input levels[] = {
        {"slecht", "Slecht", NULL}, {"redelijk", "Redelijk", "Fair"}, {"goed", "Goed", ""}};
    const actielijst_level_input short_stay[] = {{"none", "Geen beleid", "No policy"},
                                                 {"in_preparation", "In voorbereiding", "In preparation"},
                                                 {"adopted", "Vastgesteld", "Adopted"}};
    const actielijst_level_input no_adopted[] = {{"none", "Geen beleid", NULL}, {"in_preparation", "Bezig", NULL}};
    const actielijst_level_input null_key[] = {{"a", "A", NULL}, {NULL, "B", NULL}};
    const actielijst_level_input null_label[] = {{"a", NULL, NULL}, {"b", "B", NULL}};
    const actielijst_level_input utf8_nl[] = {{"a", "A\xff", NULL}, {"b", "B", NULL}};
    const actielijst_level_input utf8_en[] = {{"a", "A", "\xc0\x80"}, {"b", "B", NULL}};
    const actielijst_level_input empty_label[] = {{"a", "", NULL}, {"b", "B", NULL}};
    const actielijst_level_input twice[] = {{"a", "A", NULL}, {"a", "B", NULL}};
    indicator_copy c;
    int n_before = 0, n = 0, at_before;

    at_before = indicator_index("short_stay_policy", &n_before, NULL);
    CHECK(at_before >= 0);

    in.key = "housing_quality";
    in.label_nl = "Kwaliteit huisvesting";
    in.label_en = "Housing quality";
    in.level_count = 3;
    in.levels = levels;
    CHECK_OK(actielijst_store_put_indicator(store, &in));
    memset(&c, 0, sizeof c);
    CHECK(indicator_index("housing_quality", &n, &c) == n_before);
    CHECK(n == n_before + 1);
    CHECK(c.kind == ACTIELIJST_INDICATOR_ORDINAL && strcmp(c.label_nl, "Kwaliteit huisvesting") == 0);
    CHECK(strcmp(c.label_en, "Housing quality") == 0 && strcmp(c.unit, "") == 0);
    CHECK(c.level_count == 3);
    CHECK(strcmp(c.level_key[0], "slecht") == 0 && strcmp(c.level_nl[0], "Slecht") == 0 && strcmp(c.level_en[0], "") == 0);
    CHECK(strcmp(c.level_key[1], "redelijk") == 0 && strcmp(c.level_en[1], "Fair") == 0);
    CHECK(strcmp(c.level_key[2], "goed") == 0 && strcmp(c.level_en[2], "") == 0);

    in = (actielijst_indicator_input)ACTIELIJST_INDICATOR_INPUT_INIT;
    in.key = "registrations";
    in.label_nl = "Inschrijvingen";
    in.kind = ACTIELIJST_INDICATOR_COUNT;
    in.unit = "personen";
    CHECK_OK(actielijst_store_put_indicator(store, &in));
    memset(&c, 0, sizeof c);
    CHECK(indicator_index("registrations", &n, &c) == n_before + 1);
    CHECK(c.kind == ACTIELIJST_INDICATOR_COUNT && strcmp(c.unit, "personen") == 0 && c.level_count == 0);
    CHECK(strcmp(c.label_en, "") == 0);

    /* An existing indicator, updated in place. */
    in = (actielijst_indicator_input)ACTIELIJST_INDICATOR_INPUT_INIT;
    in.key = "short_stay_policy";
    in.label_nl = "Beleid short-stay";
    in.level_count = 3;
    in.levels = short_stay;
    CHECK_OK(actielijst_store_put_indicator(store, &in));
    memset(&c, 0, sizeof c);
    CHECK(indicator_index("short_stay_policy", &n, &c) == at_before);
    CHECK(n == n_before + 2);
    CHECK(strcmp(c.label_nl, "Beleid short-stay") == 0 && strcmp(c.label_en, "") == 0);
    CHECK(c.level_count == 3 && strcmp(c.level_nl[2], "Vastgesteld") == 0);

    begin_failures("indicators[0].");
    in = (actielijst_indicator_input)ACTIELIJST_INDICATOR_INPUT_INIT;
    in.key = "figure";
    in.label_nl = "Cijfer";
    in.kind = ACTIELIJST_INDICATOR_NUMBER;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(NULL, &in), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 3;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_INDICATOR_INPUT_VERSION;
    in.key = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->key is NULL");
    in.key = "figure";
    in.label_nl = NULL;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->label_nl is NULL");
    in.label_nl = "Cijfer";
    in.label_en = "\xff";
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->label_en is not valid UTF-8");
    in.label_en = NULL;
    in.unit = "\xe2\x82";
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->unit is not valid UTF-8");
    in.unit = NULL;
    in.kind = 3;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->kind is 3");
    in.kind = -7;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->kind is -7");

    in.kind = ACTIELIJST_INDICATOR_ORDINAL;
    in.level_count = 2;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID,
                    "in->levels is NULL but level_count is 2");
    in.levels = null_key;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->levels[1].key is NULL");
    in.levels = null_label;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "in->levels[0].label_nl is NULL");
    in.levels = utf8_nl;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID,
                    "in->levels[0].label_nl is not valid UTF-8");
    in.levels = utf8_en;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID,
                    "in->levels[0].label_en is not valid UTF-8");
    in.levels = empty_label;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "levels[0].label_nl");
    in.levels = twice;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "levels[1].key");
    in.level_count = 1;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "levels");
    in.level_count = 2;
    in.levels = no_adopted;
    in.unit = "stuks";
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "unit");
    in.unit = NULL;
    in.kind = ACTIELIJST_INDICATOR_COUNT;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "levels");
    in.level_count = 0;
    in.levels = NULL;
    in.label_nl = "";
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_EINVALID, "label_nl");

    /* Conflicts with the observations of short_stay_policy. */
    in = (actielijst_indicator_input)ACTIELIJST_INDICATOR_INPUT_INIT;
    in.key = "short_stay_policy";
    in.label_nl = "Short-stay beleid";
    in.kind = ACTIELIJST_INDICATOR_COUNT;
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_ECONFLICT, "kind");
    in.kind = ACTIELIJST_INDICATOR_ORDINAL;
    in.level_count = 2;
    in.levels = no_adopted; /* "adopted" is observed */
    CHECK_PUT_FAILS(actielijst_store_put_indicator(store, &in), ACTIELIJST_ECONFLICT, "levels");
    end_failures();
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    test_inits();
    store = open_with(dir, "define.db", json, len);
    CHECK(store != NULL);
    if (store) {
        test_theme();
        test_region();
        test_state();
        test_action();
        test_indicator_actions();
        test_indicator();
        actielijst_store_free(store);
    }
    free(json);
    remove_dir(dir);
    return report();
}
