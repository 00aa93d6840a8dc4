#include "rules/hints.hpp"

#include "rules/names.hpp"
#include "util/check.hpp"
#include "util/suggest.hpp"

#include <actielijst/progress_state.hpp>
#include <actielijst/region.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace actielijst::rules {
namespace {

/// Words people try for a field (folded), and the fields they most likely mean; only
/// those valid where the word was written are offered.
struct Synonym {
    std::string_view word;
    std::array<std::string_view, 3> fields;
};
constexpr Synonym synonyms[] = {
    {"key", {"action"}},
    {"id", {"action"}},
    {"code", {"action", "region"}},
    {"actie", {"action"}},
    {"status", {"state", "states", "statuses"}},
    {"deadline", {"due"}},
    {"due_date", {"due"}},
    {"date", {"as_of", "due"}},
    {"datum", {"as_of", "due"}},
    {"today", {"as_of"}},
    {"owner", {"owners"}},
    {"eigenaar", {"owners"}},
    {"lead", {"leads"}},
    {"trekker", {"leads"}},
    {"thema", {"theme"}},
    {"topic", {"theme"}},
    {"regio", {"region", "regions"}},
    {"gemeente", {"region", "regions", "municipalities"}},
    {"municipality", {"region", "regions", "municipalities"}},
    {"area", {"region", "regions"}},
    {"scope", {"region", "regions", "scopes"}},
    {"titel", {"title"}},
    {"name", {"title", "region_name"}},
    {"naam", {"title", "region_name"}},
    {"category", {"state_category", "categories"}},
    {"categorie", {"state_category", "categories"}},
    {"parent", {"region_parent"}},
    {"kind", {"region_kind"}},
    {"proposals", {"open_proposals", "adopted_proposals"}},
    {"text", {"status_text"}},
};

/// Where the list of names is, ending every unknown-name message.
constexpr std::string_view where_listed = "actielijst fields lists them; docs/rules.md";

/// "filters, per-action and per-scope rules": the contexts in `contexts`.
std::string contexts_phrase(std::uint8_t contexts) {
    std::vector<std::string> parts;
    if (contexts & bit(Context::filter)) parts.emplace_back("filters");
    if (contexts & bit(Context::action)) parts.emplace_back("per-action");
    if (contexts & bit(Context::scope)) parts.emplace_back("per-scope");
    if (contexts & bit(Context::region)) parts.emplace_back("per-region");
    std::string out = detail::one_of(parts);
    if (!parts.empty() && parts.back() != "filters") out += " rules";
    return out;
}

/// The closest regions of `view` to `name` by code, name or alias, as their codes with
/// their names (a rule names a region by its code); all of them when the view has few.
std::string region_hint(std::string_view name, const View& view) {
    std::vector<std::string> names;
    std::vector<std::size_t> region_of;
    for (std::size_t i = 0; i < view.regions().size(); ++i) {
        const Region& r = view.regions()[i];
        names.push_back(r.code());
        region_of.push_back(i);
        names.push_back(r.name());
        region_of.push_back(i);
        for (const auto& a : r.aliases()) {
            names.push_back(a);
            region_of.push_back(i);
        }
    }
    std::vector<std::size_t> picked;
    for (const auto k : detail::closest_indexes(name, names, names.size()))
        if (std::find(picked.begin(), picked.end(), region_of[k]) == picked.end() && picked.size() < 3)
            picked.push_back(region_of[k]);
    const auto written = [&](std::size_t i) {
        const Region& r = view.regions()[i];
        return detail::quote(r.code()) + " (" + detail::shorten(r.name(), 60) + ")";
    };
    std::vector<std::string> items;
    for (const auto i : picked) items.push_back(written(i));
    if (!items.empty()) return "; did you mean " + detail::one_of(items) + "?";
    if (view.regions().empty() || view.regions().size() > 12) return {};
    for (std::size_t i = 0; i < view.regions().size(); ++i) items.push_back(written(i));
    return "; known regions: " + detail::one_of(items);
}

template <class T, class KeyOf>
std::vector<std::string> keys_of(const std::vector<T>& items, KeyOf key_of) {
    std::vector<std::string> keys;
    keys.reserve(items.size());
    for (const auto& i : items) keys.emplace_back(key_of(i));
    return keys;
}

}  // namespace

/// The tail of an unknown-field message: the fields valid in `ctx` that `name` may
/// have meant (synonyms first, then the closest spellings), where `name` is a field
/// if it is one elsewhere, and where the list is.
std::string field_hint(std::string_view name, std::uint8_t ctx, bool message) {
    std::vector<std::string> valid;
    std::uint8_t elsewhere = 0;
    for (const auto& d : field_defs) {
        if ((d.contexts & ctx) && (message || !d.message_only)) valid.emplace_back(d.name);
        if (d.name == name && !d.message_only) elsewhere |= d.contexts;
    }
    std::vector<std::string> offer;
    const auto add = [&](std::string_view f) {
        if (std::find(valid.begin(), valid.end(), f) != valid.end() &&
            std::find(offer.begin(), offer.end(), f) == offer.end())
            offer.emplace_back(f);
    };
    const std::string folded = detail::fold_case(name);
    for (const auto& s : synonyms)
        if (s.word == folded)
            for (const auto f : s.fields)
                if (!f.empty()) add(f);
    for (const auto& c : detail::closest(name, valid)) add(c);
    if (offer.size() > 3) offer.resize(3);
    std::string out = offer.empty() ? "" : "; " + detail::did_you_mean(offer);
    out += " (";
    if (elsewhere) out += detail::quote(name) + " is a field of " + contexts_phrase(elsewhere) + "; ";
    return out + std::string(where_listed) + ")";
}

/// The tail of an unknown-function message, like field_hint.
std::string function_hint(std::string_view name, std::uint8_t ctx) {
    std::vector<std::string> names;
    for (const auto& f : func_defs) names.emplace_back(f.name);
    std::string out;
    if (auto near = detail::closest(name, names); !near.empty()) out = "; " + detail::did_you_mean(near);
    out += " (";
    for (const auto& d : field_defs)
        if (d.name == name && (d.contexts & ctx) && !d.message_only) {
            out += detail::quote(name) + " is a field: write it without parentheses; ";
            break;
        }
    return out + std::string(where_listed) + ")";
}

std::string fixed_value_hint(Vocab kind, std::string_view name) {
    std::vector<std::string> values;
    if (kind == Vocab::category) {
        for (int c = 0; c <= static_cast<int>(StateCategory::dropped); ++c)
            values.emplace_back(to_string(static_cast<StateCategory>(c)));
    } else {
        // The Dutch words too: the regions are Dutch, and so are many who write rules.
        const std::string folded = detail::fold_case(name);
        if (folded == "provincie") return "; did you mean \"province\"?";
        if (folded == "gemeente") return "; did you mean \"municipality\"?";
        if (folded == "regio") return "; did you mean \"corop\"?";
        for (int c = 0; c <= static_cast<int>(RegionKind::municipality); ++c)
            values.emplace_back(to_string(static_cast<RegionKind>(c)));
    }
    const auto near = detail::closest(name, values);
    return near.empty() ? std::string() : "; " + detail::did_you_mean(near);
}

std::string vocabulary_hint(const VocabRef& ref, const View& view) {
    const auto key = [](const auto& x) { return x.key(); };
    switch (ref.kind) {
        case Vocab::state: return detail::unknown_hint(ref.name, keys_of(view.states(), key), "states");
        case Vocab::theme: return detail::unknown_hint(ref.name, keys_of(view.themes(), key), "themes");
        case Vocab::region: return region_hint(ref.name, view);
        case Vocab::indicator: return detail::unknown_hint(ref.name, keys_of(view.indicators(), key), "indicators");
        case Vocab::level: {
            const Indicator* ind = view.indicator(ref.indicator);
            return ind ? detail::unknown_hint(ref.name, keys_of(ind->levels(), key), "levels") : std::string();
        }
        default: return {};
    }
}

}  // namespace actielijst::rules
