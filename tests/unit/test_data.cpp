#include "support.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace {

using namespace actielijst;
using test::contains;
using test::starts_with;


const Date list_date = Date(2023, 3, 1);

/// The 31 Limburg municipalities: CBS code, name and COROP region, as in
/// shared/reference/limburg-regions.csv (embedded, not read at run time).
const std::vector<std::tuple<std::string, std::string, std::string>> municipalities{
    {"GM0889", "Beesel", "CR37"},
    {"GM0893", "Bergen (L.)", "CR37"},
    {"GM0907", "Gennep", "CR37"},
    {"GM1507", "Horst aan de Maas", "CR37"},
    {"GM0944", "Mook en Middelaar", "CR37"},
    {"GM1894", "Peel en Maas", "CR37"},
    {"GM0983", "Venlo", "CR37"},
    {"GM0984", "Venray", "CR37"},
    {"GM1711", "Echt-Susteren", "CR38"},
    {"GM1640", "Leudal", "CR38"},
    {"GM1641", "Maasgouw", "CR38"},
    {"GM0946", "Nederweert", "CR38"},
    {"GM1669", "Roerdalen", "CR38"},
    {"GM0957", "Roermond", "CR38"},
    {"GM0988", "Weert", "CR38"},
    {"GM0888", "Beek", "CR39"},
    {"GM1954", "Beekdaelen", "CR39"},
    {"GM0899", "Brunssum", "CR39"},
    {"GM1903", "Eijsden-Margraten", "CR39"},
    {"GM1729", "Gulpen-Wittem", "CR39"},
    {"GM0917", "Heerlen", "CR39"},
    {"GM0928", "Kerkrade", "CR39"},
    {"GM0882", "Landgraaf", "CR39"},
    {"GM0935", "Maastricht", "CR39"},
    {"GM0938", "Meerssen", "CR39"},
    {"GM0965", "Simpelveld", "CR39"},
    {"GM1883", "Sittard-Geleen", "CR39"},
    {"GM0971", "Stein", "CR39"},
    {"GM0981", "Vaals", "CR39"},
    {"GM0994", "Valkenburg aan de Geul", "CR39"},
    {"GM0986", "Voerendaal", "CR39"},
};

/// A fresh store holding the bundled Limburg list.
struct Limburg {
    test::TempDir dir;
    Store store = Store::open(dir.file("limburg.db"));
    Dataset data;
    Limburg() {
        store.import_json(test::limburg_json());
        data = store.dump();
    }
};

std::vector<const StatusUpdate*> updates_of(const Dataset& d, const std::string& action) {
    std::vector<const StatusUpdate*> out;
    for (const auto& u : d.updates)
        if (u.action() == action) out.push_back(&u);
    return out;
}

const ProgressState* state_of(const Dataset& d, const std::string& key) {
    for (const auto& s : d.states)
        if (s.key() == key) return &s;
    return nullptr;
}

std::optional<std::variant<std::string, bool>> meta_value(const Dataset& d, const std::string& key) {
    for (const auto& m : d.meta)
        if (m.key == key) return m.value;
    return std::nullopt;
}

/// Observations of short_stay_policy for one region and level.
std::vector<const Observation*> short_stay(const std::vector<Observation>& all, const std::string& region,
                                           const std::string& level) {
    std::vector<const Observation*> out;
    for (const auto& o : all)
        if (o.indicator() == "short_stay_policy" && o.region() == region && o.value().level == level) out.push_back(&o);
    return out;
}

}  // namespace

TEST_CASE("data: the Limburg list imports into an empty store") {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    const auto summary = store.import_json(test::limburg_json());
    // New keys: 4 themes, 35 regions, the list's 8 states, 19 actions, 3 proposals,
    // 2 indicators (a new store holds no states).
    CHECK(summary.definitions_added == 71);
    CHECK(summary.updates_added == 27);
    CHECK(summary.updates_unchanged == 0);
    CHECK(summary.observations_written == 13);

    SUBCASE("a second import changes nothing") {
        const auto exported = store.export_json(true);
        const auto again = store.import_json(test::limburg_json());
        CHECK(again.definitions_added == 0);
        CHECK(again.updates_added == 0);
        CHECK(again.updates_unchanged == 27);
        CHECK(store.export_json(true) == exported);
    }
    SUBCASE("export, import into an empty store and export again is byte-identical") {
        const auto exported = store.export_json(true);
        test::TempDir other;
        auto copy = Store::open(other.file("kopie.db"));
        copy.import_json(exported);
        CHECK(copy.export_json(true) == exported);
    }
}

TEST_CASE("data: 19 action points in four themes") {
    const Limburg l;
    REQUIRE(l.data.themes.size() == 4);
    std::vector<std::string> themes;
    for (const auto& t : l.data.themes) themes.push_back(t.key());
    CHECK(themes == std::vector<std::string>{"wonen", "werken", "samenleven", "algemeen"});
    CHECK(l.data.themes[0].label().nl() == "Wonen");

    CHECK(l.data.actions.size() == 19);
    std::map<std::string, int> per_theme;
    for (const auto& a : l.data.actions) ++per_theme[a.theme()];
    CHECK(per_theme["wonen"] == 6);
    CHECK(per_theme["werken"] == 2);
    CHECK(per_theme["samenleven"] == 6);
    CHECK(per_theme["algemeen"] == 5);
    CHECK(per_theme.size() == 4);

    // Actions are listed in theme order.
    std::vector<std::string> order;
    for (const auto& a : l.data.actions)
        if (order.empty() || order.back() != a.theme()) order.push_back(a.theme());
    CHECK(order == themes);

    const auto view = l.store.view(list_date);
    CHECK(view.actions().size() == 19);
    for (const auto& a : view.actions()) {
        CAPTURE(a.key());
        CHECK(view.theme(a.theme()) != nullptr);
        CHECK_FALSE(view.statuses_of(a.key()).empty());  // every action point has a state of affairs
    }
}

TEST_CASE("data: regions follow the CBS codes") {
    const Limburg l;
    CHECK(l.data.regions.size() == 35);
    std::map<RegionKind, int> kinds;
    for (const auto& r : l.data.regions) ++kinds[r.kind()];
    CHECK(kinds[RegionKind::municipality] == 31);
    CHECK(kinds[RegionKind::corop] == 3);
    CHECK(kinds[RegionKind::province] == 1);

    const auto view = l.store.view(list_date);
    REQUIRE(view.region("PV31") != nullptr);
    CHECK(view.region("PV31")->kind() == RegionKind::province);
    CHECK(view.region("PV31")->name() == "Limburg");
    CHECK(view.region("PV31")->parent().empty());
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
             {"CR37", "Noord-Limburg"}, {"CR38", "Midden-Limburg"}, {"CR39", "Zuid-Limburg"}}) {
        CAPTURE(code);
        REQUIRE(view.region(code) != nullptr);
        CHECK(view.region(code)->kind() == RegionKind::corop);
        CHECK(view.region(code)->name() == name);
        CHECK(view.region(code)->parent() == "PV31");
    }

    std::set<std::string> expected_codes;
    for (const auto& [code, name, parent] : municipalities) {
        CAPTURE(code);
        expected_codes.insert(code);
        const auto* r = view.region(code);
        REQUIRE(r != nullptr);
        CHECK(r->kind() == RegionKind::municipality);
        CHECK(r->name() == name);
        CHECK(r->parent() == parent);
    }
    std::set<std::string> stored_codes;
    for (const auto& r : l.data.regions)
        if (r.kind() == RegionKind::municipality) stored_codes.insert(r.code());
    CHECK(stored_codes == expected_codes);

    CHECK(view.municipalities_in("CR37").size() == 8);
    CHECK(view.municipalities_in("CR38").size() == 7);
    CHECK(view.municipalities_in("CR39").size() == 16);
    CHECK(view.municipalities_in("PV31").size() == 31);
}

TEST_CASE("data: region names and aliases resolve") {
    const Limburg l;
    for (const auto& [alias, code] : std::vector<std::pair<std::string, std::string>>{
             {"Noord", "CR37"},
             {"Regio Noord", "CR37"},
             {"Noord-Limburg", "CR37"},
             {"regio noord", "CR37"},
             {"Midden", "CR38"},
             {"Regio Midden", "CR38"},
             {"Midden-Limburg", "CR38"},
             {"Zuid", "CR39"},
             {"Regio Zuid", "CR39"},
             {"Zuid-Limburg", "CR39"},
             {"Limburg", "PV31"},
             {"Venlo", "GM0983"},
             {"Sittard-Geleen", "GM1883"},
         }) {
        CAPTURE(alias);
        CHECK(l.store.resolve_region(alias) == std::optional<std::string>(code));
    }
    CHECK(l.store.resolve_region("Noord-Brabant") == std::nullopt);
}

TEST_CASE("data: named facts of the list") {
    const Limburg l;
    const auto& d = l.data;

    SUBCASE("the Omgevingsverordening was published on 18 January 2023") {
        // A dated fact, so the list as of that date already shows it.
        const auto updates = updates_of(d, "wonen-omgevingsverordening");
        REQUIRE(updates.size() == 2);
        CHECK(updates[0]->as_of() == Date(2023, 1, 18));
        CHECK(updates[1]->as_of() == Date(2023, 3, 1));
        for (const auto* u : updates) {
            CHECK(u->state() == "done");
            CHECK(u->scope() == "PV31");
            CHECK(contains(u->text(), "18 januari 2023"));
        }
        CHECK(l.store.view(Date(2023, 1, 17)).status("wonen-omgevingsverordening", "PV31") == nullptr);
        const auto on_the_day = l.store.view(Date(2023, 1, 18));
        const auto* published = on_the_day.status("wonen-omgevingsverordening", "PV31");
        REQUIRE(published != nullptr);
        CHECK(published->text() == "De omgevingsverordening is op 18 januari 2023 gepubliceerd.");
    }
    SUBCASE("talking with international workers is blocked by a lack of capacity") {
        const auto updates = updates_of(d, "algemeen-in-gesprek");
        REQUIRE(updates.size() == 1);
        const auto* state = state_of(d, updates[0]->state());
        REQUIRE(state != nullptr);
        CHECK(state->category() == StateCategory::blocked);
        CHECK(contains(updates[0]->text(), "gebrek aan capaciteit"));
    }
    SUBCASE("the most recent monitoring figures are from 2020, without a number") {
        const auto updates = updates_of(d, "algemeen-monitoring");
        REQUIRE(updates.size() == 1);
        CHECK(contains(updates[0]->text(), "2020"));
        std::vector<const Observation*> figures;
        for (const auto& o : d.observations)
            if (o.indicator() == "international_workers_count") figures.push_back(&o);
        REQUIRE(figures.size() == 1);
        CHECK(figures[0]->region() == "PV31");
        CHECK(figures[0]->as_of() == Date(2020, 12, 31));
        CHECK_FALSE(figures[0]->value().value.has_value());
        CHECK(contains(figures[0]->note() + " " + figures[0]->source(), "2020"));
        CHECK_FALSE(figures[0]->note().empty());
    }
    SUBCASE("the open proposals include the one about the wethouders Wonen") {
        int open = 0;
        bool wethouders = false;
        for (const auto& p : d.proposals) {
            if (p.state() != ProposalState::open) continue;
            ++open;
            if (contains(p.text(), "wethouders Wonen")) {
                wethouders = true;
                CHECK(p.action() == "wonen-regionaal-beleid");
                CHECK(p.kind() == ProposalKind::proposal);
                CHECK_FALSE(p.decided().has_value());
            }
        }
        CHECK(open >= 1);
        CHECK(wethouders);
    }
    SUBCASE("Zuid-Limburg is stalled on local policy") {
        const auto view = l.store.view(list_date);
        const auto* zuid = view.status("wonen-lokaal-beleid", "CR39");
        REQUIRE(zuid != nullptr);
        CHECK(zuid->state() == "stalled");
        REQUIRE(view.state(zuid->state()) != nullptr);
        CHECK(view.state(zuid->state())->category() == StateCategory::blocked);
    }
    SUBCASE("meta: the as-of date is inferred") {
        CHECK(meta_value(d, "as_of") == std::optional<std::variant<std::string, bool>>(std::string("2023-03-01")));
        CHECK(meta_value(d, "as_of_inferred") == std::optional<std::variant<std::string, bool>>(true));
    }
    SUBCASE("every see_also resolves") {
        std::set<std::string> keys;
        for (const auto& a : d.actions) keys.insert(a.key());
        int refs = 0;
        for (const auto& a : d.actions)
            for (const auto& target : a.see_also()) {
                CAPTURE(a.key());
                CHECK(keys.count(target) == 1);
                CHECK(target != a.key());
                ++refs;
            }
        CHECK(refs > 0);
    }
    SUBCASE("every update and proposal refers to a known action, scope and state") {
        const auto view = l.store.view(list_date);
        for (const auto& u : d.updates) {
            CAPTURE(u.action());
            CHECK(view.action(u.action()) != nullptr);
            CHECK(view.region(u.scope()) != nullptr);
            CHECK(view.state(u.state()) != nullptr);
            CHECK(u.as_of() <= list_date);
        }
        for (const auto& p : d.proposals) CHECK(view.action(p.action()) != nullptr);
    }
}

TEST_CASE("data: short-stay policy observations record only what the source says") {
    const Limburg l;
    const auto view = l.store.view(list_date);
    for (const auto* all : {&l.data.observations, &view.observations()}) {
        const auto adopted37 = short_stay(*all, "CR37", "adopted");
        REQUIRE(adopted37.size() == 1);
        CHECK(adopted37[0]->value().count == std::optional<std::int64_t>(4));
        const auto prep37 = short_stay(*all, "CR37", "in_preparation");
        REQUIRE(prep37.size() == 1);
        CHECK(prep37[0]->value().count == std::optional<std::int64_t>(5));
        const auto prep38 = short_stay(*all, "CR38", "in_preparation");
        REQUIRE(prep38.size() == 1);
        CHECK(prep38[0]->value().count == std::optional<std::int64_t>(4));
        CHECK(short_stay(*all, "CR38", "adopted").empty());
        CHECK(short_stay(*all, "CR39", "adopted").empty());
        CHECK(short_stay(*all, "CR39", "in_preparation").empty());

        // The active municipalities named by the source: known to be at least in preparation.
        const std::set<std::string> active{"GM0983", "GM0984", "GM1507", "GM0907", "GM1894",   // Noord
                                           "GM0946", "GM0988", "GM1640", "GM1669"};           // Midden
        for (const auto& code : active) {
            CAPTURE(code);
            const auto obs = short_stay(*all, code, "in_preparation");
            REQUIRE(obs.size() == 1);
            CHECK(obs[0]->value().at_least);
            CHECK_FALSE(obs[0]->value().count.has_value());
        }
        // Which four of them have adopted policy the source does not say, so no
        // municipality has an exact observation at all, and none at "adopted".
        std::set<std::string> observed;
        for (const auto& o : *all) {
            if (o.indicator() != "short_stay_policy") continue;
            const auto* r = view.region(o.region());
            REQUIRE(r != nullptr);
            if (r->kind() != RegionKind::municipality) continue;
            CAPTURE(o.region());
            observed.insert(o.region());
            CHECK(o.value().at_least);
            CHECK(o.value().level != "adopted");
        }
        CHECK(observed == active);
    }
}

TEST_CASE("data: OCR errors of the source are corrected") {
    const Limburg l;
    const auto exported = l.store.export_json(true);
    for (const char* wrong : {"Omagevingsverordening", "viluchtelingen", "evrantwoordleijke", "Oekraiense",
                              "inburgeringscurssen", "keren van de Nederlandse", "0.a.", "Venlo Venray", "Creéren",
                              "etc..", "Kennisambassadeur ."}) {
        CAPTURE(wrong);
        CHECK_FALSE(contains(exported, wrong));
    }
    CHECK(contains(exported, "Omgevingsverordening"));
    CHECK(contains(exported, "Oekraïense vluchtelingen"));
    CHECK(contains(exported, "verantwoordelijke ambtenaren"));
}
