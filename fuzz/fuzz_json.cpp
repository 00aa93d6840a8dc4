// libFuzzer target for the JSON import (docs/fuzzing.md).
//
// For every input:
//  1. parse_json on the raw bytes. The only exception allowed is actielijst::Error;
//     anything else aborts so that libFuzzer reports it.
//  2. When it parses: merge into a fresh in-memory store (with the default states,
//     which a new store lacks). Again only Error may escape
//     (a document can be well-formed but refer to unknown entries).
//  3. When the merge succeeds, the store must round-trip (docs/json-format.md, "Export"):
//       a = export_json(true) of that store,
//       to_json(parse_json(a)) == a          (the export is canonical and parseable),
//       import a into a second fresh store, b = export_json(true) of it, b == a.
//     From step 3 on no exception at all is acceptable: a store that took a document
//     must be able to export it, and its export must import again.
// Per-input work is bounded by the input size (run with -max_len) and two in-memory
// SQLite databases.
#include <actielijst/error.hpp>
#include <actielijst/json.hpp>
#include <actielijst/store.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace {

// ":memory:" passes Store::open's path checks (no such file, parent "." exists) and
// SQLite then opens a private in-memory database, so nothing touches the disk.
constexpr const char* memory_path = ":memory:";

// FUZZ_JSON_VERBOSE=1 prints why an input was rejected (for triage and for checking seeds).
const bool verbose = [] {
    const char* v = std::getenv("FUZZ_JSON_VERBOSE");
    return v != nullptr && *v != '\0' && *v != '0';
}();

void note(const char* phase, const char* what) {
    if (verbose) std::fprintf(stderr, "fuzz_json: %s: %s\n", phase, what);
}

[[noreturn]] void die(const char* phase, const char* what) {
    std::fprintf(stderr, "fuzz_json: %s: %s\n", phase, what);
    std::fflush(stderr);
    std::abort();
}

[[noreturn]] void die_mismatch(const char* what, const std::string& a, const std::string& b) {
    std::size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    const std::size_t from = at > 80 ? at - 80 : 0;
    std::fprintf(stderr, "fuzz_json: round trip: %s differ at byte %zu (sizes %zu, %zu)\n--- first:\n%.*s\n--- second:\n%.*s\n",
                 what, at, a.size(), b.size(), static_cast<int>(std::min<std::size_t>(a.size() - from, 240)),
                 a.data() + from, static_cast<int>(std::min<std::size_t>(b.size() - from, 240)), b.data() + from);
    std::fflush(stderr);
    std::abort();
}

// With the default progress states, which the seeds' updates use: a new store holds none.
actielijst::Store fresh_store() {
    try {
        auto store = actielijst::Store::open(memory_path);
        store.install_default_states();
        return store;
    } catch (const std::exception& e) {
        // A harness/environment problem, not an input's.
        die("Store::open(\":memory:\") with the default states", e.what());
    }
}

void round_trip(const actielijst::Store& first) {
    const char* phase = "export_json of the first store";
    try {
        const std::string a = first.export_json(true);
        phase = "parse_json of the export";
        const actielijst::Dataset reparsed = actielijst::parse_json(a);
        phase = "to_json of the re-parsed export";
        const std::string canonical = actielijst::to_json(reparsed);
        if (canonical != a) die_mismatch("export vs to_json(parse_json(export))", a, canonical);
        phase = "import of the export into a fresh store";
        actielijst::Store second = fresh_store();
        second.import_json(a);
        phase = "export_json of the second store";
        const std::string b = second.export_json(true);
        if (b != a) die_mismatch("export of the first store vs export of the second", a, b);
    } catch (const actielijst::Error& e) {
        die(phase, e.what());
    } catch (const std::exception& e) {
        die(phase, e.what());
    } catch (...) {
        die(phase, "an exception not derived from std::exception");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    actielijst::Dataset dataset;
    try {
        dataset = actielijst::parse_json(input);
    } catch (const actielijst::Error& e) {
        note("rejected by parse_json", e.what());
        return 0;  // rejected: the expected outcome for most inputs
    } catch (const std::exception& e) {
        die("parse_json threw something other than actielijst::Error", e.what());
    } catch (...) {
        die("parse_json threw something other than actielijst::Error", "(not a std::exception)");
    }

    actielijst::Store store = fresh_store();
    try {
        store.merge(dataset);
    } catch (const actielijst::Error& e) {
        note("rejected by Store::merge", e.what());
        return 0;  // e.g. a reference to an unknown region; nothing was stored
    } catch (const std::exception& e) {
        die("Store::merge threw something other than actielijst::Error", e.what());
    } catch (...) {
        die("Store::merge threw something other than actielijst::Error", "(not a std::exception)");
    }

    round_trip(store);
    note("accepted", "merged and round-tripped");
    return 0;
}
