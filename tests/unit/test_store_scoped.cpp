// Scoped views: Store::view(date, filter) must hold exactly what the whole View
// filtered in memory holds, on generated stores with generated filters, and rules
// must say the same about the selected actions.
#include "support.hpp"

#include <actielijst/report.hpp>
#include <actielijst/rules.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

using namespace actielijst;

namespace {

/// A small deterministic generator (splitmix64), so a failing case can be replayed.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }

private:
    std::uint64_t state_;
};

const std::vector<std::string> themes = {"wonen", "werken", "samenleven", "algemeen"};
const std::vector<std::string> scopes = {"PV31", "CR37", "CR38", "CR39"};
const std::vector<std::string> municipalities = {"GM0889", "GM0893", "GM0907"};
const std::vector<std::string> states = {"not_started", "in_progress", "almost_done", "ongoing",
                                         "under_review", "stalled", "done", "no_action_needed"};
const std::vector<std::string> owners = {"Provincie Limburg", "Gemeenten", "UWV"};
const std::vector<std::string> days = {"2022-12-01", "2023-01-15", "2023-02-15", "2023-03-15", "2023-04-15"};
constexpr int action_count = 30;

std::string key_of(int i) { return "a" + std::to_string(i); }

/// An action list on the Limburg regions and states with random actions, periods,
/// owners, due dates and their history, references, states of affairs and proposals.
std::string generate_list(std::uint64_t seed) {
    Random rng(seed);
    const auto limburg = nlohmann::json::parse(test::limburg_json());
    nlohmann::json doc = {{"format", "actielijst"}, {"format_version", 1}};
    doc["meta"] = {{"title", "scoped"}};
    doc["themes"] = limburg["themes"];
    doc["regions"] = limburg["regions"];
    doc["states"] = limburg["states"];
    doc["meetings"] = {{{"key", "sg-1"}, {"date", "2023-01-10"}, {"title", "SG 1"}},
                       {{"key", "sg-2"}, {"date", "2023-03-01"}, {"title", "SG 2"}}};
    auto& actions = doc["actions"] = nlohmann::json::array();
    auto& updates = doc["updates"] = nlohmann::json::array();
    auto& proposals = doc["proposals"] = nlohmann::json::array();
    for (int i = 0; i < action_count; ++i) {
        nlohmann::json a = {{"key", key_of(i)}, {"theme", rng.pick(themes)}, {"title", "Actie " + std::to_string(i)},
                            {"goal", "Doel"}};
        a["owners"] = nlohmann::json::array();
        for (const auto& o : owners)
            if (rng.chance(35)) a["owners"].push_back({{"name", o}, {"role", rng.chance(50) ? "lead" : "support"}});
        a["scope"] = nlohmann::json::array();
        for (const auto& s : scopes)
            if (rng.chance(40)) a["scope"].push_back(s);
        a["see_also"] = nlohmann::json::array();
        for (int k = 0; k < 2; ++k)
            if (rng.chance(30)) {
                const int other = static_cast<int>(rng.below(action_count));
                if (other != i && std::find(a["see_also"].begin(), a["see_also"].end(), key_of(other)) == a["see_also"].end())
                    a["see_also"].push_back(key_of(other));
            }
        std::string since = days.front(), until;
        if (rng.chance(15)) since = a["since"] = "2023-02-01";
        if (rng.chance(15)) until = a["until"] = "2023-04-01";
        if (rng.chance(50)) a["due"] = rng.pick(std::vector<std::string>{"2023-02-01", "2023-03-10", "2023-06-30"});
        if (a.contains("due") && rng.chance(40))
            a["due_changes"] = {{{"from", "2023-01-31"}, {"to", a["due"]}, {"noted", "2023-02-10"}}};
        const auto live = [&](const std::string& day) { return day >= since && (until.empty() || day < until); };
        std::set<std::pair<std::string, std::string>> seen;
        for (int k = 0; k < 5; ++k) {
            if (!rng.chance(60)) continue;
            const std::string scope = rng.chance(20) ? rng.pick(municipalities) : rng.pick(scopes);
            const std::string day = rng.pick(days);
            if (!live(day) || !seen.emplace(scope, day).second) continue;
            updates.push_back({{"action", key_of(i)}, {"scope", scope}, {"state", rng.pick(states)},
                               {"text", "stand " + std::to_string(k)}, {"as_of", day}});
        }
        if (rng.chance(25) && live("2023-02-15")) {
            nlohmann::json p = {{"key", "P" + std::to_string(i)}, {"action", key_of(i)}, {"text", "Voorstel"},
                                {"kind", "proposal"}, {"tabled", "2023-02-15"}, {"state", "open"}};
            if (rng.chance(50)) {
                p["state"] = "adopted";
                p["decisions"] = {{{"state", "adopted"}, {"date", "2023-03-15"}}};
            }
            proposals.push_back(p);
        }
        actions.push_back(std::move(a));
    }
    return doc.dump();
}

const std::vector<std::string> pushable = {
    R"(theme = "wonen")", R"(theme != "werken")", R"(theme in ["wonen", "samenleven"])", R"("algemeen" = theme)",
    R"(action = "a3")", R"(action in ["a1", "a5", "a9", "a12"])", R"(action not in ["a2", "a4"])",
    R"("CR37" in regions)", R"("CR38" not in regions)", R"("stalled" in states)", R"("blocked" in categories)",
    R"("done" not in categories)", R"("Provincie Limburg" in owners)", R"("UWV" in leads)",
    R"(state_at("CR37") = "stalled")", R"(state_at("CR38") != "done")", R"(category_at("PV31") in ["active", "blocked"])",
    R"(state_at("GM0889") is set)", R"(state_at("CR37") is not set)", R"(category_at("CR39") = "todo")",
    R"(due < 2023-03-01)", R"(due >= as_of)", R"(due is set)", R"(due is not set)", R"(until_due < 30d)",
    R"(past_due > 0d)", R"(2023-03-01 > due)", R"(last_update < 2023-02-01)", R"(since_update > 40d)",
    R"(last_update >= 2023-03-15)", R"(true)", R"(false)"};
const std::vector<std::string> in_memory = {
    R"(statuses > 1)", R"(open_proposals > 0)", R"(count(refs) > 0)", R"(not_started)", R"(all_closed)",
    R"(count(closed_refs) > 0)", R"(count(dangling_refs) = 0)", R"(due_moves > 0)", R"(scopes >= 2)",
    R"(length(title) > 7)", R"(last_update is set)", R"(agenda_count > 0)"};

std::string atom(Random& rng) { return rng.chance(70) ? rng.pick(pushable) : rng.pick(in_memory); }

std::string expression(Random& rng, int depth) {
    if (depth == 0 || rng.chance(30)) return atom(rng);
    switch (rng.below(3)) {
        case 0: return "(" + expression(rng, depth - 1) + " and " + expression(rng, depth - 1) + ")";
        case 1: return "(" + expression(rng, depth - 1) + " or " + expression(rng, depth - 1) + ")";
        default: return "not (" + expression(rng, depth - 1) + ")";
    }
}

std::vector<std::string> keys(const std::vector<const ActionPoint*>& actions) {
    std::vector<std::string> out;
    for (const auto* a : actions) out.push_back(a->key());
    return out;
}

/// The scoped View holds what the whole View holds for the selected actions.
void check_scoped(const View& whole, const View& scoped, const Filter& filter) {
    const auto expected = filter.select(whole);
    std::vector<const ActionPoint*> got;
    for (const auto& a : scoped.actions()) got.push_back(&a);
    REQUIRE(keys(got) == keys(expected));
    CHECK(scoped.selection() == filter.text());
    CHECK(scoped.regions() == whole.regions());
    CHECK(scoped.states() == whole.states());
    CHECK(scoped.meetings() == whole.meetings());
    CHECK(scoped.observations() == whole.observations());
    std::set<std::string> selected;
    for (const auto* a : expected) {
        selected.insert(a->key());
        CHECK(*scoped.action(a->key()) == *a);
        const auto mine = scoped.statuses_of(a->key()), theirs = whole.statuses_of(a->key());
        REQUIRE(mine.size() == theirs.size());
        for (std::size_t i = 0; i < mine.size(); ++i) CHECK(*mine[i] == *theirs[i]);
        CHECK(scoped.due_moves(a->key()) == whole.due_moves(a->key()));
    }
    const auto of_selection = [&](const auto& items, const auto& action_of) {
        std::decay_t<decltype(items)> out;
        for (const auto& x : items)
            if (selected.count(action_of(x))) out.push_back(x);
        return out;
    };
    CHECK(scoped.proposals() == of_selection(whole.proposals(), [](const Proposal& p) { return p.action(); }));
    CHECK(scoped.due_changes() == of_selection(whole.due_changes(), [](const DueChange& c) { return c.action; }));
    for (const auto* a : expected)
        for (const auto& ref : a->see_also()) {
            if (selected.count(ref)) continue;
            const auto* outside = scoped.referenced(ref);
            REQUIRE_MESSAGE(outside, "reference " << ref << " of " << a->key());
            CHECK(outside->title == whole.action(ref)->title());
        }

    // The rules say the same about the selected actions, and the same per region.
    const auto rules = RuleSet::defaults();
    const auto all = rules.evaluate(whole), part = rules.evaluate(scoped);
    std::vector<Finding> expected_findings;
    for (const auto& f : all.findings)
        if (f.action.empty() || selected.count(f.action)) expected_findings.push_back(f);
    CHECK(part.findings == expected_findings);
    std::vector<ActionStatus> expected_statuses;
    for (const auto& s : all.statuses)
        if (selected.count(s.action)) expected_statuses.push_back(s);
    REQUIRE(part.statuses.size() == expected_statuses.size());
    for (std::size_t i = 0; i < part.statuses.size(); ++i) {
        CHECK(part.statuses[i].action == expected_statuses[i].action);
        CHECK(part.statuses[i].rag == expected_statuses[i].rag);
        CHECK(part.statuses[i].reasons == expected_statuses[i].reasons);
    }
}

}  // namespace

TEST_CASE("a scoped view equals the whole view filtered in memory (generated stores and filters)") {
    const std::vector<Date> dates = {Date(2023, 1, 1), Date(2023, 2, 20), Date(2023, 3, 20), Date(2023, 6, 1)};
    int exact = 0, partly = 0, cases = 0;
    std::size_t selected = 0;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        test::TempDir dir;
        auto store = Store::open(dir.file("scoped.db"));
        store.import_json(generate_list(seed));
        Random rng(seed * 7919);
        for (const auto& date : dates) {
            const View whole = store.view(date);
            for (int n = 0; n < 40; ++n) {
                const std::string text = expression(rng, 3);
                CAPTURE(seed);
                CAPTURE(date.iso());
                CAPTURE(text);
                const auto filter = Filter::parse(text);
                const auto plan = filter.plan();
                (plan.in_memory.empty() ? exact : partly)++;
                const View scoped = store.view(date, filter);
                check_scoped(whole, scoped, filter);
                selected += scoped.actions().size();
                ++cases;
            }
        }
    }
    // The generator must exercise both paths and select something.
    CHECK(exact > 50);
    CHECK(partly > 50);
    CHECK(selected > static_cast<std::size_t>(cases));
}

TEST_CASE("every conjunct the store can answer is pushed down, the rest is evaluated in memory") {
    const auto plan = Filter::parse(R"(theme = "wonen" and state_at("CR37") = "stalled" and statuses > 1 and )"
                                    R"(("UWV" in owners or count(refs) > 0))")
                          .plan();
    CHECK(plan.pushed == std::vector<std::string>{R"(theme = "wonen")", R"(state_at("CR37") = "stalled")"});
    CHECK(plan.in_memory == std::vector<std::string>{"statuses > 1", R"("UWV" in owners or count(refs) > 0)"});

    const auto all = Filter::parse(R"(not ("stalled" in states) and due < as_of + 0d)").plan();
    CHECK(all.pushed == std::vector<std::string>{R"(not ("stalled" in states))"});
    CHECK(all.in_memory == std::vector<std::string>{"due < as_of + 0d"});
}

TEST_CASE("the state in one region, in filters and rules") {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    const Date date(2023, 3, 1);
    const View whole = store.view(date);

    SUBCASE("stalled in Zuid-Limburg, not anywhere") {
        const auto filter = Filter::parse(R"(state_at("CR39") = "stalled")", "--where", &whole);
        const View scoped = store.view(date, filter);
        REQUIRE_FALSE(scoped.actions().empty());
        for (const auto& a : scoped.actions()) CHECK(scoped.status(a.key(), "CR39")->state() == "stalled");
        const auto anywhere = Filter::parse(R"("stalled" in states)").select(whole);
        CHECK(scoped.actions().size() < anywhere.size());
    }
    SUBCASE("the region and the state are checked against the list") {
        const auto region = test::error_of([&] { (void)Filter::parse(R"(state_at("CR99") = "stalled")", "f", &whole); },
                                           Errc::not_found);
        CHECK(region.find("unknown region \"CR99\"") != std::string::npos);
        const auto state = test::error_of([&] { (void)Filter::parse(R"(state_at("CR37") = "klaar")", "f", &whole); },
                                          Errc::not_found);
        CHECK(state.find("unknown state \"klaar\"") != std::string::npos);
        const auto literal = test::error_of([&] { (void)Filter::parse(R"(state_at(title) = "done")"); });
        CHECK(literal.find("state_at() needs the region code as a text literal") != std::string::npos);
        const auto category =
            test::error_of([&] { (void)Filter::parse(R"(category_at("CR37") = "klaar")"); });
        CHECK(category.find("unknown state category \"klaar\"") != std::string::npos);
    }
    SUBCASE("a rule can name the state in one region, with the reason") {
        const auto rules = RuleSet::parse("rule zuid\n  severity warning\n  when state_at(\"CR39\") = \"stalled\"\n"
                                          "  message \"{title}\"\n");
        const auto evaluation = rules.evaluate(whole);
        REQUIRE_FALSE(evaluation.findings.empty());
        const auto& reason = evaluation.findings.front().reasons.front();
        CHECK(reason.expression == R"(state_at("CR39") = "stalled")");
        CHECK(reason.detail.find(R"(state_at("CR39") is "stalled" (2023-)") != std::string::npos);
    }
    SUBCASE("a filter that names a region not on the list at the date is refused by the scoped view") {
        const auto filter = Filter::parse(R"(state_at("CR39") = "stalled")");
        CHECK_THROWS_AS((void)store.view(Date(2023, 3, 1), Filter::parse(R"(theme = "geen")")), RuleError);
        CHECK_NOTHROW((void)store.view(Date(2023, 3, 1), filter));
    }
}

TEST_CASE("a scoped view of the Limburg list keeps what its actions refer to") {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    const Date date(2023, 3, 1);
    const auto filter = Filter::parse(R"(action = "wonen-regionaal-beleid")");
    const View scoped = store.view(date, filter);
    REQUIRE(scoped.actions().size() == 1);
    const auto& refs = scoped.actions().front().see_also();
    REQUIRE_FALSE(refs.empty());
    for (const auto& ref : refs) CHECK(scoped.referenced(ref) != nullptr);
    // Nothing dangles: the default rules find no dangling reference in the selection.
    for (const auto& f : RuleSet::defaults().evaluate(scoped).findings) CHECK(f.rule != "dangling_reference");
    // The report names the referenced actions by title.
    const auto html = render(build_report(scoped, RuleSet::defaults().evaluate(scoped), {}), ReportFormat::html);
    CHECK(html.find(store.view(date).action(refs.front())->title()) != std::string::npos);
    // ... without a link to a card the report does not hold.
    for (const auto& ref : refs) CHECK(html.find("href=\"#a-" + ref + "\"") == std::string::npos);
}
