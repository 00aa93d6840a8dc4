// What changed between two Views: actions, current statuses, proposals and latest
// observations, each matched by key and listed in a fixed order.
#include <actielijst/changes.hpp>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace actielijst {

std::string_view to_string(ChangeKind kind) noexcept {
    switch (kind) {
        case ChangeKind::added: return "added";
        case ChangeKind::changed: return "changed";
        case ChangeKind::removed: return "removed";
    }
    return "unknown";
}

namespace {

/// Positions in "the later picture's order, then the earlier one's for what only it has".
class Order {
public:
    template <class T, class Key>
    Order(const std::vector<T>& after, const std::vector<T>& before, Key key) {
        for (const auto& t : after) rank_.try_emplace(key(t), rank_.size());
        for (const auto& t : before) rank_.try_emplace(key(t), rank_.size());
    }
    std::size_t operator()(const std::string& key) const {
        const auto it = rank_.find(key);
        return it == rank_.end() ? rank_.size() : it->second;
    }

private:
    std::map<std::string, std::size_t, std::less<>> rank_;
};

template <class T, class Key, class Same, class Emit>
void match(const std::vector<T>& before, const std::vector<T>& after, Key key, Same same, Emit emit) {
    std::map<decltype(key(before.front())), const T*> old;
    for (const auto& t : before) old.emplace(key(t), &t);
    for (const auto& t : after) {
        const auto it = old.find(key(t));
        if (it == old.end()) emit(ChangeKind::added, nullptr, &t);
        else {
            if (!same(*it->second, t)) emit(ChangeKind::changed, it->second, &t);
            old.erase(it);
        }
    }
    for (const auto& t : before)
        if (old.count(key(t))) emit(ChangeKind::removed, &t, nullptr);
}

template <class T>
std::optional<T> opt(const T* p) {
    return p ? std::optional<T>(*p) : std::nullopt;
}

bool closed_in(const View& view, const StatusUpdate* s) {
    if (!s) return false;
    const auto* state = view.state(s->state());
    return state && state->closed();
}

}  // namespace

Changes diff(const View& before, const View& after) {
    Changes out;
    out.from = before.as_of();
    out.to = after.as_of();

    const auto action_key = [](const ActionPoint& a) { return a.key(); };
    const Order action_order(after.actions(), before.actions(), action_key);
    const Order region_order(after.regions(), before.regions(), [](const Region& r) { return r.code(); });
    const Order indicator_order(after.indicators(), before.indicators(), [](const Indicator& i) { return i.key(); });

    // Actions: match() already yields the later order, removed ones last.
    match(before.actions(), after.actions(), action_key, std::equal_to<>{},
          [&](ChangeKind kind, const ActionPoint* b, const ActionPoint* a) {
              out.actions.push_back({kind, (a ? a : b)->key(), opt(b), opt(a)});
          });

    match(
        before.statuses(), after.statuses(), [](const StatusUpdate& s) { return std::pair(s.action(), s.scope()); },
        [](const StatusUpdate& b, const StatusUpdate& a) {
            return b.state() == a.state() && b.text() == a.text() && b.as_of() == a.as_of();
        },
        [&](ChangeKind kind, const StatusUpdate* b, const StatusUpdate* a) {
            const auto& s = a ? *a : *b;
            const bool closed = closed_in(after, a) && !closed_in(before, b);
            out.statuses.push_back({kind, s.action(), s.scope(), opt(b), opt(a), closed});
        });
    std::stable_sort(out.statuses.begin(), out.statuses.end(), [&](const StatusChange& x, const StatusChange& y) {
        return std::tuple(action_order(x.action), region_order(x.scope)) <
               std::tuple(action_order(y.action), region_order(y.scope));
    });

    match(before.proposals(), after.proposals(), [](const Proposal& p) { return p.key(); }, std::equal_to<>{},
          [&](ChangeKind kind, const Proposal* b, const Proposal* a) {
              const bool decided =
                  a && a->state() != ProposalState::open && (!b || b->state() == ProposalState::open);
              out.proposals.push_back({kind, (a ? a : b)->key(), opt(b), opt(a), decided});
          });
    std::stable_sort(out.proposals.begin(), out.proposals.end(), [&](const ProposalChange& x, const ProposalChange& y) {
        const auto& px = x.after ? *x.after : *x.before;
        const auto& py = y.after ? *y.after : *y.before;
        return std::tuple(action_order(px.action()), px.key()) < std::tuple(action_order(py.action()), py.key());
    });

    match(
        before.observations(), after.observations(),
        // A region's own level is one series whatever the level, so a new level reads as
        // "changed from X to Y"; counts of municipalities are a series per level.
        [](const Observation& o) {
            return std::tuple(o.indicator(), o.region(), o.value().count ? o.value().level : std::string());
        },
        std::equal_to<>{},
        [&](ChangeKind kind, const Observation* b, const Observation* a) {
            out.observations.push_back({kind, opt(b), opt(a)});
        });
    const auto level_rank = [&](const Observation& o) {
        const auto* i = after.indicator(o.indicator());
        if (!i || i->level_rank(o.value().level) < 0) i = before.indicator(o.indicator());
        return i ? i->level_rank(o.value().level) : -1;
    };
    std::stable_sort(out.observations.begin(), out.observations.end(),
                     [&](const ObservationChange& x, const ObservationChange& y) {
                         const auto& ox = x.after ? *x.after : *x.before;
                         const auto& oy = y.after ? *y.after : *y.before;
                         return std::tuple(indicator_order(ox.indicator()), region_order(ox.region()), level_rank(ox),
                                           ox.value().level) <
                                std::tuple(indicator_order(oy.indicator()), region_order(oy.region()), level_rank(oy),
                                           oy.value().level);
                     });
    return out;
}

}  // namespace actielijst
