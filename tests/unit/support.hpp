// Helpers shared by the test suites: temporary directories, files, fixtures.
#pragma once

#include <actielijst.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>

namespace test {

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "actielijst-test-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

/// The bundled Limburg action list.
inline std::string limburg_json() { return read_file(std::string(ACTIELIJST_SOURCE_DIR) + "/examples/data/limburg.json"); }

inline std::string fixture(const std::string& name) { return read_file(std::string(ACTIELIJST_FIXTURES) + "/" + name); }

/// The message of the Error `body` throws; fails the test when it throws none.
template <class F>
std::string error_of(F&& body, actielijst::Errc expected = actielijst::Errc::invalid) {
    try {
        body();
    } catch (const actielijst::Error& e) {
        CHECK_MESSAGE(e.code() == expected, "error: " << e.what());
        return e.what();
    }
    FAIL("expected an actielijst::Error, none was thrown");
    return {};
}

/// Two pictures hold the same list, field by field; `meta` (the list's free
/// description, not dated history) is left to the caller.
inline void check_same_picture(const actielijst::View& a, const actielijst::View& b) {
    CHECK(a.as_of() == b.as_of());
    CHECK(a.themes() == b.themes());
    CHECK(a.regions() == b.regions());
    CHECK(a.states() == b.states());
    CHECK(a.meetings() == b.meetings());
    CHECK(a.actions() == b.actions());
    CHECK(a.statuses() == b.statuses());
    CHECK(a.proposals() == b.proposals());
    CHECK(a.indicators() == b.indicators());
    CHECK(a.observations() == b.observations());
    CHECK(a.due_changes() == b.due_changes());
}

inline bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }
inline bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace test

// Checks on an error message. `msg` is evaluated once: doctest formats the message
// lazily, and evaluating an error_of() a second time inside a failure report would
// nest assertions (and deadlock doctest's reporter).
#define CHECK_HAS(msg, part)                                                      \
    do {                                                                          \
        const std::string message_ = (msg);                                       \
        CHECK_MESSAGE(test::contains(message_, (part)), "message: " << message_); \
    } while (0)
#define CHECK_LACKS(msg, part)                                                     \
    do {                                                                           \
        const std::string message_ = (msg);                                        \
        CHECK_MESSAGE(!test::contains(message_, (part)), "unexpected " << (part)); \
    } while (0)
#define CHECK_STARTS(msg, prefix)                                                       \
    do {                                                                                \
        const std::string message_ = (msg);                                             \
        CHECK_MESSAGE(test::starts_with(message_, (prefix)), "message: " << message_); \
    } while (0)
