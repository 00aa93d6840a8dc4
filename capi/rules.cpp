// Reporting rules and filters: loading (with the place of a failure), the C records
// of a rule set and of an evaluation built once, and their iterators.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/rules.hpp>

#include <functional>
#include <stdexcept>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::require;

namespace actielijst::capi {
namespace {

// Arrays with no elements still get a valid pointer, so a caller never meets NULL.
const actielijst_reason_rec no_reasons[1] = {{"", ""}};
const std::uint32_t no_indexes[1] = {0};

template <class T>
const T* array_of(const std::vector<T>& v, const T* empty) {
    return v.empty() ? empty : v.data();
}

std::uint32_t count_of(std::size_t n) {
    if (n > UINT32_MAX) throw std::length_error("more than 2^32 entries in one array");
    return static_cast<std::uint32_t>(n);
}

std::vector<actielijst_reason_rec> reason_records(const std::vector<Reason>& reasons) {
    std::vector<actielijst_reason_rec> out;
    out.reserve(reasons.size());
    for (const auto& r : reasons) out.push_back({r.expression.c_str(), r.detail.c_str()});
    return out;
}

}  // namespace

RulesHolder::RulesHolder(RuleSet data) : rules(std::move(data)) {
    const auto& infos = rules.rules();
    records.reserve(infos.size());
    for (const auto& r : infos)
        records.push_back({r.key.c_str(), static_cast<std::int32_t>(r.severity), static_cast<std::int32_t>(r.target),
                           r.section.c_str(), r.condition.c_str(), r.message.c_str(),
                           static_cast<std::int32_t>(r.line)});
}

EvaluationHolder::EvaluationHolder(Evaluation data) : evaluation(std::move(data)) {
    const auto& fs = evaluation.findings;
    finding_reasons.reserve(fs.size());
    for (const auto& f : fs) finding_reasons.push_back(reason_records(f.reasons));
    findings.reserve(fs.size());
    for (std::size_t i = 0; i < fs.size(); ++i) {
        const auto& f = fs[i];
        findings.push_back({f.rule.c_str(), static_cast<std::int32_t>(f.severity), f.section.c_str(),
                            static_cast<std::int32_t>(f.target), f.action.c_str(), f.region.c_str(),
                            f.message.c_str(), count_of(finding_reasons[i].size()),
                            array_of(finding_reasons[i], no_reasons)});
    }

    const auto& ss = evaluation.statuses;
    status_findings.reserve(ss.size());
    status_reasons.reserve(ss.size());
    for (const auto& s : ss) {
        std::vector<std::uint32_t> indexes;
        indexes.reserve(s.findings.size());
        for (const std::size_t i : s.findings) {
            if (i >= fs.size()) throw std::logic_error("an action status names a finding the evaluation lacks");
            indexes.push_back(count_of(i));
        }
        status_findings.push_back(std::move(indexes));
        status_reasons.push_back(reason_records(s.reasons));
    }
    statuses.reserve(ss.size());
    status_of.reserve(ss.size());
    for (std::size_t i = 0; i < ss.size(); ++i) {
        const auto& s = ss[i];
        statuses.push_back({s.action.c_str(), static_cast<std::int32_t>(s.rag), count_of(status_findings[i].size()),
                            array_of(status_findings[i], no_indexes), count_of(status_reasons[i].size()),
                            array_of(status_reasons[i], no_reasons)});
        status_of.emplace(s.action, i);
    }
}

namespace {

/// An optional handle argument: NULL is fine, anything else must be a valid handle.
template <class H>
H* optional_handle(const char* fn, std::string_view argument, H* h) {
    return h ? handle(fn, argument, h) : nullptr;
}

const View* vocabulary_of(const char* fn, actielijst_view* vocabulary) {
    const auto* v = optional_handle(fn, "vocabulary", vocabulary);
    return v ? &v->holder->view : nullptr;
}

/// Wraps a loaded rule set in a new handle.
int new_rules(RuleSet set, actielijst_rules** out) {
    auto h = std::make_unique<actielijst_rules>();
    h->holder = std::make_shared<const RulesHolder>(std::move(set));
    *out = actielijst::capi::publish(std::move(h));
    return ACTIELIJST_OK;
}

const EvaluationHolder& evaluation_of(const char* fn, actielijst_evaluation* evaluation) {
    return *handle(fn, "evaluation", evaluation)->holder;
}

}  // namespace

}  // namespace actielijst::capi

using actielijst::capi::evaluation_of;
using actielijst::capi::EvaluationHolder;
using actielijst::capi::iter_next;
using actielijst::capi::vocabulary_of;

extern "C" {

// A RuleError's line and column reach actielijst_error_position() through the guard.

int actielijst_rules_load(const char* text, size_t len, const char* origin, actielijst_view* vocabulary,
                          actielijst_rules** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        if (!text && len > 0) actielijst::capi::fail_arg(fn, "text", "is NULL");
        if (len > actielijst::capi::max_text_bytes) actielijst::capi::fail_arg(fn, "text", "is longer than 1 MiB");
        const std::string_view body(text ? text : "", len);
        if (const auto nul = body.find('\0'); nul != std::string_view::npos)
            actielijst::capi::fail_arg(fn, "text", "contains a NUL byte (byte " + std::to_string(nul) + ")");
        std::string name = actielijst::capi::optional_text(fn, "origin", origin);
        if (name.empty()) name = "rules";
        const auto* vocab = vocabulary_of(fn, vocabulary);
        require(out, fn, "out");
        return actielijst::capi::new_rules(actielijst::RuleSet::parse(body, name, vocab), out);
    });
}

int actielijst_rules_load_file(const char* path, actielijst_view* vocabulary, actielijst_rules** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const std::string p = actielijst::capi::text(fn, "path", path);
        const auto* vocab = vocabulary_of(fn, vocabulary);
        require(out, fn, "out");
        return actielijst::capi::new_rules(actielijst::RuleSet::load(p, vocab), out);
    });
}

int actielijst_rules_load_default(actielijst_view* vocabulary, actielijst_rules** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* vocab = vocabulary_of(fn, vocabulary);
        require(out, fn, "out");
        return actielijst::capi::new_rules(actielijst::RuleSet::defaults(vocab), out);
    });
}

// A raw string literal in the generated src/rules/defaults.cpp: NUL-terminated,
// static storage.
const char* actielijst_rules_default_text(void) { return actielijst::RuleSet::default_text().data(); }

void actielijst_rules_free(actielijst_rules* rules) { actielijst::capi::free_handle(rules); }

int actielijst_rule_iter_new(actielijst_rules* rules, actielijst_rule_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* r = handle(fn, "rules", rules);
        require(out, fn, "out");
        auto it = std::make_unique<actielijst_rule_iter>();
        it->owner = r->holder;
        it->shared = &r->holder->records;
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}
int actielijst_rule_iter_next(actielijst_rule_iter* it, actielijst_rule_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_rule_iter_free(actielijst_rule_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_rules_evaluate(actielijst_rules* rules, actielijst_view* view, actielijst_evaluation** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* r = handle(fn, "rules", rules);
        const auto* v = handle(fn, "view", view);
        require(out, fn, "out");
        auto h = std::make_unique<actielijst_evaluation>();
        h->holder = std::make_shared<const EvaluationHolder>(r->holder->rules.evaluate(v->holder->view));
        *out = actielijst::capi::publish(std::move(h));
        return ACTIELIJST_OK;
    });
}

void actielijst_evaluation_free(actielijst_evaluation* evaluation) { actielijst::capi::free_handle(evaluation); }

int actielijst_evaluation_counts(actielijst_evaluation* evaluation, size_t* findings, size_t* actions) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto& h = evaluation_of(fn, evaluation);
        if (findings) *findings = h.findings.size();
        if (actions) *actions = h.statuses.size();
        return ACTIELIJST_OK;
    });
}

int actielijst_evaluation_finding(actielijst_evaluation* evaluation, size_t index, actielijst_finding_rec* rec) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto& h = evaluation_of(fn, evaluation);
        require(rec, fn, "rec");
        if (index >= h.findings.size())
            actielijst::capi::fail_arg(fn, "index",
                                       "is " + std::to_string(index) + ", but there are " +
                                           std::to_string(h.findings.size()) + " findings",
                                       actielijst::Errc::not_found);
        *rec = h.findings[index];
        return ACTIELIJST_OK;
    });
}

int actielijst_evaluation_status(actielijst_evaluation* evaluation, const char* action,
                                 actielijst_action_status_rec* rec) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto& h = evaluation_of(fn, evaluation);
        const std::string_view a = actielijst::capi::text_view(fn, "action", action);
        require(rec, fn, "rec");
        const auto found = h.status_of.find(a);
        if (found == h.status_of.end())
            actielijst::capi::fail_arg(fn, "action", actielijst::capi::quote(a) + " is not an action of the evaluation",
                                       actielijst::Errc::not_found);
        *rec = h.statuses[found->second];
        return ACTIELIJST_OK;
    });
}

int actielijst_finding_iter_new(actielijst_evaluation* evaluation, actielijst_finding_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* e = handle(fn, "evaluation", evaluation);
        require(out, fn, "out");
        auto it = std::make_unique<actielijst_finding_iter>();
        it->owner = e->holder;
        it->shared = &e->holder->findings;
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}
int actielijst_finding_iter_next(actielijst_finding_iter* it, actielijst_finding_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_finding_iter_free(actielijst_finding_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_action_status_iter_new(actielijst_evaluation* evaluation, actielijst_action_status_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* e = handle(fn, "evaluation", evaluation);
        require(out, fn, "out");
        auto it = std::make_unique<actielijst_action_status_iter>();
        it->owner = e->holder;
        it->shared = &e->holder->statuses;
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}
int actielijst_action_status_iter_next(actielijst_action_status_iter* it, actielijst_action_status_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_action_status_iter_free(actielijst_action_status_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_filter_new(const char* text, actielijst_view* vocabulary, actielijst_filter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const std::string_view t = actielijst::capi::text_view(fn, "text", text);
        const auto* vocab = vocabulary_of(fn, vocabulary);
        require(out, fn, "out");
        *out = actielijst::capi::publish(std::make_unique<actielijst_filter>(actielijst::Filter::parse(t, "filter", vocab)));
        return ACTIELIJST_OK;
    });
}

void actielijst_filter_free(actielijst_filter* filter) { actielijst::capi::free_handle(filter); }

int actielijst_filter_matches(actielijst_filter* filter, actielijst_view* view, const char* action, int32_t* match) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* f = handle(fn, "filter", filter);
        const auto* v = handle(fn, "view", view);
        const std::string_view a = actielijst::capi::text_view(fn, "action", action);
        require(match, fn, "match");
        if (!v->holder->view.action(a))
            actielijst::capi::fail_arg(fn, "action", actielijst::capi::quote(a) + " is not an action",
                                       actielijst::Errc::not_found);
        *match = f->filter.matches(v->holder->view, a) ? 1 : 0;
        return ACTIELIJST_OK;
    });
}

int actielijst_filter_select(actielijst_filter* filter, actielijst_view* view, actielijst_action_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* f = handle(fn, "filter", filter);
        const auto* v = handle(fn, "view", view);
        require(out, fn, "out");
        const auto& h = *v->holder;
        const auto selected = f->filter.select(h.view);
        // The records of the view's action iterator, built once in its ViewHolder;
        // the iterator keeps the holder alive, as actielijst_action_iter_new does.
        auto it = std::make_unique<actielijst_action_iter>();
        it->items.reserve(selected.size());
        const auto& actions = h.view.actions();
        for (const auto* a : selected) {
            const std::less<const actielijst::ActionPoint*> before;
            if (before(a, actions.data()) || !before(a, actions.data() + actions.size())) a = h.view.action(a->key());
            if (!a) throw std::logic_error("a filter selected an action the view does not have");
            it->items.push_back(h.actions[static_cast<std::size_t>(a - actions.data())]);
        }
        it->owner = v->holder;
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}

}  // extern "C"
