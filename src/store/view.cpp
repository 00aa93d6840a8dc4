#include <actielijst/error.hpp>
#include <actielijst/view.hpp>

#include "util/check.hpp"

#include <algorithm>

namespace actielijst {
namespace {

template <class Map, class T, class KeyOf>
void index_all(Map& index, const std::vector<T>& items, const char* list, KeyOf key_of) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!index.emplace(key_of(items[i]), i).second)
            throw Error(Errc::invalid, std::string(list) + "[" + std::to_string(i) + "]: duplicate key " +
                                           detail::quote(key_of(items[i])));
}

template <class Map>
void require(const Map& index, const std::string& key, const std::string& where, const char* what) {
    if (index.find(key) == index.end())
        throw Error(Errc::invalid, where, std::string("unknown ") + what + " " + detail::quote(key));
}

std::string at(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

}  // namespace

View::View(ViewData data) : data_(std::move(data)) {
    index_all(themes_, data_.themes, "themes", [](const Theme& t) { return t.key(); });
    index_all(regions_, data_.regions, "regions", [](const Region& r) { return r.code(); });
    index_all(states_, data_.states, "states", [](const ProgressState& s) { return s.key(); });
    index_all(actions_, data_.actions, "actions", [](const ActionPoint& a) { return a.key(); });
    index_all(indicators_, data_.indicators, "indicators", [](const Indicator& i) { return i.key(); });
    for (std::size_t i = 0; i < data_.regions.size(); ++i)
        if (!data_.regions[i].parent().empty()) require(regions_, data_.regions[i].parent(), at("regions", i) + ".parent", "region");
    // A hand-made ViewData could chain parents in a circle; every walk up the
    // hierarchy below relies on there being none.
    for (std::size_t i = 0; i < data_.regions.size(); ++i) {
        std::size_t steps = 0;
        for (const Region* p = &data_.regions[i]; !p->parent().empty(); p = region(p->parent()))
            if (++steps > data_.regions.size())
                throw Error(Errc::invalid, at("regions", i) + ".parent: the parents form a cycle");
    }
    for (std::size_t i = 0; i < data_.actions.size(); ++i) {
        const auto& a = data_.actions[i];
        require(themes_, a.theme(), at("actions", i) + ".theme", "theme");
        for (const auto& s : a.scope()) require(regions_, s, at("actions", i) + ".scope", "region");
    }
    for (std::size_t i = 0; i < data_.statuses.size(); ++i) {
        const auto& s = data_.statuses[i];
        const auto where = at("statuses", i);
        require(actions_, s.action(), where + ".action", "action");
        require(regions_, s.scope(), where + ".scope", "region");
        require(states_, s.state(), where + ".state", "state");
        if (s.as_of() > data_.as_of)
            throw Error(Errc::invalid, where + ".as_of: " + s.as_of().iso() + " is after the view date " + data_.as_of.iso());
        if (!statuses_.emplace(std::make_pair(s.action(), s.scope()), i).second)
            throw Error(Errc::invalid, where, "a second current status for (" + s.action() + ", " + s.scope() + ")");
    }
    // A View is what was true on its date: nothing in it may be dated later.
    const auto not_after = [&](const Date& date, const std::string& where) {
        if (date > data_.as_of)
            throw Error(Errc::invalid, where, date.iso() + " is after the view date " + data_.as_of.iso());
    };
    for (std::size_t i = 0; i < data_.meetings.size(); ++i)
        not_after(data_.meetings[i].date(), at("meetings", i) + ".date");
    // Definitions joined the list by the view's date and (but for states, whose old
    // states of affairs keep their meaning) have not left it.
    const auto on_list = [&](const Period& p, const std::string& where, bool may_have_ended) {
        if (p.since) not_after(*p.since, where + ".since");
        if (!may_have_ended && p.until && !(data_.as_of < *p.until))
            throw Error(Errc::invalid, where + ".until: it left the list on " + p.until->iso() +
                                           ", not after the view date " + data_.as_of.iso());
    };
    for (std::size_t i = 0; i < data_.actions.size(); ++i) on_list(data_.actions[i].period(), at("actions", i), false);
    for (std::size_t i = 0; i < data_.regions.size(); ++i) on_list(data_.regions[i].period(), at("regions", i), false);
    for (std::size_t i = 0; i < data_.states.size(); ++i) on_list(data_.states[i].period(), at("states", i), true);
    for (std::size_t i = 0; i < data_.indicators.size(); ++i)
        on_list(data_.indicators[i].period(), at("indicators", i), false);
    for (std::size_t i = 0; i < data_.proposals.size(); ++i) {
        const auto& p = data_.proposals[i];
        require(actions_, p.action(), at("proposals", i) + ".action", "action");
        if (p.tabled()) not_after(*p.tabled(), at("proposals", i) + ".tabled");
        if (p.decided()) not_after(*p.decided(), at("proposals", i) + ".decided");
    }
    for (std::size_t i = 0; i < data_.observations.size(); ++i) {
        require(indicators_, data_.observations[i].indicator(), at("observations", i) + ".indicator", "indicator");
        require(regions_, data_.observations[i].region(), at("observations", i) + ".region", "region");
        not_after(data_.observations[i].as_of(), at("observations", i) + ".as_of");
    }
    for (std::size_t i = 0; i < data_.due_changes.size(); ++i) {
        const auto& c = data_.due_changes[i];
        const auto where = at("due_changes", i);
        require(actions_, c.action, where + ".action", "action");
        if (c.noted > data_.as_of)
            throw Error(Errc::invalid, where + ".noted: " + c.noted.iso() + " is after the view date " + data_.as_of.iso());
        if (!data_.due_moves && c.from && c.to && *c.from != *c.to) ++due_moves_[c.action];
    }
    if (data_.due_moves) {
        for (const auto& [action, moves] : *data_.due_moves) {
            require(actions_, action, "due_moves." + action, "action");
            if (moves < 0) throw Error(Errc::invalid, "due_moves." + action + ": a negative count");
        }
        due_moves_ = *data_.due_moves;
    }
    // Referenced actions are looked up by key (binary search), so they are kept sorted.
    for (std::size_t i = 0; i < data_.referenced.size(); ++i) {
        const auto& r = data_.referenced[i];
        const std::string where = "referenced[" + std::to_string(i) + "]";
        if (actions_.count(r.key))
            throw Error(Errc::invalid, where, detail::quote(r.key) + " is one of the View's actions");
        if (i > 0 && !(data_.referenced[i - 1].key < r.key))
            throw Error(Errc::invalid, where, "not sorted by key, or a duplicate key " + detail::quote(r.key));
    }
}

namespace {
template <class T, class Map>
const T* lookup(const std::vector<T>& items, const Map& index, std::string_view key) noexcept {
    const auto it = index.find(key);
    return it == index.end() ? nullptr : &items[it->second];
}
}  // namespace

const ReferencedAction* View::referenced(std::string_view key) const noexcept {
    const auto& refs = data_.referenced;
    const auto it = std::lower_bound(refs.begin(), refs.end(), key,
                                     [](const ReferencedAction& r, std::string_view k) { return r.key < k; });
    return it != refs.end() && it->key == key ? &*it : nullptr;
}

const Theme* View::theme(std::string_view key) const noexcept { return lookup(data_.themes, themes_, key); }
const Region* View::region(std::string_view code) const noexcept { return lookup(data_.regions, regions_, code); }
const ProgressState* View::state(std::string_view key) const noexcept { return lookup(data_.states, states_, key); }
const ActionPoint* View::action(std::string_view key) const noexcept { return lookup(data_.actions, actions_, key); }
const Indicator* View::indicator(std::string_view key) const noexcept {
    return lookup(data_.indicators, indicators_, key);
}

const StatusUpdate* View::status(std::string_view action, std::string_view scope) const noexcept {
    const auto it = statuses_.find(std::pair<std::string_view, std::string_view>(action, scope));
    return it == statuses_.end() ? nullptr : &data_.statuses[it->second];
}

std::vector<const StatusUpdate*> View::statuses_of(std::string_view action) const {
    std::vector<const StatusUpdate*> out;
    for (auto it = statuses_.lower_bound(std::pair<std::string_view, std::string_view>(action, {}));
         it != statuses_.end() && it->first.first == action; ++it)
        out.push_back(&data_.statuses[it->second]);
    std::sort(out.begin(), out.end());  // statuses() order: they point into one vector
    return out;
}

int View::due_moves(std::string_view action) const noexcept {
    const auto it = due_moves_.find(action);
    return it == due_moves_.end() ? 0 : it->second;
}

std::vector<std::string> View::municipalities_in(std::string_view region) const {
    std::vector<std::string> out;
    for (const auto& r : data_.regions) {
        if (r.kind() != RegionKind::municipality) continue;
        for (const Region* p = &r; p != nullptr; p = p->parent().empty() ? nullptr : this->region(p->parent()))
            if (p->code() == region) {
                out.push_back(r.code());
                break;
            }
    }
    return out;
}

Rollup View::rollup(std::string_view indicator, std::string_view region, std::string_view level) const {
    const Indicator* ind = this->indicator(indicator);
    if (!ind) throw Error(Errc::not_found, "indicator", "unknown indicator " + detail::quote(indicator));
    if (!this->region(region)) throw Error(Errc::not_found, "region", "unknown region " + detail::quote(region));
    if (ind->kind() != IndicatorKind::ordinal)
        throw Error(Errc::invalid, "indicator", "" + ind->key() + " is not ordinal, so it has no levels to roll up");
    const int wanted = ind->level_rank(level);
    if (wanted < 0) throw Error(Errc::not_found, "level", "unknown level " + detail::quote(level) + " of " + ind->key());
    Rollup out;
    const auto members = municipalities_in(region);
    out.municipalities = members.size();
    for (const auto& code : members) {
        // The municipality's latest observation decides (a level can also go down);
        // several on that one date: the highest.
        int best = -1;
        std::optional<Date> latest;
        for (const auto& o : data_.observations) {
            if (o.indicator() != ind->key() || o.region() != code || o.value().count) continue;
            const int rank = ind->level_rank(o.value().level);
            if (!latest || o.as_of() > *latest) {
                latest = o.as_of();
                best = rank;
            } else if (o.as_of() == *latest) {
                best = std::max(best, rank);
            }
        }
        if (best >= 0) ++out.known;
        if (best >= wanted) ++out.known_at_or_above;
    }
    for (const auto& o : data_.observations)
        if (o.indicator() == ind->key() && o.region() == region && o.value().count && o.value().level == level &&
            (!out.reported_as_of || o.as_of() > *out.reported_as_of)) {
            out.reported = o.value().count;
            out.reported_as_of = o.as_of();
        }
    return out;
}

}  // namespace actielijst
