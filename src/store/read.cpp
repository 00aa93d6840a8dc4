// Reading the store back: Store::dump (everything) and Store::view (what was true
// at a date, for the whole list or a filter's selection).
#include "store/reader.hpp"
#include "json/document.hpp"
#include "rules/impl.hpp"

#include <ostream>

namespace actielijst {

using detail::reading::Reader;

Dataset Store::dump(bool include_contacts) const {
    return detail::translate_storage_errors(*impl_, "dump", [&] {
        // One read transaction, so the dump is a consistent picture even while
        // another process writes.
        impl_->db.exec("BEGIN");
        try {
            Reader r(impl_->db);
            Dataset d;
            r.definitions(d);
            r.each_action([&](ActionPoint&& a, std::vector<DueChange>&& due) {
                d.actions.push_back(std::move(a));
                d.due_changes.insert(d.due_changes.end(), std::make_move_iterator(due.begin()),
                                     std::make_move_iterator(due.end()));
            });
            r.each_update([&](StatusUpdate&& u) { d.updates.push_back(std::move(u)); });
            r.each_proposal([&](Proposal&& p, std::vector<ProposalEvent>&& decisions) {
                d.proposals.push_back(std::move(p));
                d.proposal_events.insert(d.proposal_events.end(), std::make_move_iterator(decisions.begin()),
                                         std::make_move_iterator(decisions.end()));
            });
            r.each_observation([&](Observation&& o) { d.observations.push_back(std::move(o)); });
            if (include_contacts) d.contacts = r.contacts();
            impl_->db.exec("COMMIT");
            return d;
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
}

void Store::export_json(std::ostream& out, bool include_contacts) const {
    detail::translate_storage_errors(*impl_, "export", [&] {
        // One read transaction, as dump(), with every row written as it is read: the
        // export holds one action (or update, proposal, observation) at a time.
        impl_->db.exec("BEGIN");
        try {
            Reader r(impl_->db);
            detail::DocumentWriter doc(out);
            doc.head(r.meta(), r.themes(), r.regions(std::nullopt), r.states(std::nullopt), r.meetings(std::nullopt));
            doc.begin("actions");
            std::vector<const DueChange*> changes;
            r.each_action([&](ActionPoint&& a, std::vector<DueChange>&& due) {
                changes.clear();
                for (const auto& c : due) changes.push_back(&c);
                doc.add(a, changes);
            });
            doc.end();
            doc.begin("updates");
            r.each_update([&](StatusUpdate&& u) { doc.add(u); });
            doc.end();
            doc.begin("proposals");
            std::vector<const ProposalEvent*> decided;
            r.each_proposal([&](Proposal&& p, std::vector<ProposalEvent>&& decisions) {
                decided.clear();
                for (const auto& e : decisions) decided.push_back(&e);
                doc.add(p, decided);
            });
            doc.end();
            doc.begin("indicators");
            for (const auto& i : r.indicators(std::nullopt)) doc.add(i);
            doc.end();
            doc.begin("observations");
            r.each_observation([&](Observation&& o) { doc.add(o); });
            doc.end();
            if (include_contacts) {
                const auto contacts = r.contacts();
                if (!contacts.empty()) {
                    doc.begin("contacts");
                    for (const auto& c : contacts) doc.add(c);
                    doc.end();
                }
            }
            doc.finish();
            impl_->db.exec("COMMIT");
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
}

namespace {

/// Everything a View holds at `as_of`, as `r` reads it (the whole list, or a selection).
ViewData read_view(Reader& r, const Date& as_of) {
    ViewData d;
    d.as_of = as_of;
    d.meta = r.meta();
    d.themes = r.themes();
    d.regions = r.regions(as_of);
    d.states = r.states(as_of);
    d.meetings = r.meetings(as_of);
    d.actions = r.actions(as_of);
    d.statuses = r.current(as_of);
    d.proposals = r.proposals(as_of);
    d.indicators = r.indicators(as_of);
    d.observations = r.observations(as_of);
    auto [due_changes, due_moves] = r.latest_due_changes(as_of);
    d.due_changes = std::move(due_changes);
    d.due_moves = std::move(due_moves);
    return d;
}

}  // namespace

View Store::view(const Date& as_of) const {
    return detail::translate_storage_errors(*impl_, "view", [&] {
        impl_->db.exec("BEGIN");
        try {
            Reader r(impl_->db);
            auto d = read_view(r, as_of);
            impl_->db.exec("COMMIT");
            return View(std::move(d));
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
}

View Store::view(const Date& as_of, const Filter& filter) const {
    const Filter::Impl& f = *filter.impl_;
    const auto pushdown = rules::push_down(f.prog, f.root);
    View candidates = detail::translate_storage_errors(*impl_, "view", [&] {
        impl_->db.exec("BEGIN");
        try {
            detail::select_actions(impl_->db, as_of, pushdown.where ? &*pushdown.where : nullptr);
            Reader r(impl_->db, true);
            auto d = read_view(r, as_of);
            d.selection = filter.text();
            d.referenced = detail::referenced_outside(impl_->db, as_of);
            impl_->db.exec(std::string("DELETE FROM ") + detail::selection_table);
            impl_->db.exec("COMMIT");
            return View(std::move(d));
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
    // The store returned a superset: the filter itself decides, on those rows only.
    if (pushdown.exact) {
        rules::check_names(f.prog, candidates, f.origin);
        return candidates;
    }
    const auto keep = filter.select(candidates);
    if (keep.size() == candidates.actions().size()) return candidates;
    return View(detail::keep_actions(candidates, keep));
}

}  // namespace actielijst
