// Structured errors: an Error keeps its code, its place and its message apart, and
// the places that reach a caller are paths built from the input's structure, never
// taken out of a message.
#include "support.hpp"

#include <actielijst/error.hpp>
#include <actielijst/json.hpp>

#include <cerrno>
#include <string>

using namespace actielijst;

namespace {

/// Runs `body`, which must throw Error, and returns the error.
template <class F>
Error caught(F&& body) {
    try {
        body();
    } catch (const Error& e) {
        return e;
    }
    FAIL("expected an actielijst::Error");
    return Error(Errc::invalid, "unreachable");
}

Store limburg_store(const test::TempDir& dir) {
    Store store = Store::open(dir.file("lijst.db"));
    store.import_json(test::limburg_json());
    return store;
}

}  // namespace

TEST_CASE("an error keeps code, place and message apart; what() joins them for people") {
    const Error plain(Errc::not_found, "nothing here");
    CHECK(plain.code() == Errc::not_found);
    CHECK(plain.where().empty());
    CHECK(plain.message() == "nothing here");
    CHECK(std::string(plain.what()) == "nothing here");
    CHECK(plain.system_errno() == 0);

    const Error placed(Errc::invalid, "state", "unknown state \"klaar\"");
    CHECK(placed.where() == "state");
    CHECK(placed.message() == "unknown state \"klaar\"");
    CHECK(std::string(placed.what()) == "state: unknown state \"klaar\"");

    const Error file(Errc::io, "lijst.rules", "cannot read the rules file", ENOENT);
    CHECK(file.system_errno() == ENOENT);
}

TEST_CASE("places nest as paths and come off as path components") {
    const Error inner(Errc::invalid, "state", "unknown state");
    const Error outer = inner.within("updates[3]");
    CHECK(outer.where() == "updates[3].state");
    CHECK(outer.message() == "unknown state");
    CHECK(outer.code() == Errc::invalid);
    CHECK(Error(Errc::invalid, "[2]", "x").within("owners").where() == "owners[2]");
    CHECK(Error(Errc::invalid, "x").within("meta").where() == "meta");

    CHECK(outer.inside("updates[3]"));
    CHECK(outer.inside("updates[3].state"));
    CHECK(outer.inside("updates"));  // the list holds its elements
    CHECK_FALSE(outer.inside("update"));  // a name that only starts the same is not
    CHECK(Error(Errc::invalid, "regions[1]", "x").inside("regions"));
    CHECK_FALSE(Error(Errc::invalid, "regions_x", "x").inside("regions"));
    CHECK_FALSE(Error(Errc::invalid, "x").inside(""));

    CHECK(outer.without("updates[3]").where() == "state");
    CHECK(outer.without("updates[0]").where() == "updates[3].state");  // not inside: unchanged
    CHECK(Error(Errc::invalid, "regions[1]", "x").without("regions").where() == "[1]");
    CHECK(Error(Errc::invalid, "meeting", "x").without("meeting").where().empty());

    // The message does not take part: a message that looks like a place stays text.
    const Error lookalike(Errc::invalid, "updates[0].state: looks placed");
    CHECK(lookalike.without("updates[0]").where().empty());
    CHECK(std::string(lookalike.without("updates[0]").what()) == "updates[0].state: looks placed");
}

TEST_CASE("the store's errors carry the place of the input") {
    test::TempDir dir;
    Store store = limburg_store(dir);

    SUBCASE("a document names the entry and field") {
        const Error e = caught([&] {
            auto json = test::limburg_json();
            const auto at = json.find("\"state\": \"", json.find("\"updates\""));
            REQUIRE(at != std::string::npos);
            json.insert(at + 10, "klaar");  // the first update's state becomes "klaar..."
            store.import_json(json);
        });
        CHECK(e.code() == Errc::invalid);
        CHECK(e.where() == "updates[0].state");
        CHECK(e.message().find("klaar") != std::string::npos);
    }
    SUBCASE("a single record drops the list position") {
        const Error e = caught([&] {
            store.record(StatusUpdate("wonen-registratie", "PV31", "klaar", "x", Date::parse("2023-03-01")));
        });
        CHECK(e.where() == "state");
        CHECK(std::string(e.what()).rfind("state: ", 0) == 0);
    }
    SUBCASE("an unknown meeting of a decision is not_found at `meeting`") {
        const Error e = caught([&] {
            store.decide("P1", ProposalState::adopted, std::nullopt, "geen-vergadering", "");
        });
        CHECK(e.code() == Errc::not_found);
        CHECK(e.where() == "meeting");
    }
    SUBCASE("a store that is not there: a file error with its errno") {
        OpenOptions options;
        options.must_exist = true;
        const Error e = caught([&] { (void)Store::open(dir.file("weg.db"), options); });
        CHECK(e.code() == Errc::io);
        CHECK(e.system_errno() == ENOENT);
    }
}
