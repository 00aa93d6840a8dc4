// Merging regions: the hierarchy, unique aliases, kinds that may change, and the
// time a region is on the list (within its parent's).
#include "store/merge/merger.hpp"

namespace actielijst::detail::merging {

using detail::quote;

/// A region is part of the list only while its parent is.
void Merger::check_region_periods() {
    for (const auto& [id, r] : regions_.all()) {
        if (r.parent == 0) continue;
        const auto* parent = regions_.by_id(r.parent);
        if (parent && !parent->period.covers(r.period))
            throw Error(Errc::conflict, "regions", "" + r.code + " is on the list " + describe(r.period) +
                                            ", outside the time of its parent " + parent->code + " (" +
                                            describe(parent->period) + ")");
    }
}

void Merger::merge_regions(const std::vector<Region>& regions) {
    auto position = NextPosition::of(db_, "regions");
    SQLite::Statement ins(db_,
                          "INSERT INTO regions(code, name, kind, parent_id, since, until, position) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    SQLite::Statement upd(db_,
                          "UPDATE regions SET name = ?2, kind = ?3, parent_id = ?4, since = ?5, until = ?6 "
                          "WHERE code = ?1");
    SQLite::Statement clear(db_, "DELETE FROM region_names WHERE region_id = ?");
    SQLite::Statement name(db_,
                           "INSERT OR IGNORE INTO region_names(name_folded, region_id, alias, position) "
                           "VALUES (?, ?, ?, ?)");
    std::set<std::string> seen;
    KeyIndex codes(db_, "regions", "code");
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const auto& r = regions[i];
        const auto where = at("regions", i);
        if (!seen.insert(r.code()).second) fail_at(where, "code", "duplicate region " + quote(r.code()));
        std::int64_t parent_id = 0;
        if (!r.parent().empty()) {
            const auto& parent = regions_.resolve(r.parent(), where, "parent");
            if (parent.kind != parent_kind_of(r.kind()))
                fail_at(where, "parent",
                        "a " + std::string(to_string(r.kind())) + " must lie in a " +
                            std::string(to_string(*parent_kind_of(r.kind()))) + ", but " + parent.code + " is a " +
                            std::string(to_string(parent.kind)));
            parent_id = parent.id;
        }
        // A code must not already name another region, or references to it
        // would be ambiguous (and an export listing that region first would not
        // import back).
        if (const auto* others = regions_.holders(detail::fold_case(r.code()))) {
            const auto* self = regions_.by_code(r.code());
            for (const auto other : *others)
                if (!self || other != self->id)
                    fail_at(where, "code",
                            "code " + quote(r.code()) + " is already a name or alias of region " +
                                regions_.by_id(other)->code,
                            Errc::conflict);
        }
        if (const auto* old = regions_.by_code(r.code())) {
            if (parent_id != 0 && regions_.within(parent_id, old->id))
                fail_at(where, "parent", "region " + r.code() + " cannot lie inside itself", Errc::conflict);
            if (old->kind != r.kind()) check_kind_change(*old, r.kind(), where);
        }
        // An alias names one region only: a second region with the same alias (or
        // an alias that is another region's code or name) would make every later
        // reference by it ambiguous. Names alone may be shared ("Bergen").
        const std::int64_t self_id = regions_.by_code(r.code()) ? regions_.by_code(r.code())->id : 0;
        for (std::size_t k = 0; k < r.aliases().size(); ++k) {
            const auto folded = detail::fold_case(r.aliases()[k]);
            const auto field = "aliases[" + std::to_string(k) + "]";
            if (const auto* other = regions_.by_folded_code(folded); other && other->code != r.code())
                fail_at(where, field.c_str(),
                        "alias " + quote(r.aliases()[k]) + " of region " + r.code() + " is the code of region " +
                            other->code,
                        Errc::conflict);
            if (const auto* other = regions_.other_holder(folded, self_id))
                fail_at(where, field.c_str(),
                        "alias " + quote(r.aliases()[k]) + " of region " + r.code() +
                            " is already a name or alias of region " + other->code,
                        Errc::conflict);
        }
        if (const auto* other = regions_.alias_holder(detail::fold_case(r.name()), self_id))
            fail_at(where, "name",
                    "name " + quote(r.name()) + " of region " + r.code() + " is already an alias of region " +
                        other->code,
                    Errc::conflict);
        for (auto* q : {&ins, &upd}) {
            q->bind(1, r.code());
            q->bind(2, r.name());
            q->bind(3, static_cast<int>(r.kind()));
            bind_id(*q, 4, parent_id ? std::optional<std::int64_t>(parent_id) : std::nullopt);
            bind_period(*q, 5, r.period());
        }
        if (!codes.find(r.code())) ins.bind(7, position.take());
        const auto id = upsert(codes, r.code(), ins, upd);
        regions_.put({id, r.code(), r.kind(), parent_id, r.period()});
        if (r.period() != Period{}) {
            check_history_within("SELECT min(as_of), max(as_of) FROM status_updates WHERE scope_id = ?", id,
                                 r.period(), where, "states of affairs of region " + r.code());
            check_history_within("SELECT min(as_of), max(as_of) FROM observations WHERE region_id = ?", id,
                                 r.period(), where, "observations of region " + r.code());
        }
        clear.bind(1, id);
        clear.exec();
        clear.reset();
        std::vector<std::string> folded{detail::fold_case(r.code()), detail::fold_case(r.name())};
        std::vector<const std::string*> alias_of{nullptr, nullptr};
        for (const auto& a : r.aliases()) {
            folded.push_back(detail::fold_case(a));
            alias_of.push_back(&a);
        }
        for (std::size_t k = 0; k < folded.size(); ++k) {
            name.bind(1, folded[k]);
            name.bind(2, id);
            if (alias_of[k])
                name.bind(3, *alias_of[k]);
            else
                name.bind(3);
            name.bind(4, static_cast<std::int64_t>(k));
            name.exec();
            name.reset();
        }
        regions_.set_names(id, folded);
    }
    if (!regions.empty()) {
        check_stored_counts();
        check_region_periods();
    }
}

/// A stored "count of municipalities at a level" must still fit its region once
/// the region's municipalities are known: moving or re-kinding municipalities may
/// not make an earlier statement impossible (an export could not be imported back).
void Merger::check_stored_counts() {
    SQLite::Statement q(db_,
                        "SELECT o.region_id, i.key, o.as_of, o.count FROM observations o "
                        "JOIN indicators i ON i.id = o.indicator_id WHERE o.count IS NOT NULL");
    while (q.executeStep()) {
        const auto region = q.getColumn(0).getInt64();
        const auto total = regions_.municipalities_in(region);
        const auto count = q.getColumn(3).getInt64();
        if (total > 0 && static_cast<std::size_t>(count) > total)
            throw Error(Errc::conflict, "regions", "" + regions_.by_id(region)->code + " would have " +
                                            std::to_string(total) + " municipalities, but the observation of " +
                                            q.getColumn(1).getString() + " on " + q.getColumn(2).getString() +
                                            " counts " + std::to_string(count) + " of them");
    }
}

/// A region's kind may change only when nothing stored depends on the old kind.
void Merger::check_kind_change(const RegionInfo& old, RegionKind kind, const std::string& where) {
    const auto refuse = [&](const std::string& why) {
        fail_at(where, "kind", "region " + old.code + " " + why + ", so its kind cannot change", Errc::conflict);
    };
    if (regions_.has_children(old.id)) refuse("has subregions");
    const auto used = [&](const char* sql) {
        SQLite::Statement q(db_, sql);
        q.bind(1, old.id);
        return q.executeStep();
    };
    if (kind != RegionKind::municipality && used("SELECT 1 FROM contacts WHERE municipality_id = ? LIMIT 1"))
        refuse("has contacts, which belong to municipalities");
    if (kind == RegionKind::municipality &&
        used("SELECT 1 FROM observations WHERE region_id = ? AND count IS NOT NULL LIMIT 1"))
        refuse("has counts of municipalities");
}

}  // namespace actielijst::detail::merging
