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

}  // namespace test
