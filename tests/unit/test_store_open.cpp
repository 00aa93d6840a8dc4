// Opening a store: only a create may make one; an empty or cut-off file is not a
// store; read-only opening never writes and refuses every write; messages name the
// store and the reason.
#include "support.hpp"

#include <actielijst/rules.hpp>

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>

namespace {

using namespace actielijst;

OpenOptions read_only() {
    OpenOptions o;
    o.read_only = true;
    return o;
}

OpenOptions must_exist() {
    OpenOptions o;
    o.must_exist = true;
    return o;
}

/// A closed store holding the Limburg list.
void make_limburg(const std::string& path) { Store::open(path).import_json(test::limburg_json()); }

std::vector<std::string> files_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("open: an empty file is not a store when it must exist, and stays empty") {
    test::TempDir dir;
    const auto path = dir.file("leeg.db");
    test::write_file(path, "");
    for (const auto& options : {must_exist(), read_only()}) {
        const auto message = test::error_of([&] { Store::open(path, options); }, Errc::storage);
        CHECK_MESSAGE(test::contains(message, "store \"" + path + "\": not an actielijst store (the file is empty)"),
                      message);
        CHECK(std::filesystem::file_size(path) == 0);
    }
    // Creating is what makes a store of it.
    { Store::open(path).import_json(test::limburg_json()); }
    CHECK(Store::open(path, read_only()).action_count() > 0);
}

TEST_CASE("open: a store cut off part way is refused as damaged, never read as an empty or shorter list") {
    test::TempDir dir;
    const auto whole = dir.file("heel.db");
    make_limburg(whole);
    const auto bytes = test::read_file(whole);
    REQUIRE(bytes.size() > 8192);
    const auto path = dir.file("afgekapt.db");
    for (const std::size_t keep : {std::size_t{100}, std::size_t{4096}, bytes.size() / 2}) {
        CAPTURE(keep);
        test::write_file(path, bytes.substr(0, keep));
        const auto attempt = [&] {
            auto store = Store::open(path, read_only());
            (void)store.view(Date(2023, 3, 1));
        };
        const auto message = test::error_of(attempt, Errc::storage);
        CHECK_MESSAGE(test::contains(message, path), message);
        CHECK_MESSAGE(test::contains(message, "not an actielijst store"), message);
    }
}

TEST_CASE("open: read-only reads everything and writes nothing, not even the journal mode") {
    test::TempDir dir;
    const auto path = dir.file("limburg.db");
    make_limburg(path);
    const auto before = test::read_file(path);
    const auto files_before = files_in(dir.path());
    {
        auto store = Store::open(path, read_only());
        const auto view = store.view(Date(2023, 3, 1));
        CHECK(view.actions().size() == store.action_count());
        CHECK_FALSE(store.export_json().empty());
        const auto scoped = store.view(Date(2023, 3, 1), Filter::parse("theme = \"wonen\""));
        CHECK_FALSE(scoped.actions().empty());

        SUBCASE("a write is refused with Errc::read_only naming the store, and nothing is written") {
            const auto message = test::error_of(
                [&] { store.record(StatusUpdate("wonen-registratie", "CR39", "done", "Klaar.", Date(2023, 6, 1))); },
                Errc::read_only);
            CHECK_MESSAGE(test::contains(message, "store \"" + path + "\" is opened read-only; nothing was written"),
                          message);
            test::error_of([&] { store.import_json(test::limburg_json()); }, Errc::read_only);
            Dataset theme;
            theme.themes = {Theme("nieuw", Label("Nieuw thema"))};
            test::error_of([&] { store.merge(theme); }, Errc::read_only);
        }
    }
    CHECK(test::read_file(path) == before);
    CHECK(files_in(dir.path()) == files_before);
}

TEST_CASE("open: read-only needs an existing file and never creates one") {
    test::TempDir dir;
    const auto path = dir.file("nieuw.db");
    const auto message = test::error_of([&] { Store::open(path, read_only()); }, Errc::io);
    CHECK_MESSAGE(test::contains(message, "no such file"), message);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("open: a store of an older schema is not migrated by a read-only open; it says how") {
    test::TempDir dir;
    const auto path = dir.file("oud.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::fixture("store-v2.sql"));
    }
    const auto before = test::read_file(path);
    const auto message = test::error_of([&] { Store::open(path, read_only()); }, Errc::read_only);
    CHECK_MESSAGE(test::contains(message, "must first be migrated"), message);
    CHECK(test::read_file(path) == before);
    // Opened for writing once, it is migrated and then reads read-only too.
    { Store::open(path, must_exist()); }
    CHECK_NOTHROW(Store::open(path, read_only()));
}

TEST_CASE("open: a negative busy timeout is refused") {
    test::TempDir dir;
    OpenOptions o;
    o.busy_timeout_ms = -1;
    const auto message = test::error_of([&] { Store::open(dir.file("x.db"), o); }, Errc::invalid);
    CHECK_MESSAGE(test::contains(message, "busy timeout"), message);
}
