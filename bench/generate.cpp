#include "generate.hpp"

#include <actielijst/progress_state.hpp>
#include <actielijst/proposal.hpp>

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

namespace bench {
namespace {

using namespace actielijst;

/// splitmix64: a counter-based generator, so every item can be derived from
/// (seed, item, k) alone, independent of generation order.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    Random(std::uint64_t seed, std::uint64_t a, std::uint64_t b) : state_(mix(seed ^ mix(a ^ mix(b + 0x51ED)))) {}
    std::uint64_t next() { return mix(state_ += 0x9E3779B97F4A7C15ULL); }
    /// Uniform enough in [0, n) for n far below 2^32.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

private:
    static std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t state_;
};

struct RegionRow {
    const char* code;
    const char* name;
    RegionKind kind;
    const char* parent;
    const char* alias;  // nullptr when none
};

// The Limburg region tree (CBS codes), parents before children.
constexpr std::array<RegionRow, 35> limburg{{
    {"PV31", "Limburg", RegionKind::province, "", nullptr},
    {"CR37", "Noord-Limburg", RegionKind::corop, "PV31", "Noord"},
    {"CR38", "Midden-Limburg", RegionKind::corop, "PV31", "Midden"},
    {"CR39", "Zuid-Limburg", RegionKind::corop, "PV31", "Zuid"},
    {"GM0889", "Beesel", RegionKind::municipality, "CR37", nullptr},
    {"GM0893", "Bergen (L.)", RegionKind::municipality, "CR37", nullptr},
    {"GM0907", "Gennep", RegionKind::municipality, "CR37", nullptr},
    {"GM1507", "Horst aan de Maas", RegionKind::municipality, "CR37", nullptr},
    {"GM0944", "Mook en Middelaar", RegionKind::municipality, "CR37", nullptr},
    {"GM1894", "Peel en Maas", RegionKind::municipality, "CR37", nullptr},
    {"GM0983", "Venlo", RegionKind::municipality, "CR37", nullptr},
    {"GM0984", "Venray", RegionKind::municipality, "CR37", nullptr},
    {"GM1711", "Echt-Susteren", RegionKind::municipality, "CR38", nullptr},
    {"GM1640", "Leudal", RegionKind::municipality, "CR38", nullptr},
    {"GM1641", "Maasgouw", RegionKind::municipality, "CR38", nullptr},
    {"GM0946", "Nederweert", RegionKind::municipality, "CR38", nullptr},
    {"GM1669", "Roerdalen", RegionKind::municipality, "CR38", nullptr},
    {"GM0957", "Roermond", RegionKind::municipality, "CR38", nullptr},
    {"GM0988", "Weert", RegionKind::municipality, "CR38", nullptr},
    {"GM0888", "Beek", RegionKind::municipality, "CR39", nullptr},
    {"GM1954", "Beekdaelen", RegionKind::municipality, "CR39", nullptr},
    {"GM0899", "Brunssum", RegionKind::municipality, "CR39", nullptr},
    {"GM1903", "Eijsden-Margraten", RegionKind::municipality, "CR39", nullptr},
    {"GM1729", "Gulpen-Wittem", RegionKind::municipality, "CR39", nullptr},
    {"GM0917", "Heerlen", RegionKind::municipality, "CR39", nullptr},
    {"GM0928", "Kerkrade", RegionKind::municipality, "CR39", nullptr},
    {"GM0882", "Landgraaf", RegionKind::municipality, "CR39", nullptr},
    {"GM0935", "Maastricht", RegionKind::municipality, "CR39", nullptr},
    {"GM0938", "Meerssen", RegionKind::municipality, "CR39", nullptr},
    {"GM0965", "Simpelveld", RegionKind::municipality, "CR39", nullptr},
    {"GM1883", "Sittard-Geleen", RegionKind::municipality, "CR39", nullptr},
    {"GM0971", "Stein", RegionKind::municipality, "CR39", nullptr},
    {"GM0981", "Vaals", RegionKind::municipality, "CR39", nullptr},
    {"GM0994", "Valkenburg aan de Geul", RegionKind::municipality, "CR39", nullptr},
    {"GM0986", "Voerendaal", RegionKind::municipality, "CR39", nullptr},
}};
static_assert(limburg.size() == 1 + scope_count);

constexpr std::array<std::pair<const char*, const char*>, 4> theme_rows{{
    {"wonen", "Wonen"}, {"werken", "Werken"}, {"samenleven", "Samenleven"}, {"algemeen", "Algemeen"}}};
constexpr std::array<const char*, 4> theme_en{"Housing", "Work", "Living together", "General"};

constexpr std::array<const char*, 10> organisations{
    "Provincie Limburg", "Gemeenten",      "Werkgevers",        "Uitzendbranche", "Woningcorporaties",
    "GGD Limburg",       "Politie Limburg", "Arbeidsinspectie", "UWV",            "Onderwijsinstellingen"};
constexpr std::array<const char*, 3> authors{"Stuurgroep", "Regio", ""};

constexpr std::array<std::string_view, 48> words{
    "huisvesting", "arbeidsmigranten", "short-stay",  "gemeente",    "provincie",   "werkgevers",
    "registratie", "inschrijving",     "BRP",         "toezicht",    "handhaving",  "convenant",
    "pilot",       "onderzoek",        "overleg",     "afspraken",   "taalles",     "integratie",
    "zorg",        "informatie",       "loket",       "meldpunt",    "rapportage",  "monitor",
    "beleid",      "uitvoering",       "planning",    "capaciteit",  "locatie",     "vergunning",
    "bestemmingsplan", "wachtlijst",   "voortgang",   "evaluatie",   "netwerk",     "partners",
    "regio",       "uitzendbureaus",   "woningen",    "kwaliteit",   "keurmerk",    "SNF",
    "inspectie",   "budget",           "subsidie",    "bijeenkomst", "is",          "wordt"};

std::string sentence(Random& r, std::size_t count) {
    std::string s;
    for (std::size_t i = 0; i < count; ++i) {
        if (i) s += ' ';
        s += words[r.below(words.size())];
    }
    s += '.';
    return s;
}

std::string action_key(std::size_t i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "A%06zu", i + 1);
    return buf;
}

std::string meeting_key(std::size_t k) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "SG-%02zu", k + 1);
    return buf;
}

/// The one scope of action `i`: an index into limburg[1..34].
std::size_t scope_of(std::uint64_t seed, std::size_t i) { return 1 + Random(seed, i, 0xA).below(scope_count); }

Date day(std::int64_t offset) { return Date::from_days(first_day().days() + offset); }

}  // namespace

Date first_day() { return Date(2021, 1, 4); }
Date after_all() { return day(static_cast<std::int64_t>(meeting_count) * block_days + 1); }
Date middle(std::size_t updates_per_pair) {
    return day(static_cast<std::int64_t>(updates_per_pair) * block_days / 2);
}

Dataset definitions(std::size_t actions, std::uint64_t seed) {
    Dataset d;
    d.meta.push_back({"title", std::string("Benchmark: Actielijst Stuurgroep Internationale Werknemers")});
    d.meta.push_back({"source", std::string("bench/generate.cpp")});
    d.meta.push_back({"as_of_inferred", false});
    for (std::size_t t = 0; t < theme_rows.size(); ++t)
        d.themes.emplace_back(theme_rows[t].first, Label(theme_rows[t].second, theme_en[t]));
    for (const auto& r : limburg) {
        std::vector<std::string> aliases;
        if (r.alias) aliases.emplace_back(r.alias);
        d.regions.emplace_back(r.code, r.name, r.kind, r.parent, std::move(aliases));
    }
    d.states = default_progress_states();
    for (std::size_t k = 0; k < meeting_count; ++k)
        d.meetings.emplace_back(meeting_key(k), day(static_cast<std::int64_t>(k + 1) * block_days - 1),
                                "Stuurgroep Internationale Werknemers");
    d.actions.reserve(actions);
    for (std::size_t i = 0; i < actions; ++i) {
        Random r(seed, i, 0xAC);
        const auto theme = theme_rows[r.below(theme_rows.size())].first;
        std::string title = "Actie " + std::to_string(i + 1) + ": " + sentence(r, 4);
        std::string goal = sentence(r, 24);
        std::vector<Owner> owners;
        const auto lead = r.below(organisations.size());
        owners.emplace_back(organisations[lead], OwnerRole::lead);
        if (r.below(2) == 0) owners.emplace_back(organisations[(lead + 1 + r.below(organisations.size() - 1)) %
                                                               organisations.size()],
                                                 OwnerRole::support);
        std::vector<std::string> scope{limburg[scope_of(seed, i)].code};
        std::optional<Date> due;
        if (r.below(3) == 0) due = day(365 + static_cast<std::int64_t>(r.below(730)));
        std::vector<std::string> see_also;
        if (i > 0 && i % 7 == 0) see_also.push_back(action_key(i - 1));
        d.actions.emplace_back(action_key(i), theme, std::move(title), std::move(goal), std::move(owners),
                               std::move(scope), due, std::move(see_also));
    }
    return d;
}

std::vector<StatusUpdate> updates(std::size_t actions, std::size_t from, std::size_t to, std::uint64_t seed) {
    static const auto states = default_progress_states();
    std::vector<StatusUpdate> out;
    out.reserve(actions * (to - from));
    for (std::size_t i = 0; i < actions; ++i) {
        const auto& region = limburg[scope_of(seed, i)];
        for (std::size_t k = from; k < to; ++k) {
            Random r(seed, i, 0x10000 + k);
            const auto offset = static_cast<std::int64_t>(k) * block_days + static_cast<std::int64_t>(r.below(block_days));
            const auto& state = states[r.below(states.size())].key();
            std::string text = "Stand " + std::to_string(k + 1) + " in " + region.name + ": " + sentence(r, 16);
            std::string author = authors[r.below(authors.size())];
            std::string meeting = r.below(2) == 0 && k < meeting_count ? meeting_key(k) : std::string();
            out.emplace_back(action_key(i), region.code, state, std::move(text), day(offset), std::move(author),
                             std::move(meeting));
        }
    }
    return out;
}

Dataset generate(std::size_t actions, std::size_t updates_per_pair, std::uint64_t seed) {
    auto d = definitions(actions, seed);
    d.updates = updates(actions, 0, updates_per_pair, seed);
    return d;
}

// ---- data for the rules benchmark ---------------------------------------------------

namespace {

/// Streams of the rules data, apart from those of definitions() and updates().
enum : std::uint64_t {
    rules_phase = 0x2001,
    rules_status = 0x30000,  // + region index
    rules_province = 0x2002,
    rules_proposals = 0x4001,
    rules_due = 0x5001,
};

/// State weights (percent) for a pair of an action that is under way, in the order
/// of default_progress_states(): not_started, in_progress, almost_done, ongoing,
/// under_review, stalled, done, no_action_needed.
constexpr std::array<std::size_t, 8> mixed_weights{8, 30, 10, 20, 8, 6, 11, 7};

const std::string& weighted_state(Random& r) {
    static const auto states = default_progress_states();
    auto roll = r.below(100);
    for (std::size_t k = 0; k < mixed_weights.size(); ++k) {
        if (roll < mixed_weights[k]) return states[k].key();
        roll -= mixed_weights[k];
    }
    return states.back().key();
}

/// Days before the View date: most states of affairs date from the last six weeks
/// (at most one meeting ago), some are older, a few older than half a year.
std::int64_t status_age(Random& r) {
    const auto roll = r.below(100);
    if (roll < 78) return static_cast<std::int64_t>(r.below(42));
    if (roll < 90) return 42 + static_cast<std::int64_t>(r.below(139));
    return 181 + static_cast<std::int64_t>(r.below(360));
}

/// A state of an action that is on track: in progress, almost done, ongoing or done.
const std::string& on_track_state(Random& r) {
    static const auto states = default_progress_states();
    const auto roll = r.below(100);
    return states[roll < 40 ? 1 : roll < 60 ? 2 : roll < 90 ? 3 : 6].key();
}

Date minus(const Date& d, std::int64_t days) { return Date::from_days(d.days() - days); }

void add_observations(RulesData& out) {
    auto& d = out.dataset;
    const Date as_of = out.as_of;
    const std::string src = "bench/generate.cpp";
    d.indicators.emplace_back("short_stay_policy", Label("Short-stay beleid", "Short-stay policy"),
                              IndicatorKind::ordinal,
                              std::vector<Level>{{"none", Label("Geen beleid", "No policy")},
                                                 {"in_preparation", Label("In voorbereiding", "In preparation")},
                                                 {"adopted", Label("Vastgesteld", "Adopted")}});
    d.indicators.emplace_back("registration_desk", Label("Registratieloket", "Registration desk"),
                              IndicatorKind::ordinal,
                              std::vector<Level>{{"none", Label("Geen", "None")},
                                                 {"pilot", Label("Pilot", "Pilot")},
                                                 {"permanent", Label("Permanent", "Permanent")}});
    d.indicators.emplace_back("international_workers_count",
                              Label("Aantal internationale werknemers", "Number of international workers"),
                              IndicatorKind::count, std::vector<Level>{}, "personen");
    const auto level = [&](const char* ind, const char* region, const Date& at, const char* lvl, bool at_least = false) {
        d.observations.emplace_back(ind, region, at, ObservationValue{lvl, std::nullopt, std::nullopt, at_least}, src);
    };
    const auto count = [&](const char* ind, const char* region, const Date& at, const char* lvl, std::int64_t n) {
        d.observations.emplace_back(ind, region, at, ObservationValue{lvl, std::nullopt, n, false}, src);
    };
    // short_stay_policy. Noord (CR37): only the region's own counts, no municipal
    // detail (5 of 8 at in_preparation or higher). Midden (CR38): 3 of its 7
    // municipalities observed, 2 at in_preparation or higher (below half: low
    // progress). Zuid (CR39): 12 of its 16 municipalities observed, 10 at
    // in_preparation or higher.
    count("short_stay_policy", "CR37", minus(as_of, 45), "in_preparation", 5);
    count("short_stay_policy", "CR37", minus(as_of, 45), "adopted", 3);
    level("short_stay_policy", "GM1711", minus(as_of, 120), "none");
    level("short_stay_policy", "GM1640", minus(as_of, 120), "in_preparation");
    level("short_stay_policy", "GM0957", minus(as_of, 270), "adopted");
    const std::array<std::pair<const char*, const char*>, 12> zuid{{{"GM0888", "adopted"},
                                                                      {"GM1954", "in_preparation"},
                                                                      {"GM0899", "none"},
                                                                      {"GM1903", "adopted"},
                                                                      {"GM1729", "in_preparation"},
                                                                      {"GM0917", "adopted"},
                                                                      {"GM0928", "in_preparation"},
                                                                      {"GM0882", "none"},
                                                                      {"GM0935", "adopted"},
                                                                      {"GM0938", "in_preparation"},
                                                                      {"GM0965", "adopted"},
                                                                      {"GM1883", "in_preparation"}}};
    for (std::size_t k = 0; k < zuid.size(); ++k)
        level("short_stay_policy", zuid[k].first, minus(as_of, 20 + 10 * static_cast<std::int64_t>(k)), zuid[k].second,
              k == 1);  // one "at least": its lower bound already reaches in_preparation
    // registration_desk: observed only in Zuid, so Noord and Midden have no progress known.
    level("registration_desk", "GM0935", minus(as_of, 60), "permanent");
    level("registration_desk", "GM0917", minus(as_of, 60), "pilot");
    // international_workers_count: every municipality, one in five older than a year;
    // the province's figure is from 2020.
    d.observations.emplace_back("international_workers_count", "PV31", Date(2020, 12, 31),
                                ObservationValue{"", 38000.0, std::nullopt, false}, src);
    for (std::size_t k = 1; k < limburg.size(); ++k) {
        const auto i = static_cast<std::int64_t>(k);
        const Date at = limburg[k].kind == RegionKind::corop ? minus(as_of, 59)
                        : k % 5 == 0                          ? minus(as_of, 380 + i)
                                                              : minus(as_of, 30 + 7 * i);
        d.observations.emplace_back("international_workers_count", limburg[k].code, at,
                                    ObservationValue{"", static_cast<double>(250 + 37 * k), std::nullopt, false}, src);
    }
}

}  // namespace

RulesData rules_data(std::size_t actions, std::size_t scopes, std::uint64_t seed) {
    if (scopes == 0 || scopes > scope_count) scopes = scope_count;
    static const auto states = default_progress_states();
    RulesData out;
    const Date as_of = out.as_of;
    auto& d = out.dataset;
    d = definitions(actions, seed);
    // Wider scopes: a window of `scopes` regions starting at the action's one scope.
    for (std::size_t i = 0; i < d.actions.size(); ++i) {
        const auto& a = d.actions[i];
        const std::size_t start = scope_of(seed, i) - 1;
        std::vector<std::string> scope;
        scope.reserve(scopes);
        for (std::size_t s = 0; s < scopes; ++s) scope.emplace_back(limburg[1 + (start + s) % scope_count].code);
        d.actions[i] = ActionPoint(a.key(), a.theme(), a.title(), a.goal(), a.owners(), std::move(scope), a.due(),
                                   a.see_also());
    }
    // One state of affairs per pair at most. An action is finished (5 %: every scope
    // done or no action needed), not started (5 %: not started or nothing yet), on track
    // (30 %: every scope active or done, updated in the last six weeks) or under way
    // (60 %: mixed_weights, 8 % of pairs without a state of affairs).
    d.updates.reserve(actions * scopes * 93 / 100 + actions / 50);
    const auto update = [&](std::size_t i, const RegionRow& region, const std::string& state, Random& r) {
        std::string text = std::string("Stand in ") + region.name + ": " + sentence(r, 8);
        d.updates.emplace_back(action_key(i), region.code, state, std::move(text), minus(as_of, status_age(r)),
                               authors[r.below(authors.size())]);
    };
    for (std::size_t i = 0; i < actions; ++i) {
        const auto phase = Random(seed, i, rules_phase).below(100);
        // The province, outside the scope, has a state of affairs for 1 action in 53.
        if (i % 53 == 0) {
            Random r(seed, i, rules_province);
            update(i, limburg[0], weighted_state(r), r);
        }
        const std::size_t start = scope_of(seed, i) - 1;
        for (std::size_t s = 0; s < scopes; ++s) {
            const std::size_t j = 1 + (start + s) % scope_count;
            Random r(seed, i, rules_status + j);
            const auto roll = r.below(100);
            if (phase < 5)
                update(i, limburg[j], states[roll < 70 ? 6 : 7].key(), r);
            else if (phase < 10) {
                if (roll >= 40) update(i, limburg[j], states[0].key(), r);
            } else if (phase < 40) {
                const auto& state = on_track_state(r);
                d.updates.emplace_back(action_key(i), limburg[j].code, state,
                                       std::string("Stand in ") + limburg[j].name + ": " + sentence(r, 8),
                                       minus(as_of, static_cast<std::int64_t>(r.below(42))),
                                       authors[r.below(authors.size())]);
            } else if (roll >= 8)
                update(i, limburg[j], weighted_state(r), r);
        }
    }
    // Proposals on 12 % of the actions: 1 or 2 each, half of them open; open ones were
    // mostly tabled at one of the last meetings (a few at a meeting still to come).
    for (std::size_t i = 0; i < actions; ++i) {
        Random r(seed, i, rules_proposals);
        if (r.below(100) >= 12) continue;
        const auto n = 1 + r.below(2);
        for (std::size_t j = 0; j < n; ++j) {
            const auto roll = r.below(10);
            const auto state = roll < 5   ? ProposalState::open
                               : roll < 8 ? ProposalState::adopted
                               : roll < 9 ? ProposalState::rejected
                                          : ProposalState::withdrawn;
            std::string meeting;
            std::optional<Date> decided;
            if (state == ProposalState::open) {
                if (r.below(5) != 0) meeting = meeting_key(22 + r.below(8));
            } else {
                const auto k = r.below(28);
                meeting = meeting_key(k);
                decided = d.meetings[k].date();
            }
            d.proposals.emplace_back("P" + action_key(i).substr(1) + "-" + std::to_string(j + 1), action_key(i),
                                     sentence(r, 10), state, ProposalKind::proposal, std::move(meeting), decided);
        }
    }
    add_observations(out);
    // Due-date changes for 1 in 3 actions with a due date: 1, 2 or 3 moves, each 30
    // days later than the one before, ending at the current due date; the last of 3
    // moves is noted after the View date half of the time. 1 in 20 has only its first
    // due date set (not a move).
    out.dangling_refs.resize(actions);
    for (std::size_t i = 0; i < actions; ++i) {
        if (i % 97 == 5) out.dangling_refs[i].push_back(action_key(actions + i));
        const auto& due = d.actions[i].due();
        if (!due) continue;
        Random r(seed, i, rules_due);
        const auto roll = r.below(20);
        std::size_t moves = roll < 2 ? 3 : roll < 4 ? 2 : roll < 7 ? 1 : 0;
        const bool first_set = roll == 7;
        if (moves == 0 && !first_set) continue;
        std::int64_t noted = 400 + static_cast<std::int64_t>(r.below(60));
        std::optional<Date> from;
        if (first_set) {
            out.due_changes.push_back({action_key(i), std::nullopt, *due, minus(as_of, noted)});
            continue;
        }
        for (std::size_t m = moves; m > 0; --m) {
            const Date f = minus(*due, 30 * static_cast<std::int64_t>(m));
            const Date t = minus(*due, 30 * static_cast<std::int64_t>(m - 1));
            noted -= 60 + static_cast<std::int64_t>(r.below(60));
            const bool late = m == 1 && moves == 3 && r.below(2) == 0;
            out.due_changes.push_back({action_key(i), f, t, late ? Date::from_days(as_of.days() + 10) : minus(as_of, noted)});
        }
    }
    return out;
}

}  // namespace bench
