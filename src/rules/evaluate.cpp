// RuleSet::evaluate: every rule on every item it applies to, findings in the order
// docs/rules.md gives, then the RAG status of every action, within the limits of
// EvaluateOptions (docs/rules.md, "Limits").
#include "rules/eval.hpp"
#include "rules/impl.hpp"
#include "rules/index.hpp"

#include "util/check.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace actielijst {
namespace {

using rules::Item;
using rules::Tri;

/// A finding with the indexes it sorts by.
struct Hit {
    int severity;
    int group;   // 0: about an action (per action or per scope), 1: about a region
    int theme;
    std::int32_t action;
    std::int32_t region;  // -1 for per-action findings: before the action's scopes
    std::size_t rule;
    Item item;
};

/// One (action, scope) pair: a region in the action's scope or with a status for it.
struct Pair {
    std::int32_t region;
    std::int32_t row;
    bool in_scope;
};

class Run {
public:
    Run(const RuleSet::Impl& impl, const View& view, const EvaluateOptions& options)
        : impl_(impl), view_(view), index_(view, impl.prog), options_(options), eval_(impl.prog, index_, options_.language),
          text_left_(options.max_text_bytes), fired_(impl.rules.size()), text_of_(impl.rules.size()) {
        for (std::size_t i = 0; i < impl.rules.size(); ++i) by_target_[static_cast<int>(impl.rules[i].info.target)].push_back(i);
    }

    Evaluation run() {
        collect();
        Evaluation out;
        out.as_of = view_.as_of();
        std::vector<std::size_t> order(hits_.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            const Hit& a = hits_[x];
            const Hit& b = hits_[y];
            if (a.severity != b.severity) return a.severity > b.severity;
            if (a.group != b.group) return a.group < b.group;
            if (a.theme != b.theme) return a.theme < b.theme;
            if (a.action != b.action) return a.action < b.action;
            if (a.region != b.region) return a.region < b.region;
            return a.rule < b.rule;
        });
        out.findings.reserve(order.size());
        std::vector<std::pair<std::int32_t, std::size_t>> by_action;  // (action, sorted index)
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Hit& h = hits_[order[i]];
            out.findings.push_back(make_finding(h));
            if (h.action >= 0) by_action.emplace_back(h.action, i);
        }
        std::sort(by_action.begin(), by_action.end());
        rag(out, by_action);
        return out;
    }

private:
    void fire(std::size_t rule, const Item& item, int group) {
        const auto& r = impl_.rules[rule];
        if (eval_.test(r.when, item) != Tri::yes) return;
        if (hits_.size() >= options_.max_findings) too_many_findings();
        ++fired_[rule];
        hits_.push_back(Hit{static_cast<int>(r.info.severity), group, item.action >= 0 ? theme_of(item.action) : 0,
                            item.action, r.info.target == RuleTarget::action ? -1 : item.region, rule, item});
    }

    void collect() {
        const auto& per_action = by_target_[static_cast<int>(RuleTarget::action)];
        const auto& per_scope = by_target_[static_cast<int>(RuleTarget::scope)];
        const auto& per_region = by_target_[static_cast<int>(RuleTarget::region)];
        const auto& actions = view_.actions();
        std::vector<Pair> pairs;
        for (std::size_t a = 0; a < actions.size(); ++a) {
            Item item;
            item.action = static_cast<std::int32_t>(a);
            for (const auto r : per_action) fire(r, item, 0);
            if (per_scope.empty()) continue;
            scope_pairs(a, pairs);
            for (const auto& p : pairs) {
                item.region = p.region;
                item.row = p.row;
                item.in_scope = p.in_scope;
                for (const auto r : per_scope) fire(r, item, 0);
            }
        }
        if (per_region.empty()) return;
        for (std::size_t g = 0; g < view_.regions().size(); ++g) {
            Item item;
            item.region = static_cast<std::int32_t>(g);
            for (const auto r : per_region) fire(r, item, 1);
        }
    }

    /// The action's scope regions and the regions with a status for it, in region order.
    void scope_pairs(std::size_t a, std::vector<Pair>& pairs) const {
        pairs.clear();
        for (const auto& code : view_.actions()[a].scope()) {
            const auto r = index_.region_of(code);
            if (r >= 0) pairs.push_back({r, -1, true});
        }
        for (auto row = index_.row_begin[a]; row < index_.row_begin[a + 1]; ++row)
            if (index_.rows[row].region >= 0) pairs.push_back({index_.rows[row].region, static_cast<std::int32_t>(row), false});
        std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) { return x.region < y.region; });
        std::size_t out = 0;
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            if (out > 0 && pairs[out - 1].region == pairs[i].region) {
                pairs[out - 1].in_scope = pairs[out - 1].in_scope || pairs[i].in_scope;
                pairs[out - 1].row = std::max(pairs[out - 1].row, pairs[i].row);
            } else {
                pairs[out++] = pairs[i];
            }
        }
        pairs.resize(out);
    }

    int theme_of(std::int32_t action) {
        const auto& key = view_.actions()[static_cast<std::size_t>(action)].theme();
        const auto& themes = view_.themes();
        for (std::size_t t = 0; t < themes.size(); ++t)
            if (themes[t].key() == key) return static_cast<int>(t);
        return static_cast<int>(themes.size());
    }

    Finding make_finding(const Hit& h) {
        const auto& r = impl_.rules[h.rule];
        Finding f;
        f.rule = r.info.key;
        f.severity = r.info.severity;
        f.section = r.info.section;
        f.target = r.info.target;
        if (h.item.action >= 0) f.action = view_.actions()[static_cast<std::size_t>(h.item.action)].key();
        if (r.info.target != RuleTarget::action && h.item.region >= 0)
            f.region = view_.regions()[static_cast<std::size_t>(h.item.region)].code();
        const auto& message = options_.language == "en" && r.has_en ? r.message_en : r.message;
        for (const auto& part : message) {
            const std::size_t before = f.message.size();
            if (part.node == rules::no_node) f.message += part.literal;
            else if (part.plural) eval_.render_plural(part.node, h.item, part.one, part.other, f.message);
            else eval_.render(part.node, h.item, f.message);
            charge(f.message.size() - before, h.rule);
        }
        const std::size_t left = text_left_;
        try {
            eval_.explain(r.when, h.item, true, f.reasons, &text_left_);
        } catch (const rules::TextLimit&) {
            text_of_[h.rule] += left - text_left_;
            too_much_text(h.rule);
        }
        text_of_[h.rule] += left - text_left_;
        return f;
    }

    void rag(Evaluation& out, const std::vector<std::pair<std::int32_t, std::size_t>>& by_action) {
        const auto& actions = view_.actions();
        out.statuses.reserve(actions.size());
        std::size_t next = 0;
        for (std::size_t a = 0; a < actions.size(); ++a) {
            ActionStatus s;
            s.action = actions[a].key();
            std::size_t begin = next;
            while (next < by_action.size() && by_action[next].first == static_cast<std::int32_t>(a)) ++next;
            Item item;
            item.action = static_cast<std::int32_t>(a);
            if (eval_.test(impl_.grey, item) == Tri::yes) {
                s.rag = Rag::grey;
                try {
                    eval_.explain(impl_.grey, item, true, s.reasons, &text_left_);
                } catch (const rules::TextLimit&) {
                    too_much_text(impl_.rules.size());
                }
            } else {
                int worst = -1;
                for (std::size_t i = begin; i < next; ++i)
                    worst = std::max(worst, static_cast<int>(out.findings[by_action[i].second].severity));
                const Severity at = worst >= static_cast<int>(impl_.red)     ? impl_.red
                                    : worst >= static_cast<int>(impl_.amber) ? impl_.amber
                                                                             : Severity::info;
                s.rag = worst < 0 ? Rag::green
                        : worst >= static_cast<int>(impl_.red)   ? Rag::red
                        : worst >= static_cast<int>(impl_.amber) ? Rag::amber
                                                                 : Rag::green;
                if (s.rag != Rag::green)
                    for (std::size_t i = begin; i < next; ++i)
                        if (out.findings[by_action[i].second].severity >= at) s.findings.push_back(by_action[i].second);
            }
            out.statuses.push_back(std::move(s));
        }
    }

    /// Takes `bytes` of text built for a finding of `rule` from what is left.
    void charge(std::size_t bytes, std::size_t rule) {
        if (bytes > text_left_) too_much_text(rule);
        text_left_ -= bytes;
        text_of_[rule] += bytes;
    }

    /// The rule with the most of `counts`, the first of equals.
    static std::size_t largest(const std::vector<std::size_t>& counts) {
        return static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    }

    std::string rule_name(std::size_t rule) const {
        return "rule " + detail::quote(impl_.rules[rule].info.key) + " (per " +
               std::string(to_string(impl_.rules[rule].info.target)) + ")";
    }

    [[noreturn]] void too_many_findings() const {
        const std::size_t top = largest(fired_);
        const auto target = impl_.rules[top].info.target;
        throw Error(Errc::invalid,
                    impl_.origin + ": evaluation stopped at " + std::to_string(options_.max_findings) +
                        " findings (the limit); " + rule_name(top) + " made " + std::to_string(fired_[top]) +
                        " of them: does it fire for every " +
                        (target == RuleTarget::action  ? "action"
                         : target == RuleTarget::scope ? "scope of every action"
                                                       : "region") +
                        "?");
    }

    /// `culprit`: the rule whose text did not fit, or rules.size() for the rag block's grey expression.
    [[noreturn]] void too_much_text(std::size_t culprit) const {
        std::string what = impl_.origin + ": evaluation stopped at " + std::to_string(options_.max_text_bytes) +
                           " bytes of text in findings (the limit); ";
        if (culprit == impl_.rules.size()) {
            what += "the reasons of the grey expression in the rag block did not fit";
        } else {
            const std::size_t top = largest(text_of_);
            what += rule_name(top) + " built the most of them, " + std::to_string(text_of_[top]) +
                    " bytes: does its message or condition expand to megabytes?";
        }
        throw Error(Errc::invalid, what);
    }

    const RuleSet::Impl& impl_;
    const View& view_;
    const rules::Index index_;
    const EvaluateOptions options_;
    const rules::Evaluator eval_;  // reads options_.language
    std::size_t text_left_;            // of options_.max_text_bytes
    std::vector<std::size_t> fired_;   // findings per rule so far
    std::vector<std::size_t> text_of_; // bytes of text built per rule so far
    std::vector<std::size_t> by_target_[3];
    std::vector<Hit> hits_;
};

}  // namespace

Evaluation RuleSet::evaluate(const View& view) const { return evaluate(view, EvaluateOptions{}); }

Evaluation RuleSet::evaluate(const View& view, const EvaluateOptions& options) const {
    if (options.language != "nl" && options.language != "en")
        throw Error(Errc::invalid, impl_->origin + ": unknown language " + detail::quote(options.language) +
                                       " for the evaluation (expected nl or en)");
    check(view);
    return Run(*impl_, view, options).run();
}

}  // namespace actielijst
