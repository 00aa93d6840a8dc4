#include "rules/index.hpp"

#include "rules/check.hpp"

#include <algorithm>

namespace actielijst::rules {
namespace {

/// a / b < c / d for counts a, c >= 0 and b, d > 0, exactly and without overflow: a
/// reported count may be any int64, so the cross products could overflow.
bool less_fraction(std::int64_t a, std::uint32_t b, std::int64_t c, std::uint32_t d) noexcept {
    const auto ua = static_cast<std::uint64_t>(a), uc = static_cast<std::uint64_t>(c);
    const std::uint64_t qa = ua / b, qc = uc / d;
    if (qa != qc) return qa < qc;
    // The remainders are below 2^32, so their cross products fit in 64 bits.
    return (ua % b) * d < (uc % d) * b;
}

}  // namespace

Index::Index(const View& v, const Program& prog) : view(v), as_of(v.as_of().days()) {
    const auto& regions = view.regions();
    regions_.reserve(regions.size() * 2);
    for (std::size_t i = 0; i < regions.size(); ++i) regions_.emplace(regions[i].code(), static_cast<std::int32_t>(i));
    parent.assign(regions.size(), -1);
    municipalities.assign(regions.size(), 0);
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (!regions[i].parent().empty()) parent[i] = region_of(regions[i].parent());
    // The View refuses parent cycles, so every walk up ends.
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (regions[i].kind() == RegionKind::municipality)
            for (auto r = static_cast<std::int32_t>(i); r >= 0; r = parent[static_cast<std::size_t>(r)])
                ++municipalities[static_cast<std::size_t>(r)];

    const std::uint32_t needs = prog.needs;
    if (needs & (need_actions | need_proposals)) index_actions();
    if (needs & need_statuses) group_statuses();
    if (needs & (need_meetings | need_proposals)) {
        for (const auto& m : view.meetings()) meeting_days_.push_back(m.date().days());
        std::sort(meeting_days_.begin(), meeting_days_.end());
    }
    if (needs & need_proposals) count_proposals();
    if (needs & need_observations) count_observations();
    if (!prog.indicators.empty()) build_indicators(prog);
    if (needs & need_progress) build_progress();
}

void Index::index_actions() {
    if (!actions_.empty() || view.actions().empty()) return;
    actions_.reserve(view.actions().size() * 2);
    for (std::size_t i = 0; i < view.actions().size(); ++i)
        actions_.emplace(view.actions()[i].key(), static_cast<std::int32_t>(i));
}

void Index::group_statuses() {
    const auto& actions = view.actions();
    const auto& statuses = view.statuses();
    const auto& states = view.states();
    closed_state.resize(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) closed_state[i] = states[i].closed() ? 1 : 0;

    std::vector<std::int32_t> owner(statuses.size());
    std::vector<std::uint32_t> counts(actions.size() + 1, 0);
    // Statuses come in action order: a forward scan finds almost every owner
    // without a lookup.
    std::size_t a = 0;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const std::string& key = statuses[i].action();
        std::int32_t found = -1;
        for (std::size_t k = a; k < actions.size() && k < a + 4; ++k)
            if (actions[k].key() == key) {
                found = static_cast<std::int32_t>(k);
                break;
            }
        if (found < 0) {
            index_actions();
            found = action_of(key);
        }
        if (found >= 0) a = static_cast<std::size_t>(found);
        owner[i] = found;
        if (found >= 0) ++counts[static_cast<std::size_t>(found) + 1];
    }
    for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
    row_begin = counts;
    rows.resize(statuses.size());
    stats.assign(actions.size(), ActionStats{});
    std::size_t last_state = 0;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        if (owner[i] < 0) continue;
        const auto& s = statuses[i];
        StatusRow row;
        row.region = region_of(s.scope());
        // Few states: a remembered hit or a short scan beats hashing.
        if (last_state >= states.size() || states[last_state].key() != s.state()) {
            last_state = states.size();
            for (std::size_t k = 0; k < states.size(); ++k)
                if (states[k].key() == s.state()) {
                    last_state = k;
                    break;
                }
        }
        row.state = last_state < states.size() ? static_cast<std::int32_t>(last_state) : -1;
        row.days = s.as_of().days();
        row.status = static_cast<std::uint32_t>(i);
        const auto o = static_cast<std::size_t>(owner[i]);
        rows[counts[o]++] = row;
        auto& st = stats[o];
        ++st.count;
        if (row.state >= 0) {
            const auto cat = states[static_cast<std::size_t>(row.state)].category();
            if (cat == StateCategory::todo) ++st.todo;
            if (closed_state[static_cast<std::size_t>(row.state)]) ++st.closed;
        }
        st.last_update = std::max(st.last_update, row.days);
    }
}

std::uint32_t Index::meetings_after(std::int64_t after) const noexcept {
    const auto hi = std::upper_bound(meeting_days_.begin(), meeting_days_.end(), as_of);
    const auto lo = std::upper_bound(meeting_days_.begin(), meeting_days_.end(), after);
    return lo < hi ? static_cast<std::uint32_t>(hi - lo) : 0;
}

std::uint32_t Index::meetings_from(std::int64_t from) const noexcept {
    const auto hi = std::upper_bound(meeting_days_.begin(), meeting_days_.end(), as_of);
    const auto lo = std::lower_bound(meeting_days_.begin(), meeting_days_.end(), from);
    return lo < hi ? static_cast<std::uint32_t>(hi - lo) : 0;
}

void Index::count_proposals() {
    const std::size_t n = view.actions().size();
    open.assign(n, 0);
    adopted.assign(n, 0);
    agenda.assign(n, 0);
    agenda_proposal.assign(n, -1);
    std::unordered_map<std::string_view, std::int64_t> meeting_day;
    for (const auto& m : view.meetings()) meeting_day.emplace(m.key(), m.date().days());
    const auto& proposals = view.proposals();
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        const auto& p = proposals[i];
        const auto a = action_of(p.action());
        if (a < 0) continue;
        const auto ai = static_cast<std::size_t>(a);
        if (p.state() == ProposalState::adopted) ++adopted[ai];
        if (p.state() != ProposalState::open) continue;
        ++open[ai];
        if (p.meeting().empty()) continue;
        const auto it = meeting_day.find(p.meeting());
        if (it == meeting_day.end()) continue;
        const auto times = meetings_from(it->second);
        if (times > agenda[ai]) {
            agenda[ai] = times;
            agenda_proposal[ai] = static_cast<std::int32_t>(i);
        }
    }
}

void Index::count_observations() {
    own_observations.assign(view.regions().size(), 0);
    stalest.assign(view.regions().size(), no_date);
    for (const auto& o : view.observations()) {
        const auto r = region_of(o.region());
        if (r < 0) continue;
        const auto ri = static_cast<std::size_t>(r);
        ++own_observations[ri];
        const auto d = o.as_of().days();
        if (stalest[ri] == no_date || d < stalest[ri]) stalest[ri] = d;
    }
}

IndicatorTable Index::indicator_table(const Indicator* indicator) const {
    const auto& regions = view.regions();
    const std::size_t nr = regions.size();
    IndicatorTable t;
    t.indicator = indicator;
    t.last_own.assign(nr, no_date);
    t.observed.assign(nr, 0);
    t.data.assign(nr, 0);
    t.rank.assign(nr, -1);
    if (!indicator) return t;
    std::vector<std::int64_t> latest(nr, no_date);
    for (const auto& o : view.observations()) {
        if (o.indicator() != indicator->key()) continue;
        const auto r = region_of(o.region());
        if (r < 0) continue;
        t.anywhere = true;
        const auto ri = static_cast<std::size_t>(r);
        const auto d = o.as_of().days();
        const bool municipality = regions[ri].kind() == RegionKind::municipality;
        t.last_own[ri] = std::max(t.last_own[ri], d);
        t.observed[ri] = 1;
        if (o.value().count) t.data[ri] = 1;
        if (municipality)  // the municipality and every region it lies in
            for (auto p = r; p >= 0; p = parent[static_cast<std::size_t>(p)]) {
                t.observed[static_cast<std::size_t>(p)] = 1;
                t.data[static_cast<std::size_t>(p)] = 1;
            }
        // A municipality's latest observation decides its level (several on that
        // date: the highest), as View::rollup does.
        if (!municipality || o.value().count) continue;
        const int rank = indicator->level_rank(o.value().level);
        if (d > latest[ri]) {
            latest[ri] = d;
            t.rank[ri] = rank;
        } else if (d == latest[ri]) {
            t.rank[ri] = std::max(t.rank[ri], rank);
        }
    }
    return t;
}

LevelTable Index::level_table(const IndicatorTable& t, std::string_view level) const {
    const auto& regions = view.regions();
    const std::size_t nr = regions.size();
    LevelTable l;
    l.known.assign(nr, 0);
    l.at_or_above.assign(nr, 0);
    l.reported.assign(nr, -1);
    l.reported_on.assign(nr, no_date);
    if (!t.indicator) return l;
    l.rank = t.indicator->level_rank(level);
    for (std::size_t m = 0; m < nr; ++m) {
        if (regions[m].kind() != RegionKind::municipality || t.rank[m] < 0) continue;
        for (auto p = static_cast<std::int32_t>(m); p >= 0; p = parent[static_cast<std::size_t>(p)]) {
            ++l.known[static_cast<std::size_t>(p)];
            if (t.rank[m] >= l.rank) ++l.at_or_above[static_cast<std::size_t>(p)];
        }
    }
    for (const auto& o : view.observations()) {
        if (!o.value().count || o.value().level != level || o.indicator() != t.indicator->key()) continue;
        const auto r = region_of(o.region());
        if (r < 0) continue;
        const auto ri = static_cast<std::size_t>(r);
        const auto d = o.as_of().days();
        if (l.reported_on[ri] == no_date || d > l.reported_on[ri]) {
            l.reported_on[ri] = d;
            l.reported[ri] = *o.value().count;
        }
    }
    return l;
}

void Index::build_indicators(const Program& prog) {
    for (const auto& key : prog.indicators) indicators.push_back(indicator_table(view.indicator(key)));
    for (const auto& ref : prog.levels) levels.push_back(level_table(indicators[ref.indicator], ref.level));
}

void Index::build_progress() {
    const std::size_t nr = view.regions().size();
    lowest.assign(nr, Progress{});
    std::vector<std::vector<std::string_view>> missing(nr);
    for (const auto& ind : view.indicators()) {
        if (ind.kind() != IndicatorKind::ordinal || ind.levels().size() < 2) continue;
        const auto t = indicator_table(&ind);
        if (!t.anywhere) continue;
        // The second level: the first step above "nothing yet".
        const auto l = level_table(t, ind.levels()[1].key());
        for (std::size_t r = 0; r < nr; ++r) {
            if (!t.data[r]) {
                if (municipalities[r] > 0) missing[r].push_back(ind.key());
                continue;
            }
            if ((l.known[r] == 0 && l.reported[r] < 0) || municipalities[r] == 0) continue;
            const auto top = std::max<std::int64_t>(l.at_or_above[r], l.reported[r]);
            auto& low = lowest[r];
            if (low.top < 0 || less_fraction(top, municipalities[r], low.top, low.of)) {
                low.top = top;
                low.of = municipalities[r];
                low.indicator = &ind;
                low.reported_on = l.reported[r] > static_cast<std::int64_t>(l.at_or_above[r]) ? l.reported_on[r] : no_date;
            }
        }
    }
    unknown_begin.assign(nr + 1, 0);
    for (std::size_t r = 0; r < nr; ++r) {
        unknown_begin[r] = static_cast<std::uint32_t>(unknown.size());
        unknown.insert(unknown.end(), missing[r].begin(), missing[r].end());
    }
    unknown_begin[nr] = static_cast<std::uint32_t>(unknown.size());
}

}  // namespace actielijst::rules
