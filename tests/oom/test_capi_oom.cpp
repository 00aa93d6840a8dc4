// Fault injection at the C boundary: every C call below is repeated with its Nth
// allocation failing, for every N until the call succeeds. Each attempt must end
// in ACTIELIJST_OK or ACTIELIJST_ENOMEM with a message, never in a crash or an
// escaped exception, and a failed write must leave the store as it was. Reading
// paths include loading and evaluating rules and filters.
//
//   test_capi_oom <limburg.json>
#include <actielijst.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <new>
#include <string>

namespace {
// Counts down to the allocation that fails; negative: none fails.
long countdown = -1;
int failures = 0;
int checks = 0;

void check(bool ok, const std::string& what) {
    ++checks;
    if (!ok) {
        ++failures;
        std::fprintf(stderr, "FAILED: %s (last error: %s)\n", what.c_str(), actielijst_error_message());
    }
}

std::string export_all(actielijst_store* s) {
    actielijst_export_options options = ACTIELIJST_EXPORT_OPTIONS_INIT;
    options.include_contacts = 1;
    actielijst_buf b{};
    if (actielijst_store_export_json(s, &options, &b) != ACTIELIJST_OK) return "<export failed>";
    std::string text(b.data, b.size);
    actielijst_buf_dispose(&b);
    return text;
}

/// Runs `call` with allocation N failing, N = 0, 1, ..., until it succeeds.
void every_failure_point(const char* name, const std::function<int()>& call, actielijst_store* store = nullptr,
                         bool writes = false) {
    const std::string before = writes ? export_all(store) : std::string();
    for (long n = 0;; ++n) {
        countdown = n;
        const int rc = call();
        countdown = -1;
        if (rc == ACTIELIJST_OK) {
            std::printf("%s: %ld allocation failure points, each reported\n", name, n);
            return;
        }
        check(rc == ACTIELIJST_ENOMEM, std::string(name) + ": failure point " + std::to_string(n) + " gave " +
                                           actielijst_error_name(rc) + ", not ENOMEM");
        check(std::strlen(actielijst_error_message()) > 0, std::string(name) + ": empty message");
        if (writes) check(export_all(store) == before, std::string(name) + ": store changed at point " + std::to_string(n));
        if (n > 1000000) {
            check(false, std::string(name) + ": never succeeds");
            return;
        }
    }
}

}  // namespace

void* operator new(std::size_t n) {
    if (countdown >= 0 && countdown-- == 0) throw std::bad_alloc();
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
// The nothrow form too (std::stable_sort's temporary buffer uses it): every form of
// new here must pair with the delete below, or AddressSanitizer reports a mismatch.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    if (countdown >= 0 && countdown-- == 0) return nullptr;
    return std::malloc(n ? n : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s <limburg.json> <work dir>\n", argv[0]);
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string path = std::string(argv[2]) + "/oom.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());

    actielijst_store* store = nullptr;
    every_failure_point("actielijst_store_open", [&] {
        actielijst_store* s = nullptr;
        const int rc = actielijst_store_open(path.c_str(), NULL, &s);
        actielijst_store_free(s);
        return rc;
    });
    if (actielijst_store_open(path.c_str(), NULL, &store) != ACTIELIJST_OK) {
        std::fprintf(stderr, "set-up failed: %s\n", actielijst_error_message());
        return 2;
    }
    every_failure_point(
        "actielijst_store_import_json", [&] { return actielijst_store_import_json(store, json.data(), json.size()); },
        store, true);

    every_failure_point("actielijst_store_view + every iterator", [&] {
        actielijst_view* v = nullptr;
        int rc = actielijst_store_view(store, "2023-03-01", &v);
        actielijst_status_iter* it = nullptr;
        if (rc == ACTIELIJST_OK) rc = actielijst_status_iter_new(v, "wonen-registratie", &it);
        actielijst_rollup_rec rollup;
        if (rc == ACTIELIJST_OK) rc = actielijst_view_rollup(v, "short_stay_policy", "CR37", "adopted", &rollup);
        actielijst_status_iter_free(it);
        actielijst_view_free(v);
        return rc;
    });
    every_failure_point("actielijst_status_history_iter_new", [&] {
        actielijst_status_iter* it = nullptr;
        const int rc = actielijst_status_history_iter_new(store, "wonen-registratie", nullptr, &it);
        actielijst_status_iter_free(it);
        return rc;
    });
    // Rules and filters, on one view made beforehand (its own failure points are above).
    actielijst_view* view = nullptr;
    if (actielijst_store_view(store, "2023-03-01", &view) != ACTIELIJST_OK) {
        std::fprintf(stderr, "set-up failed: %s\n", actielijst_error_message());
        return 2;
    }
    every_failure_point("actielijst_rules_load_default + evaluate + every iterator", [&] {
        actielijst_rules* rules = nullptr;
        actielijst_rule_iter* ri = nullptr;
        actielijst_evaluation* e = nullptr;
        actielijst_finding_iter* fi = nullptr;
        actielijst_action_status_iter* si = nullptr;
        int rc = actielijst_rules_load_default(view, &rules);
        if (rc == ACTIELIJST_OK) rc = actielijst_rule_iter_new(rules, &ri);
        if (rc == ACTIELIJST_OK) rc = actielijst_rules_evaluate(rules, view, &e);
        if (rc == ACTIELIJST_OK) rc = actielijst_finding_iter_new(e, &fi);
        if (rc == ACTIELIJST_OK) rc = actielijst_action_status_iter_new(e, &si);
        actielijst_rule_rec rule;
        actielijst_finding_rec finding;
        actielijst_action_status_rec status;
        while (rc == ACTIELIJST_OK && (rc = actielijst_rule_iter_next(ri, &rule)) == ACTIELIJST_OK) {}
        if (rc == ACTIELIJST_ITEROVER) rc = ACTIELIJST_OK;
        while (rc == ACTIELIJST_OK && (rc = actielijst_finding_iter_next(fi, &finding)) == ACTIELIJST_OK) {}
        if (rc == ACTIELIJST_ITEROVER) rc = ACTIELIJST_OK;
        while (rc == ACTIELIJST_OK && (rc = actielijst_action_status_iter_next(si, &status)) == ACTIELIJST_OK) {}
        if (rc == ACTIELIJST_ITEROVER) rc = ACTIELIJST_OK;
        if (rc == ACTIELIJST_OK) rc = actielijst_evaluation_status(e, "algemeen-in-gesprek", &status);
        actielijst_action_status_iter_free(si);
        actielijst_finding_iter_free(fi);
        actielijst_evaluation_free(e);
        actielijst_rule_iter_free(ri);
        actielijst_rules_free(rules);
        return rc;
    });
    every_failure_point("actielijst_rules_load of a bad text (the message with a caret line)", [&] {
        static const char bad[] = "rule x\n    severity alert\n    when (open_proposals > ) and all_closed\n";
        actielijst_rules* rules = nullptr;
        const int rc = actielijst_rules_load(bad, sizeof bad - 1, "bad.rules", view, &rules);
        const actielijst_text_position where = actielijst_error_position();
        const bool unstored = std::strstr(actielijst_error_message(), "could not be stored") != nullptr;
        actielijst_rules_free(rules);
        if (rc == ACTIELIJST_EINVALID) {
            // The position is part of the error state: when the message itself could not
            // be stored for lack of memory, the place is dropped with it ({0, 0}), so
            // that message and position never describe different errors.
            if (unstored)
                check(where.line == 0 && where.column == 0, "actielijst_rules_load: a place without its message");
            else
                check(where.line == 3, "actielijst_rules_load: the syntax error's line");
            return ACTIELIJST_OK;
        }
        check(rc != ACTIELIJST_OK, "actielijst_rules_load: accepted a syntax error");
        return rc;
    });
    every_failure_point("actielijst_filter_new + matches + select", [&] {
        actielijst_filter* filter = nullptr;
        actielijst_action_iter* it = nullptr;
        int32_t match = 0;
        int rc = actielijst_filter_new("theme = \"wonen\" and \"stalled\" in states", view, &filter);
        if (rc == ACTIELIJST_OK) rc = actielijst_filter_matches(filter, view, "wonen-registratie", &match);
        if (rc == ACTIELIJST_OK) rc = actielijst_filter_select(filter, view, &it);
        actielijst_action_iter_free(it);
        actielijst_filter_free(filter);
        return rc;
    });
    // Meeting snapshots: save, bytes, load (file and bytes) and the diff with its iterator,
    // on a small list with every kind of entry (the Limburg view has thousands of
    // failure points per call).
    static const char small_json[] = R"({"format": "actielijst", "format_version": 1,
      "themes": [{"key": "wonen", "label": {"nl": "Wonen", "en": "Housing"}}],
      "regions": [{"code": "PV31", "name": "Limburg", "kind": "province"},
                  {"code": "CR37", "name": "Noord", "kind": "corop", "parent": "PV31", "aliases": ["Regio Noord"]},
                  {"code": "GM0983", "name": "Venlo", "kind": "municipality", "parent": "CR37"}],
      "meetings": [{"key": "m1", "date": "2023-03-01", "title": "Stuurgroep"}],
      "actions": [{"key": "a1", "theme": "wonen", "title": "T", "goal": "G", "owners": [{"name": "Provincie", "role": "lead"}],
                   "scope": ["CR37"], "due": "2024-12-31", "see_also": ["a2"]},
                  {"key": "a2", "theme": "wonen", "title": "T2", "goal": "G2"}],
      "updates": [{"action": "a1", "scope": "CR37", "state": "in_progress", "text": "Bezig", "as_of": "2023-03-01",
                   "author": "Stuurgroep", "meeting": "m1"}],
      "proposals": [{"key": "P1", "action": "a1", "text": "Voorstel", "state": "adopted", "meeting": "m1",
                     "decided": "2023-03-01", "kind": "consensus"}, {"key": "P2", "action": "a2", "text": "Open", "state": "open"}],
      "indicators": [{"key": "sp", "label": {"nl": "Short-stay"}, "kind": "ordinal",
                      "levels": [{"key": "none", "label": {"nl": "Geen"}}, {"key": "adopted", "label": {"nl": "Vastgesteld"}}]},
                     {"key": "n", "label": {"nl": "Aantal"}, "kind": "count", "unit": "personen"}],
      "observations": [{"indicator": "sp", "region": "CR37", "as_of": "2023-03-01", "level": "adopted", "count": 1,
                        "source": "Actielijst", "note": "vier"},
                       {"indicator": "n", "region": "PV31", "as_of": "2023-01-01", "note": "niet vermeld"}]})";
    const std::string small_path = std::string(argv[2]) + "/oom-small.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((small_path + suffix).c_str());
    actielijst_store* small = nullptr;
    actielijst_view* small_view = nullptr;
    actielijst_view* empty_view = nullptr;
    if (actielijst_store_open(small_path.c_str(), NULL, &small) != ACTIELIJST_OK) {
        std::fprintf(stderr, "set-up failed: %s\n", actielijst_error_message());
        return 2;
    }
    // A new store holds no states; the small list uses the default set.
    every_failure_point(
        "actielijst_store_import_default_states",
        [&] { return actielijst_store_import_default_states(small, nullptr); }, small, true);
    if (actielijst_store_view(small, "2023-03-01", &empty_view) != ACTIELIJST_OK ||
        actielijst_store_import_json(small, small_json, sizeof small_json - 1) != ACTIELIJST_OK ||
        actielijst_store_view(small, "2023-03-01", &small_view) != ACTIELIJST_OK) {
        std::fprintf(stderr, "set-up failed: %s\n", actielijst_error_message());
        return 2;
    }
    const std::string snap = std::string(argv[2]) + "/oom.snap";
    for (const int format : {ACTIELIJST_SNAPSHOT_TEXT, ACTIELIJST_SNAPSHOT_BINARY}) {
        const std::string kind = format == ACTIELIJST_SNAPSHOT_TEXT ? " (text)" : " (binary)";
        every_failure_point(("actielijst_view_save_snapshot" + kind).c_str(),
                            [&] { return actielijst_view_save_snapshot(small_view, format, snap.c_str()); });
        every_failure_point(("actielijst_snapshot_load + diff + every change" + kind).c_str(), [&] {
            actielijst_view* loaded = nullptr;
            actielijst_diff* d = nullptr;
            actielijst_change_iter* it = nullptr;
            actielijst_change_rec change;
            int rc = actielijst_snapshot_load(snap.c_str(), &loaded);
            if (rc == ACTIELIJST_OK) rc = actielijst_diff_new(empty_view, loaded, &d);
            if (rc == ACTIELIJST_OK) rc = actielijst_change_iter_new(d, &it);
            while (rc == ACTIELIJST_OK && (rc = actielijst_change_iter_next(it, &change)) == ACTIELIJST_OK) {}
            if (rc == ACTIELIJST_ITEROVER) rc = ACTIELIJST_OK;
            actielijst_change_iter_free(it);
            actielijst_diff_free(d);
            actielijst_view_free(loaded);
            return rc;
        });
        every_failure_point(("actielijst_view_snapshot_bytes + actielijst_snapshot_load_bytes" + kind).c_str(), [&] {
            actielijst_buf b{};
            actielijst_view* loaded = nullptr;
            int rc = actielijst_view_snapshot_bytes(small_view, format, &b);
            if (rc == ACTIELIJST_OK) rc = actielijst_snapshot_load_bytes(b.data, b.size, "bytes", &loaded);
            actielijst_view_free(loaded);
            actielijst_buf_dispose(&b);
            return rc;
        });
    }
    // The report in every format, with the default rules and the changes from the
    // empty picture, on the same small list.
    for (const int format : {ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_MARKDOWN, ACTIELIJST_REPORT_CSV,
                             ACTIELIJST_REPORT_JSON}) {
        every_failure_point(("actielijst_report_render (format " + std::to_string(format) + ")").c_str(), [&] {
            actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
            o.format = format;
            o.language = "en";
            o.filter = "theme = \"wonen\"";
            actielijst_buf b{};
            const int rc = actielijst_report_render(small_view, nullptr, &o, empty_view, &b);
            actielijst_buf_dispose(&b);
            return rc;
        });
    }
    std::remove(snap.c_str());
    actielijst_view_free(small_view);
    actielijst_view_free(empty_view);
    actielijst_store_free(small);
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((small_path + suffix).c_str());
    actielijst_view_free(view);

    every_failure_point("actielijst_store_export_json", [&] {
        actielijst_buf b{};
        const int rc = actielijst_store_export_json(store, nullptr, &b);
        actielijst_buf_dispose(&b);
        return rc;
    });
    every_failure_point(
        "actielijst_store_record_update",
        [&] {
            actielijst_update_input u = ACTIELIJST_UPDATE_INPUT_INIT;
            u.action = "wonen-registratie";
            u.scope = "Noord";
            u.state = "done";
            u.text = "Afgerond.";
            u.as_of = "2024-01-01";
            return actielijst_store_record_update(store, &u, nullptr);
        },
        store, true);
    every_failure_point(
        "actielijst_store_put_observation",
        [&] {
            actielijst_observation_input o = ACTIELIJST_OBSERVATION_INPUT_INIT;
            o.indicator = "short_stay_policy";
            o.region = "CR39";
            o.as_of = "2024-01-01";
            o.level = "adopted";
            o.has_count = 1;
            o.count = 2;
            return actielijst_store_put_observation(store, &o);
        },
        store, true);
    every_failure_point(
        "actielijst_store_record_decision",
        [&] {
            actielijst_decision_input d = ACTIELIJST_DECISION_INPUT_INIT;
            d.proposal = "P2";
            d.state = ACTIELIJST_PROPOSAL_ADOPTED;
            d.date = "2024-02-01";
            return actielijst_store_record_decision(store, &d, nullptr);
        },
        store, true);
    actielijst_store_free(store);
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    std::printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
