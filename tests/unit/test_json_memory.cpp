// Peak memory of importing hostile documents (docs/json-format.md, "Limits";
// docs/benchmarks.md, "Hostile input"): each document of about 18 MB is generated
// here, in a temporary directory, and imported into a fresh store by a child process
// (json_import_child) whose peak resident set (wait4's ru_maxrss) must stay within
// 2x the document plus 64 MiB. Before the limits these took 0.9-1.7 GiB; now 7-8 MiB,
// except the empty objects, ~40 MiB: nlohmann's lexer keeps every character since the
// last scalar for its error messages, so a run of brackets costs 1-2 bytes a byte.
// A memory bound, not a timing: the test asserts nothing about time. Skipped under
// the sanitizers, whose shadow memory and quarantine make RSS meaningless.
#include "support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

#if defined(ACTIELIJST_TEST_SANITIZED) || defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

/// Values in the hostile documents: 9 million zeros, about 18 MB of text.
constexpr std::size_t count = 9000000;

/// Writes `head`, `count` copies of `item` separated by commas, then `tail`, in chunks.
std::size_t write_document(const std::string& path, const std::string& head, const std::string& item,
                           std::size_t n, const std::string& tail) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << head;
    std::string chunk;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) chunk += ',';
        chunk += item;
        if (chunk.size() >= (1u << 16)) {
            out << chunk;
            chunk.clear();
        }
    }
    out << chunk << tail;
    out.flush();
    REQUIRE(out.good());
    return static_cast<std::size_t>(out.tellp());
}

struct Child {
    int exit_code = -1;
    long peak_kib = 0;
    std::string output;
};

/// Runs json_import_child on `document` into a fresh store; its exit code, peak RSS and output.
Child import_in_child(const test::TempDir& dir, const std::string& document) {
    const std::string store = dir.file("store.db");
    const std::string output = dir.file("child.out");
    std::remove(store.c_str());
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::string program = ACTIELIJST_JSON_IMPORT_CHILD;
    std::vector<char*> argv{program.data(), const_cast<char*>(document.c_str()), const_cast<char*>(store.c_str()),
                            nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(spawned == 0);
    int status = 0;
    struct rusage usage {};
    REQUIRE(wait4(pid, &status, 0, &usage) == pid);
    Child c;
    c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    c.peak_kib = usage.ru_maxrss;  // KiB on Linux
    c.output = test::read_file(output);
    return c;
}

const std::string top = "{\"format\": \"actielijst\", \"format_version\": 1, ";

/// Imports `head` + 9 million `item`s + `tail`: refused with an error starting with
/// `error`, at a peak below 2x the document + 64 MiB.
void check_hostile(const std::string& head, const std::string& item, const std::string& tail, const std::string& error) {
    test::TempDir dir;
    const std::string document = dir.file("hostile.json");
    const std::size_t bytes = write_document(document, head, item, count, tail);
    const Child c = import_in_child(dir, document);
    CHECK(c.exit_code == 3);
    CHECK_STARTS(c.output, error);
    const double peak_mib = static_cast<double>(c.peak_kib) / 1024.0;
    const double bound_mib = 2.0 * static_cast<double>(bytes) / (1024.0 * 1024.0) + 64.0;
    MESSAGE(bytes << " bytes, peak RSS " << peak_mib << " MiB (bound " << bound_mib << " MiB)");
    CHECK(peak_mib < bound_mib);
}

}  // namespace

// Each was 1.7 GiB (objects: 0.9 GiB) before the limits.
TEST_CASE("json memory: 9 million zeros in an entry's list are refused within 2x the document + 64 MiB" *
          doctest::skip(sanitized)) {
    check_hostile(top + "\"actions\": [{\"key\": \"a\", \"scope\": [", "0", "]}]}",
                  "actions[0].scope: more than 10000 elements in one array (the limit)");
}

TEST_CASE("json memory: 9 million zeros in nested arrays of an entry are refused within 2x the document + 64 MiB" *
          doctest::skip(sanitized)) {
    check_hostile(top + "\"actions\": [[[[[[[[[[[[[[", "0", "]]]]]]]]]]]]]]}",
                  "actions[0][0][0][0][0][0][0][0][0][0][0][0][0]: more than 10000 elements in one array");
}

TEST_CASE("json memory: 9 million empty objects in an entry are refused within 2x the document + 64 MiB" *
          doctest::skip(sanitized)) {
    check_hostile(top + "\"actions\": [{\"key\": \"a\", \"owners\": [", "{}", "]}]}",
                  "actions[0].owners: more than 10000 elements in one array (the limit)");
}

TEST_CASE("json memory: 9 million zeros in an unknown member are refused within 2x the document + 64 MiB" *
          doctest::skip(sanitized)) {
    check_hostile(top + "\"junk\": [", "0", "]}", "document.junk: unknown member");
}

TEST_CASE("json memory: 9 million zeros in meta are refused within 2x the document + 64 MiB" *
          doctest::skip(sanitized)) {
    check_hostile(top + "\"meta\": {\"x\": [", "0", "]}}", "meta.x: expected a string or a boolean, got an array");
}
