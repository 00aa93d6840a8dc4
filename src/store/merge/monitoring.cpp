// Merging indicators, their observations, and contacts.
#include "store/merge/merger.hpp"
#include "util/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace actielijst::detail::merging {

using detail::quote;

void Merger::merge_indicators(const std::vector<Indicator>& indicators) {
    auto position = NextPosition::of(db_, "indicators");
    SQLite::Statement ins(db_,
                          "INSERT INTO indicators(key, label_nl, label_en, kind, unit, since, until, position) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    SQLite::Statement upd(db_,
                          "UPDATE indicators SET label_nl = ?2, label_en = ?3, kind = ?4, unit = ?5, since = ?6, "
                          "until = ?7 WHERE key = ?1");
    SQLite::Statement clear(db_, "DELETE FROM indicator_levels WHERE indicator_id = ?");
    SQLite::Statement level(db_,
                            "INSERT INTO indicator_levels(indicator_id, position, key, label_nl, label_en) "
                            "VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement used(db_, "SELECT DISTINCT level FROM observations WHERE indicator_id = ?");
    SQLite::Statement clear_actions(db_, "DELETE FROM indicator_actions WHERE indicator_id = ?");
    SQLite::Statement measures(db_, "INSERT INTO indicator_actions(indicator_id, position, action_id) VALUES (?, ?, ?)");
    KeyIndex keys(db_, "indicators");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < indicators.size(); ++i) {
        const auto& ind = indicators[i];
        const auto where = at("indicators", i);
        if (!seen.insert(ind.key()).second) fail_at(where, "key", "duplicate indicator " + quote(ind.key()));
        if (const auto it = indicators_.find(ind.key()); it != indicators_.end()) {
            used.bind(1, it->second.id);
            while (used.executeStep()) {
                const auto lvl = used.getColumn(0).getString();
                if (it->second.kind != ind.kind())
                    fail_at(where, "kind", "indicator " + ind.key() + " has observations, so its kind cannot change",
                            Errc::conflict);
                if (!lvl.empty() && ind.level_rank(lvl) < 0)
                    fail_at(where, "levels",
                            "level " + quote(lvl) + " is used by stored observations and cannot be removed",
                            Errc::conflict);
            }
            used.reset();
        }
        for (auto* q : {&ins, &upd}) {
            q->bind(1, ind.key());
            q->bind(2, ind.label().nl());
            q->bind(3, ind.label().en());
            q->bind(4, static_cast<int>(ind.kind()));
            q->bind(5, ind.unit());
            bind_period(*q, 6, ind.period());
        }
        // The actions it measures, as an action's see_also: each in the dataset (merged
        // before the indicators) or already stored.
        std::vector<std::int64_t> action_ids;
        for (std::size_t k = 0; k < ind.actions().size(); ++k) {
            const auto field = at("actions", k);
            action_ids.push_back(require(actions_, ind.actions()[k], where, field.c_str(), "action"));
        }
        if (!keys.find(ind.key())) ins.bind(8, position.take());
        const auto id = upsert(keys, ind.key(), ins, upd);
        if (ind.period() != Period{})
            check_history_within("SELECT min(as_of), max(as_of) FROM observations WHERE indicator_id = ?", id,
                                 ind.period(), where, "observations of " + ind.key());
        // Upserting an indicator replaces its levels and the actions it measures.
        for (auto* q : {&clear, &clear_actions}) {
            q->bind(1, id);
            q->exec();
            q->reset();
        }
        for (std::size_t k = 0; k < action_ids.size(); ++k) {
            measures.bind(1, id);
            measures.bind(2, static_cast<std::int64_t>(k));
            measures.bind(3, action_ids[k]);
            measures.exec();
            measures.reset();
        }
        IndicatorInfo info{id, ind.kind(), {}, ind.period()};
        for (std::size_t k = 0; k < ind.levels().size(); ++k) {
            const auto& l = ind.levels()[k];
            level.bind(1, id);
            level.bind(2, static_cast<std::int64_t>(k));
            level.bind(3, l.key());
            level.bind(4, l.label().nl());
            level.bind(5, l.label().en());
            level.exec();
            level.reset();
            info.levels.push_back(l.key());
        }
        indicators_[ind.key()] = std::move(info);
    }
}

void Merger::merge_observations(const std::vector<Observation>& observations) {
    SQLite::Statement q(db_,
                        "INSERT INTO observations(indicator_id, region_id, as_of, level, value, count, at_least, "
                        "source, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                        "ON CONFLICT(indicator_id, region_id, level, as_of) DO UPDATE SET value = excluded.value, "
                        "count = excluded.count, at_least = excluded.at_least, source = excluded.source, "
                        "note = excluded.note WHERE value IS NOT excluded.value OR count IS NOT excluded.count OR "
                        "at_least IS NOT excluded.at_least OR source IS NOT excluded.source OR "
                        "note IS NOT excluded.note");
    SQLite::Statement series(db_,
                             "INSERT OR IGNORE INTO observation_series(indicator_id, region_id, level) "
                             "VALUES (?, ?, ?)");
    std::set<std::tuple<std::string, std::int64_t, std::string, std::string>> seen;
    for (std::size_t i = 0; i < observations.size(); ++i) {
        const auto& o = observations[i];
        const auto where = at("observations", i);
        const auto it = indicators_.find(o.indicator());
        if (it == indicators_.end()) {
            std::vector<std::string> keys;
            for (const auto& [key, _] : indicators_) keys.push_back(key);
            fail_at(where, "indicator",
                    "unknown indicator " + quote(o.indicator()) + unknown_hint(o.indicator(), keys, "indicators"));
        }
        const auto& ind = it->second;
        const auto& region = regions_.resolve(o.region(), where, "region");
        check_dated(ind.period, o.as_of(), where, "as_of", "indicator " + o.indicator());
        check_dated(region.period, o.as_of(), where, "as_of", "region " + region.code);
        const auto& v = o.value();
        if (ind.kind == IndicatorKind::ordinal) {
            if (v.level.empty()) fail_at(where, "level", "indicator " + o.indicator() + " is ordinal: a level is required");
            if (std::find(ind.levels.begin(), ind.levels.end(), v.level) == ind.levels.end())
                fail_at(where, "level",
                        "unknown level " + quote(v.level) + " of indicator " + o.indicator() +
                            unknown_hint(v.level, ind.levels, "levels"));
            if (v.count) {
                if (region.kind == RegionKind::municipality)
                    fail_at(where, "count", "a count of municipalities needs a region above a municipality, got " +
                                                region.code);
                const auto total = regions_.municipalities_in(region.id);
                if (total > 0 && static_cast<std::size_t>(*v.count) > total)
                    fail_at(where, "count", std::to_string(*v.count) + " exceeds the " + std::to_string(total) +
                                                " municipalities of " + region.code);
            }
        } else {
            if (!v.level.empty())
                fail_at(where, "level", "indicator " + o.indicator() + " is a " +
                                            std::string(to_string(ind.kind)) + ": use value, not level");
            if (ind.kind == IndicatorKind::count && v.value &&
                (*v.value < 0 || std::floor(*v.value) != *v.value || *v.value > 9007199254740992.0))
                fail_at(where, "value", "indicator " + o.indicator() + " counts: expected a whole number from 0 to 2^53");
        }
        if (!seen.emplace(o.indicator(), region.id, v.level, o.as_of().iso()).second)
            fail_at(where, "as_of", "a second observation of " + o.indicator() + " for " + region.code + " on " +
                                        o.as_of().iso());
        q.bind(1, ind.id);
        q.bind(2, region.id);
        q.bind(3, o.as_of().iso());
        q.bind(4, v.level);
        if (v.value) q.bind(5, *v.value); else q.bind(5);
        if (v.count) q.bind(6, *v.count); else q.bind(6);
        q.bind(7, v.at_least ? 1 : 0);
        q.bind(8, o.source());
        q.bind(9, o.note());
        summary_.observations_written += static_cast<std::size_t>(q.exec());
        q.reset();
        series.bind(1, ind.id);
        series.bind(2, region.id);
        series.bind(3, v.level);
        series.exec();
        series.reset();
    }
}

void Merger::merge_contacts(const std::vector<Contact>& contacts) {
    SQLite::Statement q(db_,
                        "INSERT INTO contacts(municipality_id, role, name, email) VALUES (?1, ?2, ?3, ?4) "
                        "ON CONFLICT(municipality_id, role, name) DO UPDATE SET email = excluded.email "
                        "WHERE email IS NOT excluded.email");
    // Where each (municipality, role, name) was first given, to name it in a message:
    // a contact is personal data, so a message never repeats its name or address.
    std::map<std::tuple<std::int64_t, std::string, std::string>, std::size_t> seen;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        const auto& c = contacts[i];
        const auto where = at("contacts", i);
        const auto& m = regions_.resolve(c.municipality(), where, "municipality");
        if (m.kind != RegionKind::municipality)
            fail_at(where, "municipality", m.code + " is a " + std::string(to_string(m.kind)) + ", not a municipality");
        if (const auto [first, added] = seen.emplace(std::tuple(m.id, c.role(), c.name()), i); !added)
            fail_at(where, "name",
                    "duplicate contact: the same municipality (" + m.code + "), role and name as " +
                        at("contacts", first->second));
        q.bind(1, m.id);
        q.bind(2, c.role());
        q.bind(3, c.name());
        q.bind(4, c.email());
        summary_.contacts_written += static_cast<std::size_t>(q.exec());
        q.reset();
    }
}

}  // namespace actielijst::detail::merging
