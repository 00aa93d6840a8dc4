// The C handles. A C caller never holds one of these objects' addresses: it holds a
// token from the process-wide handle table (args.hpp, handle_table), which maps the
// token to the object only while the handle is live. publish() puts a new object in
// the table; handle() looks an argument up, refusing NULL, freed handles, handles of
// another type and foreign pointers without reading the memory they point to;
// free_handle() takes the object out of the table (its slot's next token gets a new
// generation, so the old one never matches again) and deletes it.
// A view is a shared, immutable ViewHolder (the core View plus the C records built
// once from it); its iterators share it, so handles may be freed in any order. Rule
// sets and evaluations follow the same pattern (RulesHolder, EvaluationHolder).
#pragma once

#include "args.hpp"
#include "guard.hpp"

#include <actielijst.h>
#include <actielijst/changes.hpp>
#include <actielijst/forms.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/store.hpp>
#include <actielijst/view.hpp>

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

// Each handle type has its own kind, a number below 2^handle_table::kind_bits.
struct actielijst_store {
    static constexpr unsigned kKind = 1;
    static constexpr const char* kName = "actielijst_store";
    actielijst::Store store;
    explicit actielijst_store(actielijst::Store s) : store(std::move(s)) {}
};

namespace actielijst::capi {

/// Strings for the C records that the core keeps as other types (dates), each kept
/// once; node-based, so the pointers stay valid as more are added.
class TextPool {
public:
    const char* keep(std::string text) { return texts_.insert(std::move(text)).first->c_str(); }
    /// A date's ISO text, formatted once per distinct date (a view has few dates but
    /// one per status, and Date::iso() goes through snprintf).
    const char* keep(const Date& date) {
        const auto [it, added] = dates_.try_emplace(date.days(), nullptr);
        if (added) it->second = keep(date.iso());
        return it->second;
    }
    /// A kept text, or nullptr.
    const char* find(const std::string& text) const {
        const auto it = texts_.find(text);
        return it == texts_.end() ? nullptr : it->c_str();
    }

private:
    std::set<std::string> texts_;
    std::unordered_map<std::int64_t, const char*> dates_;
};

/// The C records of a View, built once. Never moved after construction (records
/// point into it); immutable afterwards, so it may be shared between threads.
struct ViewHolder {
    explicit ViewHolder(View data);
    ViewHolder(const ViewHolder&) = delete;
    ViewHolder& operator=(const ViewHolder&) = delete;

    View view;
    TextPool texts;
    const char* as_of = "";

    std::vector<std::vector<const char*>> region_aliases;
    std::vector<std::vector<actielijst_owner_rec>> action_owners;
    std::vector<std::vector<const char*>> action_scope;
    std::vector<std::vector<const char*>> action_see_also;
    std::vector<std::vector<actielijst_level_rec>> indicator_levels;
    std::vector<std::vector<const char*>> indicator_actions;

    std::vector<actielijst_theme_rec> themes;
    std::vector<actielijst_region_rec> regions;
    std::vector<actielijst_state_rec> states;
    std::vector<actielijst_meeting_rec> meetings;
    std::vector<actielijst_action_rec> actions;
    std::vector<actielijst_status_rec> statuses;
    std::vector<actielijst_proposal_rec> proposals;
    std::vector<actielijst_indicator_rec> indicators;
    std::vector<actielijst_observation_rec> observations;
};

/// A loaded rule set and the C records of its rules, built once. Never moved after
/// construction; immutable afterwards.
struct RulesHolder {
    explicit RulesHolder(RuleSet data);
    RulesHolder(const RulesHolder&) = delete;
    RulesHolder& operator=(const RulesHolder&) = delete;

    RuleSet rules;
    std::vector<actielijst_rule_rec> records;
};

/// An Evaluation and its C records, built once: the findings with their reasons, the
/// action statuses with their finding indexes and reasons, and an index by action.
/// Never moved after construction (records point into it); immutable afterwards.
struct EvaluationHolder {
    explicit EvaluationHolder(Evaluation data);
    EvaluationHolder(const EvaluationHolder&) = delete;
    EvaluationHolder& operator=(const EvaluationHolder&) = delete;

    Evaluation evaluation;
    std::vector<std::vector<actielijst_reason_rec>> finding_reasons;
    std::vector<std::vector<std::uint32_t>> status_findings;
    std::vector<std::vector<actielijst_reason_rec>> status_reasons;

    std::vector<actielijst_finding_rec> findings;
    std::vector<actielijst_action_status_rec> statuses;
    /// Action key (a view into `evaluation`) -> index in `statuses`.
    std::unordered_map<std::string_view, std::size_t> status_of;
};

/// A diff between two views and its C records (actions, statuses, proposals,
/// observations, in that order), built once. Never moved after construction.
struct DiffHolder {
    explicit DiffHolder(Changes data);
    DiffHolder(const DiffHolder&) = delete;
    DiffHolder& operator=(const DiffHolder&) = delete;

    Changes changes;
    TextPool texts;
    std::vector<actielijst_change_rec> records;
};

/// What processing one returned form gave (FormReturn) and its C records: the
/// summary, the updates, the status changes and the problems with their places,
/// built once. Never moved after construction (records point into it); immutable
/// afterwards.
struct FormResultHolder {
    explicit FormResultHolder(FormReturn data);
    FormResultHolder(const FormResultHolder&) = delete;
    FormResultHolder& operator=(const FormResultHolder&) = delete;

    FormReturn result;
    TextPool texts;
    std::vector<const char*> regions;
    std::vector<std::string> wheres;  ///< FormProblem::where() of each problem
    actielijst_form_summary summary{};
    std::vector<actielijst_status_rec> updates;
    std::vector<actielijst_change_rec> changes;
    std::vector<actielijst_form_problem_rec> problems;
};

/// An iterator over records whose strings live in `owner` (a ViewHolder, or a
/// materialised history or contact list).
template <class Rec, unsigned Kind>
struct RecordIter {
    static constexpr unsigned kKind = Kind;
    std::shared_ptr<const void> owner;
    std::vector<Rec> items;
    /// The records when they are not copied into `items`: all of a view's records,
    /// borrowed from the ViewHolder that `owner` keeps alive.
    const std::vector<Rec>* shared = nullptr;
    std::size_t next = 0;
};

/// The *_iter_next_batch functions: up to `capacity` records, or ACTIELIJST_ITEROVER.
template <class It, class Rec>
int iter_next_batch(const char* fn, Rec* recs, std::size_t capacity, std::size_t* count, It* it) {
    return guard(fn, [&] {
        auto* i = handle(fn, "it", it);
        require(recs, fn, "recs");
        require(count, fn, "count");
        if (capacity == 0) fail_arg(fn, "capacity", "is 0");
        const auto& items = i->shared ? *i->shared : i->items;
        const std::size_t n = std::min(capacity, items.size() - std::min(i->next, items.size()));
        std::copy_n(items.begin() + static_cast<std::ptrdiff_t>(i->next), n, recs);
        i->next += n;
        *count = n;
        return n == 0 ? ACTIELIJST_ITEROVER : ACTIELIJST_OK;
    });
}

}  // namespace actielijst::capi

struct actielijst_view {
    static constexpr unsigned kKind = 2;
    static constexpr const char* kName = "actielijst_view";
    std::shared_ptr<const actielijst::capi::ViewHolder> holder;
};

struct actielijst_rules {
    static constexpr unsigned kKind = 3;
    static constexpr const char* kName = "actielijst_rules";
    std::shared_ptr<const actielijst::capi::RulesHolder> holder;
};

struct actielijst_evaluation {
    static constexpr unsigned kKind = 4;
    static constexpr const char* kName = "actielijst_evaluation";
    std::shared_ptr<const actielijst::capi::EvaluationHolder> holder;
};

struct actielijst_diff {
    static constexpr unsigned kKind = 5;
    static constexpr const char* kName = "actielijst_diff";
    std::shared_ptr<const actielijst::capi::DiffHolder> holder;
};

struct actielijst_form_result {
    static constexpr unsigned kKind = 22;
    static constexpr const char* kName = "actielijst_form_result";
    std::unique_ptr<const actielijst::capi::FormResultHolder> holder;
};

struct actielijst_filter {
    static constexpr unsigned kKind = 6;
    static constexpr const char* kName = "actielijst_filter";
    actielijst::Filter filter;
    explicit actielijst_filter(actielijst::Filter f) : filter(std::move(f)) {}
};

#define ACTIELIJST_CAPI_ITER(name, rec, kind)                                                 \
    struct actielijst_##name##_iter : actielijst::capi::RecordIter<actielijst_##rec##_rec, kind> { \
        static constexpr const char* kName = "actielijst_" #name "_iter";                       \
    }

ACTIELIJST_CAPI_ITER(theme, theme, 7);
ACTIELIJST_CAPI_ITER(region, region, 8);
ACTIELIJST_CAPI_ITER(state, state, 9);
ACTIELIJST_CAPI_ITER(meeting, meeting, 10);
ACTIELIJST_CAPI_ITER(action, action, 11);
ACTIELIJST_CAPI_ITER(status, status, 12);
ACTIELIJST_CAPI_ITER(proposal, proposal, 13);
ACTIELIJST_CAPI_ITER(indicator, indicator, 14);
ACTIELIJST_CAPI_ITER(observation, observation, 15);
ACTIELIJST_CAPI_ITER(contact, contact, 16);
ACTIELIJST_CAPI_ITER(rule, rule, 17);
ACTIELIJST_CAPI_ITER(finding, finding, 18);
ACTIELIJST_CAPI_ITER(action_status, action_status, 19);
ACTIELIJST_CAPI_ITER(change, change, 20);
ACTIELIJST_CAPI_ITER(proposal_history, proposal_event, 21);

#undef ACTIELIJST_CAPI_ITER

namespace actielijst::capi {

/// Every handle type has a kind of its own, and every kind fits in a token.
constexpr bool kinds_are_distinct() {
    const unsigned kinds[] = {
        actielijst_store::kKind,         actielijst_view::kKind,          actielijst_rules::kKind,
        actielijst_evaluation::kKind,    actielijst_diff::kKind,          actielijst_filter::kKind,
        actielijst_theme_iter::kKind,    actielijst_region_iter::kKind,   actielijst_state_iter::kKind,
        actielijst_meeting_iter::kKind,  actielijst_action_iter::kKind,   actielijst_status_iter::kKind,
        actielijst_proposal_iter::kKind, actielijst_indicator_iter::kKind, actielijst_observation_iter::kKind,
        actielijst_contact_iter::kKind,  actielijst_rule_iter::kKind,     actielijst_finding_iter::kKind,
        actielijst_action_status_iter::kKind, actielijst_change_iter::kKind, actielijst_proposal_history_iter::kKind,
        actielijst_form_result::kKind};
    for (const unsigned k : kinds)
        if (k == 0 || k >= (1u << handle_table::kind_bits)) return false;
    for (std::size_t i = 0; i < std::size(kinds); ++i)
        for (std::size_t j = i + 1; j < std::size(kinds); ++j)
            if (kinds[i] == kinds[j]) return false;
    return true;
}
static_assert(kinds_are_distinct());

/// Makes `object` a live handle and returns the token the C caller gets for it.
/// Throws std::bad_alloc (ENOMEM) when the table cannot grow; the object is then
/// deleted. Call it last, after everything else that can fail.
template <class H>
H* publish(std::unique_ptr<H> object) {
    const std::uintptr_t token = handle_table::add(object.get(), H::kKind, H::kName);
    object.release();
    return reinterpret_cast<H*>(token);
}

/// The *_free functions: ends the handle and deletes its object. Ignores NULL, freed
/// handles, handles of another type and foreign pointers, without reading them.
template <class H>
void free_handle(H* h) noexcept {
    delete static_cast<H*>(handle_table::remove(token_of(h), H::kKind));
}

/// The *_input_init functions: defaults of a known version.
template <class In>
int input_init(const char* fn, In* in, std::uint32_t version, std::uint32_t known, const In& defaults) {
    return guard(fn, [&] {
        require(in, fn, "in");
        check_version(fn, "version", version, known);
        *in = defaults;
        return ACTIELIJST_OK;
    });
}

/// The *_iter_next functions: the next record, or ACTIELIJST_ITEROVER (also after the end).
template <class It, class Rec>
int iter_next(const char* fn, Rec* rec, It* it) {
    return guard(fn, [&] {
        auto* i = handle(fn, "it", it);
        require(rec, fn, "rec");
        const auto& items = i->shared ? *i->shared : i->items;
        if (i->next >= items.size()) return ACTIELIJST_ITEROVER;
        *rec = items[i->next++];
        return ACTIELIJST_OK;
    });
}

}  // namespace actielijst::capi
