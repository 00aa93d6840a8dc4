// libFuzzer target for the meeting-snapshot loader (docs/snapshots.md, docs/fuzzing.md).
//
// The first byte chooses what the rest is:
//   0 (mod 3): a whole snapshot file, envelope included, given to load_snapshot_bytes
//              (exercises the envelope checks; random bytes rarely pass the CRC);
//   1: a text-archive payload, 2: a binary-archive payload, each wrapped in a valid
//      envelope (right length and CRC) first, so the fuzzer reaches the Boost
//      archive and the model checks behind it.
// Only actielijst::Error may escape the loader. A loaded View must save and load
// back to the same bytes, and diff(view, view) must be empty; anything else aborts.
// A crafted size that makes the loader allocate shows up as libFuzzer's
// malloc-limit crash (-rss_limit_mb / -malloc_limit_mb): there is no giant
// allocation to find if the caps in src/snapshot hold.
#include "snapshot/envelope.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/error.hpp>
#include <actielijst/snapshot.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void die(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_snapshot: %s: %s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace actielijst;
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string input;
    switch (data[0] % 3) {
        case 0: input.assign(rest); break;
        case 1: input = snapshot::wrap(rest, SnapshotFormat::text, Date(2023, 3, 1)); break;
        default: input = snapshot::wrap(rest, SnapshotFormat::binary, Date(2023, 3, 1)); break;
    }
    std::optional<View> view;
    try {
        view.emplace(load_snapshot_bytes(input, "fuzz"));
    } catch (const Error& e) {
        if (std::string_view(e.what()).substr(0, 6) != "fuzz: ") die("message does not name the origin", e.what());
        return 0;
    }
    try {
        for (const auto format : {SnapshotFormat::text, SnapshotFormat::binary}) {
            const auto bytes = snapshot_bytes(*view, format);
            const auto again = load_snapshot_bytes(bytes, "again");
            if (snapshot_bytes(again, format) != bytes) die("round trip", "the saved bytes differ");
            if (!diff(*view, again).empty()) die("round trip", "diff of a view with its reload is not empty");
        }
    } catch (const Error& e) {
        die("a loaded view does not save and load back", e.what());
    }
    return 0;
}
