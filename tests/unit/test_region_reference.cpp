// The shipped CBS region reference: what a province's list gets from it, how
// mergers carry their dates, and what a store keeps of its own.
#include "support.hpp"

#include <algorithm>
#include <map>

using namespace actielijst;

namespace {

std::size_t count_kind(const std::vector<Region>& regions, RegionKind kind) {
    return static_cast<std::size_t>(
        std::count_if(regions.begin(), regions.end(), [&](const Region& r) { return r.kind() == kind; }));
}

const Region* find(const std::vector<Region>& regions, std::string_view code) {
    const auto it = std::find_if(regions.begin(), regions.end(), [&](const Region& r) { return r.code() == code; });
    return it == regions.end() ? nullptr : &*it;
}

std::string fingerprint(const Store& store) { return store.export_json(true); }

}  // namespace

TEST_CASE("region reference: twelve provinces, and its coverage is stated") {
    const auto provinces = reference_provinces();
    REQUIRE(provinces.size() == 12);
    CHECK(provinces.front().code() == "PV20");
    CHECK(provinces.back().code() == "PV31");
    CHECK(find(provinces, "PV30")->name() == "Noord-Brabant");
    const auto& info = region_reference_info();
    CHECK(info.first_year == 2018);
    CHECK(info.last_year == 2026);
    CHECK(info.source.find("CBS") != std::string::npos);
}

TEST_CASE("region reference: Noord-Brabant holds its 4 COROP regions and 56 municipalities with their codes") {
    const auto regions = reference_regions("PV30");
    CHECK(regions.front().code() == "PV30");
    CHECK(count_kind(regions, RegionKind::province) == 1);
    CHECK(count_kind(regions, RegionKind::corop) == 4);
    CHECK(count_kind(regions, RegionKind::municipality) == 56);
    for (const auto* code : {"CR33", "CR34", "CR35", "CR36"}) CHECK(find(regions, code) != nullptr);
    REQUIRE(find(regions, "GM0796") != nullptr);
    CHECK(find(regions, "GM0796")->name() == "'s-Hertogenbosch");
    CHECK(find(regions, "GM0772")->name() == "Eindhoven");
    CHECK(find(regions, "GM0772")->parent() == "CR36");
    CHECK(find(regions, "GM1982")->name() == "Land van Cuijk");
    CHECK(find(regions, "GM0820")->name() == "Nuenen, Gerwen en Nederwetten");  // a comma in the CSV
    // Every region's parent is in the list and comes before it.
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const auto& r = regions[i];
        if (!r.parent().empty()) CHECK_MESSAGE(position.count(r.parent()) == 1, r.code());
        position[r.code()] = i;
        CHECK(r.period() == Period{});  // no merger in Noord-Brabant after 2026-01-01
    }
    // The same by name, in any case.
    CHECK(reference_regions("noord-brabant").size() == regions.size());
}

TEST_CASE("region reference: the Limburg part equals the bundled Limburg list's regions") {
    const auto reference = reference_regions("PV31", 2023);
    auto store_dir = test::TempDir();
    auto store = Store::open(store_dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    const auto listed = store.definitions().regions;
    REQUIRE(reference.size() == listed.size());
    for (const auto& l : listed) {
        CAPTURE(l.code());
        const auto* r = find(reference, l.code());
        REQUIRE(r != nullptr);
        CHECK(r->kind() == l.kind());
        CHECK(r->parent() == l.parent());
        CHECK(r->period() == l.period());
        // CBS writes "Beek (L.)" and "Stein (L.)" since 2024; the list keeps the
        // bare name with the CBS name as its alias.
        const bool alias = std::find(l.aliases().begin(), l.aliases().end(), r->name()) != l.aliases().end();
        CHECK((r->name() == l.name() || alias));
    }
}

TEST_CASE("region reference: a list that starts before a merger gets both sides with the merger's date") {
    const auto regions = reference_regions("Limburg", 2018);
    CHECK(count_kind(regions, RegionKind::municipality) == 34);  // 31 today, Beekdaelen was 3
    for (const auto* code : {"GM0881", "GM0951", "GM0962"}) {  // Onderbanken, Nuth, Schinnen
        REQUIRE(find(regions, code) != nullptr);
        CHECK(find(regions, code)->period() == Period{std::nullopt, Date(2019, 1, 1)});
    }
    REQUIRE(find(regions, "GM1954") != nullptr);
    CHECK(find(regions, "GM1954")->period() == Period{Date(2019, 1, 1), std::nullopt});
    // From 2019 on, the merged municipalities are gone and Beekdaelen is there from the start.
    const auto later = reference_regions("PV31", 2019);
    CHECK(find(later, "GM0951") == nullptr);
    CHECK(find(later, "GM1954")->period() == Period{});
    // A merger on another day than 1 January: Weesp into Amsterdam on 24 March 2022.
    const auto holland = reference_regions("PV27", 2022);
    REQUIRE(find(holland, "GM0457") != nullptr);
    CHECK(find(holland, "GM0457")->period() == Period{std::nullopt, Date(2022, 3, 24)});
}

TEST_CASE("region reference: an unknown province or year is a clear error") {
    CHECK_HAS(test::error_of([] { reference_regions("PV40"); }, Errc::not_found), "\"PV40\" is not a province");
    CHECK_HAS(test::error_of([] { reference_regions("Brabant"); }, Errc::not_found), "PV30 Noord-Brabant");
    CHECK_HAS(test::error_of([] { reference_regions("PV31", 2017); }, Errc::invalid), "2018 to 2026, not 2017");
    CHECK_HAS(test::error_of([] { reference_regions("PV31", 2027); }, Errc::invalid), "not 2027");
}

TEST_CASE("region reference: a store set up for a province, keeping a list's own names") {
    test::TempDir dir;
    auto store = Store::open(dir.file("brabant.db"));
    const auto summary = store.add_province_regions("PV30");
    CHECK(summary.definitions_added == 61);
    const auto regions = store.definitions().regions;
    CHECK(regions.size() == 61);
    CHECK(count_kind(regions, RegionKind::corop) == 4);
    CHECK(store.resolve_region("Eindhoven") == std::optional<std::string>("GM0772"));
    // Again: nothing new, nothing changed.
    const auto before = fingerprint(store);
    CHECK(store.add_province_regions("PV30").definitions_added == 0);
    CHECK(fingerprint(store) == before);

    // The Limburg list keeps "Zuid" and "Beek"; the reference adds nothing it lacks.
    auto limburg = Store::open(dir.file("limburg.db"));
    limburg.import_json(test::limburg_json());
    const auto limburg_before = fingerprint(limburg);
    CHECK(limburg.add_province_regions("PV31", 2023).definitions_added == 0);
    CHECK(fingerprint(limburg) == limburg_before);
    CHECK(limburg.resolve_region("Zuid") == std::optional<std::string>("CR39"));
}

TEST_CASE("region reference: a merger that would orphan states of affairs is refused, nothing stored") {
    test::TempDir dir;
    auto store = Store::open(dir.file("nuth.db"));
    store.install_default_states();
    store.add_province_regions("PV31", 2018);
    // Nuth is on the list until 2019; a state of affairs for it in 2018 is fine.
    Dataset data;
    data.themes.emplace_back("wonen", Label("Wonen"));
    data.actions.emplace_back("registratie", "wonen", "Registratie", "Iedereen ingeschreven.");
    data.updates.emplace_back("registratie", "GM0951", "in_progress", "Nuth controleert.", Date(2018, 6, 1));
    store.merge(data);
    // A store that thinks Nuth still exists in 2020 (its own list said so) ...
    auto other = Store::open(dir.file("nuth-2020.db"));
    other.install_default_states();
    Dataset own;
    own.themes.emplace_back("wonen", Label("Wonen"));
    own.regions.emplace_back("PV31", "Limburg", RegionKind::province);
    own.regions.emplace_back("CR39", "Zuid-Limburg", RegionKind::corop, "PV31");
    own.regions.emplace_back("GM0951", "Nuth", RegionKind::municipality, "CR39");
    own.actions.emplace_back("registratie", "wonen", "Registratie", "Iedereen ingeschreven.");
    own.updates.emplace_back("registratie", "GM0951", "in_progress", "Nuth controleert nog.", Date(2020, 6, 1));
    other.merge(own);
    const auto before = fingerprint(other);
    // ... cannot take the reference's merger date: its 2020 state would be orphaned.
    const auto message = test::error_of([&] { other.add_province_regions("PV31", 2018); }, Errc::conflict);
    CHECK_HAS(message, "GM0951");
    CHECK(fingerprint(other) == before);
}
