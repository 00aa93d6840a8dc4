#include "generate.hpp"

#include <actielijst/progress_state.hpp>

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

}  // namespace bench
