// The C handles. Each starts with a magic number, checked on entry and cleared when
// the handle is freed, so a foreign pointer is usually refused; using a freed handle
// is still undefined behaviour (its memory may already be reused).
// A view is a shared, immutable ViewHolder (the core View plus the C records built
// once from it); its iterators share it, so handles may be freed in any order. Rule
// sets and evaluations follow the same pattern (RulesHolder, EvaluationHolder).
#pragma once

#include "args.hpp"
#include "guard.hpp"

#include <actielijst.h>
#include <actielijst/changes.hpp>
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

struct actielijst_store {
    static constexpr std::uint32_t kMagic = 0x414c5331;  // "ALS1"
    static constexpr const char* kName = "actielijst_store";
    std::uint32_t magic = kMagic;
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

/// An iterator over records whose strings live in `owner` (a ViewHolder, or a
/// materialised history or contact list).
template <class Rec, std::uint32_t Magic>
struct RecordIter {
    static constexpr std::uint32_t kMagic = Magic;
    std::uint32_t magic = Magic;
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
    static constexpr std::uint32_t kMagic = 0x414c5632;  // "ALV2"
    static constexpr const char* kName = "actielijst_view";
    std::uint32_t magic = kMagic;
    std::shared_ptr<const actielijst::capi::ViewHolder> holder;
};

struct actielijst_rules {
    static constexpr std::uint32_t kMagic = 0x414c5231;  // "ALR1"
    static constexpr const char* kName = "actielijst_rules";
    std::uint32_t magic = kMagic;
    std::shared_ptr<const actielijst::capi::RulesHolder> holder;
};

struct actielijst_evaluation {
    static constexpr std::uint32_t kMagic = 0x414c4531;  // "ALE1"
    static constexpr const char* kName = "actielijst_evaluation";
    std::uint32_t magic = kMagic;
    std::shared_ptr<const actielijst::capi::EvaluationHolder> holder;
};

struct actielijst_diff {
    static constexpr std::uint32_t kMagic = 0x414c4431;  // "ALD1"
    static constexpr const char* kName = "actielijst_diff";
    std::uint32_t magic = kMagic;
    std::shared_ptr<const actielijst::capi::DiffHolder> holder;
};

struct actielijst_filter {
    static constexpr std::uint32_t kMagic = 0x414c4631;  // "ALF1"
    static constexpr const char* kName = "actielijst_filter";
    std::uint32_t magic = kMagic;
    actielijst::Filter filter;
    explicit actielijst_filter(actielijst::Filter f) : filter(std::move(f)) {}
};

#define ACTIELIJST_CAPI_ITER(name, rec, magic_number)                                        \
    struct actielijst_##name##_iter : actielijst::capi::RecordIter<actielijst_##rec##_rec, magic_number> { \
        static constexpr const char* kName = "actielijst_" #name "_iter";                       \
    }

ACTIELIJST_CAPI_ITER(theme, theme, 0x414c4931);
ACTIELIJST_CAPI_ITER(region, region, 0x414c4932);
ACTIELIJST_CAPI_ITER(state, state, 0x414c4933);
ACTIELIJST_CAPI_ITER(meeting, meeting, 0x414c4934);
ACTIELIJST_CAPI_ITER(action, action, 0x414c4935);
ACTIELIJST_CAPI_ITER(status, status, 0x414c4936);
ACTIELIJST_CAPI_ITER(proposal, proposal, 0x414c4937);
ACTIELIJST_CAPI_ITER(indicator, indicator, 0x414c4938);
ACTIELIJST_CAPI_ITER(observation, observation, 0x414c4939);
ACTIELIJST_CAPI_ITER(contact, contact, 0x414c4941);
ACTIELIJST_CAPI_ITER(rule, rule, 0x414c4942);
ACTIELIJST_CAPI_ITER(finding, finding, 0x414c4943);
ACTIELIJST_CAPI_ITER(action_status, action_status, 0x414c4944);
ACTIELIJST_CAPI_ITER(change, change, 0x414c4945);
ACTIELIJST_CAPI_ITER(proposal_history, proposal_event, 0x414c4946);

#undef ACTIELIJST_CAPI_ITER

namespace actielijst::capi {

/// Frees a handle made with new, clearing its magic first; ignores NULL and
/// pointers that do not carry the magic (not ours; a freed one may not be detectable).
template <class H>
void free_handle(H* h) noexcept {
    if (!h || h->magic != H::kMagic) return;
    h->magic = 0;
    delete h;
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
