// The region hierarchy under merges that move, re-kind and re-alias regions: the
// store must stay exportable and every export must import back.
#include "support.hpp"

#include <SQLiteCpp/Database.h>

using namespace actielijst;

namespace {

std::string doc(const std::string& body) {
    return "{\"format\": \"actielijst\", \"format_version\": 1, " + body + "}";
}

const std::string base_regions =
    "\"regions\": ["
    "{\"code\": \"PV31\", \"name\": \"Limburg\", \"kind\": \"province\", \"aliases\": [\"Prov\"]},"
    "{\"code\": \"CR37\", \"name\": \"Noord-Limburg\", \"kind\": \"corop\", \"parent\": \"PV31\"},"
    "{\"code\": \"GM1\", \"name\": \"Eendorp\", \"kind\": \"municipality\", \"parent\": \"CR37\"}]";

/// export -> import into an empty store -> export gives the same text.
void check_round_trip(const Store& store, const test::TempDir& dir, const std::string& name) {
    const auto first = store.export_json(true);
    auto copy = Store::open(dir.file(name));
    copy.import_json(first);
    CHECK(copy.export_json(true) == first);
}

}  // namespace

TEST_CASE("regions: a region cannot become its own parent through an alias") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(doc(base_regions));
    const auto before = store.export_json(true);
    for (const char* parent : {"Prov", "pv31"}) {
        CAPTURE(parent);
        const auto msg = test::error_of(
            [&] {
                store.import_json(doc("\"regions\": [{\"code\": \"PV31\", \"name\": \"Limburg\", \"kind\": \"corop\", "
                                      "\"parent\": \"" + std::string(parent) + "\"}]"));
            },
            Errc::conflict);
        CHECK(msg.find("regions[0].") == 0);
    }
    CHECK(store.export_json(true) == before);
    CHECK_NOTHROW((void)store.view(Date(2024, 1, 1)));
}

TEST_CASE("regions: a municipality moved to a newer region still exports parents first and imports back") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(doc(base_regions));
    store.import_json(doc("\"regions\": [{\"code\": \"CR40\", \"name\": \"Nieuw\", \"kind\": \"corop\", \"parent\": \"PV31\"},"
                          "{\"code\": \"GM1\", \"name\": \"Eendorp\", \"kind\": \"municipality\", \"parent\": \"CR40\"}]"));
    const auto regions = store.dump().regions;
    REQUIRE(regions.size() == 4);
    CHECK(regions[3].code() == "GM1");
    CHECK(regions[3].parent() == "CR40");
    check_round_trip(store, dir, "copy.db");
}

TEST_CASE("regions: a kind change is refused while contacts or municipal counts depend on the old kind") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(doc(base_regions + ", \"contacts\": [{\"municipality\": \"GM1\", \"role\": \"Wonen\", \"name\": \"A\"}]"));
    const auto before = store.export_json(true);
    const auto msg = test::error_of(
        [&] {
            store.import_json(doc("\"regions\": [{\"code\": \"GM1\", \"name\": \"Eendorp\", \"kind\": \"corop\", "
                                  "\"parent\": \"PV31\"}]"));
        },
        Errc::conflict);
    CHECK(msg.find("regions[0].kind: region GM1 has contacts") == 0);
    CHECK(store.export_json(true) == before);
    check_round_trip(store, dir, "copy.db");
}

TEST_CASE("regions: an alias that is another region's code is refused") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(doc(base_regions));
    const auto msg = test::error_of(
        [&] {
            store.import_json(doc("\"regions\": [{\"code\": \"CR38\", \"name\": \"Midden\", \"kind\": \"corop\", "
                                  "\"parent\": \"PV31\", \"aliases\": [\"cr37\"]}]"));
        },
        Errc::conflict);
    CHECK(msg.find("regions[0].aliases[0]: alias \"cr37\" of region CR38 is the code of region CR37") == 0);
}

TEST_CASE("regions: many regions merge in time linear in their number") {
    // A functional guard against the quadratic name index: 3,000 municipalities with
    // an alias each import and resolve (the benchmark measures the time).
    std::string regions = "{\"code\": \"PV1\", \"name\": \"P\", \"kind\": \"province\"},"
                          "{\"code\": \"CR1\", \"name\": \"C\", \"kind\": \"corop\", \"parent\": \"PV1\"}";
    for (int i = 0; i < 3000; ++i)
        regions += ",{\"code\": \"GM" + std::to_string(i) + "\", \"name\": \"Gemeente " + std::to_string(i) +
                   "\", \"kind\": \"municipality\", \"parent\": \"CR1\", \"aliases\": [\"G" + std::to_string(i) + "\"]}";
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(doc("\"regions\": [" + regions + "]"));
    CHECK(store.resolve_region("g2999") == std::optional<std::string>("GM2999"));
    CHECK(store.view(Date(2024, 1, 1)).municipalities_in("CR1").size() == 3000);
}

TEST_CASE("view: hand-made regions whose parents form a cycle are refused") {
    ViewData d;
    d.regions.emplace_back("A", "A", RegionKind::corop, "B");
    d.regions.emplace_back("B", "B", RegionKind::corop, "A");
    const auto msg = test::error_of([&] { View v(std::move(d)); });
    CHECK(msg.find("the parents form a cycle") != std::string::npos);
}

TEST_CASE("store_open: a path that is empty or not UTF-8 is invalid input, not an I/O error") {
    test::TempDir dir;
    CHECK(test::error_of([] { (void)Store::open(""); }).find("empty") != std::string::npos);
    const auto msg = test::error_of([&] { (void)Store::open(dir.file("\xFF\xFE.db")); });
    CHECK(msg.find("not valid UTF-8") != std::string::npos);
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("regions: a new region's code may not be another region's alias (found by fuzz_merge)") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    const auto before = store.export_json(true);
    const auto msg = test::error_of(
        [&] {
            store.import_json(doc(
                "\"regions\": [{\"code\": \"PV1\", \"name\": \"Limburg\", \"kind\": \"province\"},"
                "{\"code\": \"CR2\", \"name\": \"Zuid\", \"kind\": \"corop\", \"parent\": \"PV1\"},"
                "{\"code\": \"GM1\", \"name\": \"Bergen\", \"kind\": \"municipality\", \"parent\": \"CR2\", \"aliases\": [\"cr1\"]},"
                "{\"code\": \"CR1\", \"name\": \"Noord\", \"kind\": \"corop\", \"parent\": \"PV1\"}]"));
        },
        Errc::conflict);
    CHECK(msg.find("regions[3].code: code \"CR1\" is already a name or alias of region GM1") == 0);
    CHECK(store.export_json(true) == before);
}

TEST_CASE("regions: municipalities cannot move so that a stored count no longer fits (found by fuzz_merge)") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(doc(
        "\"regions\": [{\"code\": \"PV1\", \"name\": \"P\", \"kind\": \"province\"},"
        "{\"code\": \"CR1\", \"name\": \"C1\", \"kind\": \"corop\", \"parent\": \"PV1\"},"
        "{\"code\": \"CR2\", \"name\": \"C2\", \"kind\": \"corop\", \"parent\": \"PV1\"}],"
        "\"indicators\": [{\"key\": \"i1\", \"label\": {\"nl\": \"I\"}, \"kind\": \"ordinal\", \"levels\": ["
        "{\"key\": \"lo\", \"label\": {\"nl\": \"L\"}}, {\"key\": \"hi\", \"label\": {\"nl\": \"H\"}}]}],"
        "\"observations\": [{\"indicator\": \"i1\", \"region\": \"CR1\", \"as_of\": \"2023-01-01\", \"level\": \"lo\", "
        "\"count\": 2}]"));
    // One municipality where the statement counts two: a contradiction once municipalities are known.
    const auto before = store.export_json(true);
    const auto one = doc("\"regions\": [{\"code\": \"GM1\", \"name\": \"G1\", \"kind\": \"municipality\", \"parent\": \"CR1\"}]");
    CHECK(test::error_of([&] { store.import_json(one); }, Errc::conflict).find("regions: CR1 would have 1 municipalities") == 0);
    CHECK(store.export_json(true) == before);
    // Two at once fit; moving one of them away afterwards does not.
    store.import_json(doc("\"regions\": [{\"code\": \"GM1\", \"name\": \"G1\", \"kind\": \"municipality\", \"parent\": \"CR1\"},"
                          "{\"code\": \"GM2\", \"name\": \"G2\", \"kind\": \"municipality\", \"parent\": \"CR1\"}]"));
    CHECK_THROWS_AS(store.import_json(doc("\"regions\": [{\"code\": \"GM2\", \"name\": \"G2\", \"kind\": "
                                          "\"municipality\", \"parent\": \"CR2\"}]")),
                    Error);
    const auto first = store.export_json(true);
    auto copy = Store::open(dir.file("copy.db"));
    copy.import_json(first);
    CHECK(copy.export_json(true) == first);
}
