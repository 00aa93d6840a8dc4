#include "rules/eval.hpp"

#include <actielijst/date.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace actielijst::rules {
namespace {

// Dates outside what Date can hold (0001-01-01 .. 9999-12-31) are unset.
constexpr std::int64_t first_day = -719162;  // 0001-01-01
constexpr std::int64_t last_day = 2932896;   // 9999-12-31

Tri negate(Tri t) noexcept { return t == Tri::unknown ? t : t == Tri::yes ? Tri::no : Tri::yes; }
Tri from_bool(bool b) noexcept { return b ? Tri::yes : Tri::no; }

template <class T>
Tri order(Cmp cmp, T a, T b) noexcept {
    switch (cmp) {
        case Cmp::eq: return from_bool(a == b);
        case Cmp::ne: return from_bool(a != b);
        case Cmp::lt: return from_bool(a < b);
        case Cmp::le: return from_bool(a <= b);
        case Cmp::gt: return from_bool(a > b);
        case Cmp::ge: return from_bool(a >= b);
    }
    return Tri::unknown;
}

bool same(const Scalar& a, const Scalar& b) noexcept {
    switch (a.base) {
        case Base::boolean:
        case Base::number: return a.num == b.num;
        case Base::text: return a.text == b.text;
        case Base::date:
        case Base::duration: return a.days == b.days;
        case Base::none: break;
    }
    return false;
}

/// YYYY-MM-DD of a day in 0001-01-01 .. 9999-12-31 (the evaluator keeps dates in range).
std::string iso(std::int64_t days) { return Date::from_days(days).iso(); }

void append_days(std::string& out, std::int64_t d) {
    out += std::to_string(d);
    out += (d == 1 || d == -1) ? " day" : " days";
}

/// A value as a reason shows it: texts quoted, durations with their unit.
void reason_scalar(const Scalar& s, std::string& out) {
    if (!s.set) {
        out += "unset";
        return;
    }
    switch (s.base) {
        case Base::boolean: out += s.num != 0 ? "true" : "false"; break;
        case Base::number: append_number(out, s.num); break;
        case Base::text:
            out += '"';
            out += s.text;
            out += '"';
            break;
        case Base::date: out += iso(s.days); break;
        case Base::duration: append_days(out, s.days); break;
        case Base::none: break;
    }
}

/// A value as a message shows it.
void plain_scalar(const Scalar& s, std::string& out) {
    if (!s.set) {
        out += "\u2014";
        return;
    }
    switch (s.base) {
        case Base::boolean: out += s.num != 0 ? "true" : "false"; break;
        case Base::number: append_number(out, s.num); break;
        case Base::text: out += s.text; break;
        case Base::date: out += iso(s.days); break;
        case Base::duration: out += std::to_string(s.days); break;
        case Base::none: break;
    }
}

/// The comparison with its operands swapped: `0 < x` is `x > 0`.
Cmp swapped(Cmp cmp) noexcept {
    switch (cmp) {
        case Cmp::lt: return Cmp::gt;
        case Cmp::le: return Cmp::ge;
        case Cmp::gt: return Cmp::lt;
        case Cmp::ge: return Cmp::le;
        default: return cmp;
    }
}

/// The comparison that holds when `cmp` does not.
Cmp negated(Cmp cmp) noexcept {
    switch (cmp) {
        case Cmp::eq: return Cmp::ne;
        case Cmp::ne: return Cmp::eq;
        case Cmp::lt: return Cmp::ge;
        case Cmp::le: return Cmp::gt;
        case Cmp::gt: return Cmp::le;
        case Cmp::ge: return Cmp::lt;
    }
    return cmp;
}

/// A value as Reason's structured fields write it; unset is empty.
void canonical_scalar(const Scalar& s, std::string& out) {
    if (!s.set) return;
    switch (s.base) {
        case Base::boolean: out += s.num != 0 ? "true" : "false"; break;
        case Base::number: append_number(out, s.num); break;
        case Base::text: out += s.text; break;
        case Base::date: out += iso(s.days); break;
        case Base::duration: out += std::to_string(s.days); break;
        case Base::none: break;
    }
}

std::size_t code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

void append_number(std::string& out, double v) {
    if (v == 0) v = 0;  // no "-0"
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

// ---------------------------------------------------------------------------------------------
// Fields

Tri Evaluator::field_bool(Field f, const Item& it) const {
    switch (f) {
        case Field::not_started: {
            const auto& s = ix_.stats[static_cast<std::size_t>(it.action)];
            return from_bool(s.count == 0 || s.todo == s.count);
        }
        case Field::all_closed: {
            const auto& s = ix_.stats[static_cast<std::size_t>(it.action)];
            return from_bool(s.count > 0 && s.closed == s.count);
        }
        case Field::in_scope: return from_bool(it.in_scope);
        case Field::closed: {
            if (it.row < 0) return Tri::unknown;
            const auto state = ix_.rows[static_cast<std::size_t>(it.row)].state;
            return state < 0 ? Tri::unknown : from_bool(ix_.closed_state[static_cast<std::size_t>(state)] != 0);
        }
        default: return Tri::unknown;
    }
}

Evaluator::Num Evaluator::field_number(Field f, const Item& it) const {
    const auto a = static_cast<std::size_t>(it.action);
    const auto count = [](std::size_t n) { return Num{static_cast<double>(n), true}; };
    switch (f) {
        case Field::scopes: return count(ix_.view.actions()[a].scope().size());
        case Field::due_moves:
            return count(static_cast<std::size_t>(ix_.view.due_moves(ix_.view.actions()[a].key())));
        case Field::statuses: return count(ix_.stats[a].count);
        case Field::meetings_unchanged: {
            const auto last = ix_.stats[a].last_update;
            return last == no_date ? Num{} : count(ix_.meetings_after(last));
        }
        case Field::open_proposals: return count(ix_.open[a]);
        case Field::adopted_proposals: return count(ix_.adopted[a]);
        case Field::agenda_count: return count(ix_.agenda[a]);
        case Field::scope_meetings_unchanged:
            return it.row < 0 ? Num{} : count(ix_.meetings_after(ix_.rows[static_cast<std::size_t>(it.row)].days));
        case Field::municipalities: return count(ix_.municipalities[static_cast<std::size_t>(it.region)]);
        case Field::observations: return count(ix_.own_observations[static_cast<std::size_t>(it.region)]);
        case Field::lowest_progress: {
            const auto& low = ix_.lowest[static_cast<std::size_t>(it.region)];
            if (low.top < 0) return {};
            return {static_cast<double>(low.top) / static_cast<double>(low.of), true};
        }
        default: return {};
    }
}

Evaluator::Days Evaluator::field_days(Field f, const Item& it) const {
    const auto a = static_cast<std::size_t>(it.action);
    const auto since = [&](std::int64_t d) { return d == no_date ? Days{} : Days{ix_.as_of - d, true}; };
    const auto at = [](std::int64_t d) { return d == no_date ? Days{} : Days{d, true}; };
    switch (f) {
        case Field::as_of: return {ix_.as_of, true};
        case Field::due:
        case Field::until_due:
        case Field::past_due: {
            const auto& due = ix_.view.actions()[a].due();
            if (!due) return {};
            const auto d = due->days();
            return {f == Field::due ? d : f == Field::until_due ? d - ix_.as_of : ix_.as_of - d, true};
        }
        case Field::last_update: return at(ix_.stats[a].last_update);
        case Field::since_update: return since(ix_.stats[a].last_update);
        case Field::scope_last_update:
            return it.row < 0 ? Days{} : Days{ix_.rows[static_cast<std::size_t>(it.row)].days, true};
        case Field::scope_since_update:
            return it.row < 0 ? Days{} : since(ix_.rows[static_cast<std::size_t>(it.row)].days);
        case Field::stalest_observation: return at(ix_.stalest[static_cast<std::size_t>(it.region)]);
        case Field::observation_age: return since(ix_.stalest[static_cast<std::size_t>(it.region)]);
        default: return {};
    }
}

Evaluator::Text Evaluator::field_text(Field f, const Item& it) const {
    const auto& view = ix_.view;
    switch (f) {
        case Field::action: return {view.actions()[static_cast<std::size_t>(it.action)].key(), true};
        case Field::title: return {view.actions()[static_cast<std::size_t>(it.action)].title(), true};
        case Field::theme: return {view.actions()[static_cast<std::size_t>(it.action)].theme(), true};
        case Field::region: return {view.regions()[static_cast<std::size_t>(it.region)].code(), true};
        case Field::region_name: return {view.regions()[static_cast<std::size_t>(it.region)].name(), true};
        case Field::region_kind: return {to_string(view.regions()[static_cast<std::size_t>(it.region)].kind()), true};
        case Field::region_parent: {
            const auto& p = view.regions()[static_cast<std::size_t>(it.region)].parent();
            return p.empty() ? Text{} : Text{p, true};
        }
        case Field::state:
        case Field::state_category: {
            if (it.row < 0) return {};
            const auto state = ix_.rows[static_cast<std::size_t>(it.row)].state;
            if (state < 0) return {};
            const auto& s = view.states()[static_cast<std::size_t>(state)];
            return {f == Field::state ? std::string_view(s.key()) : to_string(s.category()), true};
        }
        case Field::state_label: {
            if (it.row < 0) return {};
            const auto state = ix_.rows[static_cast<std::size_t>(it.row)].state;
            if (state < 0) return {};
            return {view.states()[static_cast<std::size_t>(state)].label().in(language_), true};
        }
        case Field::theme_label: {
            const auto* theme = view.theme(view.actions()[static_cast<std::size_t>(it.action)].theme());
            if (!theme) return {};
            return {theme->label().in(language_), true};
        }
        case Field::status_text:
            if (it.row < 0) return {};
            return {view.statuses()[ix_.rows[static_cast<std::size_t>(it.row)].status].text(), true};
        default: return {};
    }
}

template <class F>
void Evaluator::each(std::uint32_t n, const Item& it, F&& f) const {
    const Node& node = prog_.nodes[n];
    if (node.op == Op::list) {
        for (std::uint32_t i = 0; i < node.count; ++i)
            if (!f(scalar(prog_.kid(node, i), it))) return;
        return;
    }
    if (node.op != Op::field) return;
    const auto text = [](std::string_view t) {
        Scalar s;
        s.base = Base::text;
        s.set = true;
        s.text = t;
        return s;
    };
    const auto& view = ix_.view;
    if (static_cast<Field>(node.id) == Field::progress_unknown ||
        static_cast<Field>(node.id) == Field::progress_unknown_labels) {
        const bool labels = static_cast<Field>(node.id) == Field::progress_unknown_labels;
        const auto r = static_cast<std::size_t>(it.region);
        for (auto i = ix_.unknown_begin[r]; i < ix_.unknown_begin[r + 1]; ++i) {
            const Indicator* indicator = labels ? view.indicator(ix_.unknown[i]) : nullptr;
            if (!f(text(indicator ? std::string_view(indicator->label().in(language_)) : ix_.unknown[i]))) return;
        }
        return;
    }
    const auto& a = view.actions()[static_cast<std::size_t>(it.action)];
    switch (static_cast<Field>(node.id)) {
        case Field::owners:
        case Field::leads:
            for (const auto& o : a.owners())
                if (node.id == static_cast<std::uint16_t>(Field::owners) || o.role() == OwnerRole::lead)
                    if (!f(text(o.name()))) return;
            return;
        case Field::regions:
            for (const auto& r : a.scope())
                if (!f(text(r))) return;
            return;
        case Field::states:
        case Field::categories: {
            const auto ai = static_cast<std::size_t>(it.action);
            for (auto r = ix_.row_begin[ai]; r < ix_.row_begin[ai + 1]; ++r) {
                const auto state = ix_.rows[r].state;
                if (state < 0) continue;
                const auto& s = view.states()[static_cast<std::size_t>(state)];
                if (!f(text(node.id == static_cast<std::uint16_t>(Field::states) ? std::string_view(s.key())
                                                                                 : to_string(s.category()))))
                    return;
            }
            return;
        }
        case Field::refs:
        case Field::dangling_refs:
        case Field::closed_refs:
        case Field::closed_ref_titles: {
            const bool closed = node.id == static_cast<std::uint16_t>(Field::closed_refs) ||
                                node.id == static_cast<std::uint16_t>(Field::closed_ref_titles);
            const bool titles = node.id == static_cast<std::uint16_t>(Field::closed_ref_titles);
            for (const auto& ref : a.see_also()) {
                std::string_view shown = ref;
                if (node.id != static_cast<std::uint16_t>(Field::refs)) {
                    const auto other = ix_.action_of(ref);
                    // A scoped View knows the actions it refers to outside its selection.
                    const ReferencedAction* outside = other < 0 ? view.referenced(ref) : nullptr;
                    if (node.id == static_cast<std::uint16_t>(Field::dangling_refs) && (other >= 0 || outside))
                        continue;
                    if (closed) {
                        if (outside) {
                            if (!outside->all_closed) continue;
                        } else {
                            if (other < 0) continue;
                            const auto& st = ix_.stats[static_cast<std::size_t>(other)];
                            if (st.count == 0 || st.closed != st.count) continue;
                        }
                        if (titles)
                            shown = outside ? std::string_view(outside->title)
                                            : std::string_view(view.actions()[static_cast<std::size_t>(other)].title());
                    }
                }
                if (!f(text(shown))) return;
            }
            return;
        }
        default: return;
    }
}

// ---------------------------------------------------------------------------------------------
// Values

Evaluator::Num Evaluator::number(std::uint32_t n, const Item& it) const {
    const Node& node = prog_.nodes[n];
    switch (node.op) {
        case Op::lit_number: return {node.number, true};
        case Op::field: return field_number(static_cast<Field>(node.id), it);
        case Op::func: {
            const auto f = static_cast<Func>(node.id);
            if (f == Func::count) {
                std::size_t count = 0;
                each(prog_.kid(node, 0), it, [&](const Scalar&) {
                    ++count;
                    return true;
                });
                return {static_cast<double>(count), true};
            }
            if (f == Func::length) {
                const Text t = text(prog_.kid(node, 0), it);
                return t.set ? Num{static_cast<double>(code_points(t.v)), true} : Num{};
            }
            const auto& l = ix_.levels[node.str];
            const auto r = static_cast<std::size_t>(it.region);
            if (l.known[r] == 0 && l.reported[r] < 0) return {};
            const double top = std::max(static_cast<double>(l.at_or_above[r]), static_cast<double>(l.reported[r]));
            if (f == Func::at_or_above) return {top, true};
            if (ix_.municipalities[r] == 0) return {};
            return {top / static_cast<double>(ix_.municipalities[r]), true};
        }
        case Op::neg: {
            const Num v = number(prog_.kid(node, 0), it);
            return {-v.v, v.set};
        }
        case Op::sum: {
            double acc = 0;
            for (std::uint32_t i = 0; i < node.count; ++i) {
                const Num v = number(prog_.kid(node, i), it);
                if (!v.set) return {};
                acc += prog_.signs[node.first + i] ? -v.v : v.v;
            }
            return std::isfinite(acc) ? Num{acc, true} : Num{};
        }
        default: return {};
    }
}

Evaluator::Days Evaluator::days(std::uint32_t n, const Item& it) const {
    const Node& node = prog_.nodes[n];
    switch (node.op) {
        case Op::lit_date:
        case Op::lit_duration: return {node.days, true};
        case Op::field: return field_days(static_cast<Field>(node.id), it);
        case Op::func: {
            const auto last = ix_.indicators[node.str].last_own[static_cast<std::size_t>(it.region)];
            if (last == no_date) return {};
            return {static_cast<Func>(node.id) == Func::last_observed ? last : ix_.as_of - last, true};
        }
        case Op::neg: {
            const Days v = days(prog_.kid(node, 0), it);
            return {-v.v, v.set};
        }
        case Op::sum: {
            // Left to right, as the checker typed it: the running value is a date from a
            // first date term until a date is subtracted from it. A date that leaves the
            // calendar on the way makes the whole sum unset, even if later terms bring it back.
            std::int64_t acc = 0;
            bool date = false;
            for (std::uint32_t i = 0; i < node.count; ++i) {
                const auto k = prog_.kid(node, i);
                const Days v = days(k, it);
                if (!v.set) return {};
                acc += prog_.signs[node.first + i] ? -v.v : v.v;
                const bool term_is_date = prog_.nodes[k].type.base == Base::date;
                date = i == 0 ? term_is_date : date && !term_is_date;
                if (date && (acc < first_day || acc > last_day)) return {};
            }
            return {acc, true};
        }
        default: return {};
    }
}

Evaluator::Text Evaluator::text(std::uint32_t n, const Item& it) const {
    const Node& node = prog_.nodes[n];
    if (node.op == Op::lit_text) return {prog_.strings[node.str], true};
    if (node.op == Op::field) return field_text(static_cast<Field>(node.id), it);
    if (node.op == Op::func) {
        const auto row = row_in(node, it);
        if (row < 0) return {};
        const auto state = ix_.rows[static_cast<std::size_t>(row)].state;
        if (state < 0) return {};
        const auto& s = ix_.view.states()[static_cast<std::size_t>(state)];
        if (static_cast<Func>(node.id) == Func::state_at) return {s.key(), true};
        return {to_string(s.category()), true};
    }
    return {};
}

std::int32_t Evaluator::row_in(const Node& node, const Item& it) const noexcept {
    if (it.action < 0) return -1;
    const auto region = ix_.region_of(prog_.strings[node.str]);
    if (region < 0) return -1;
    const auto a = static_cast<std::size_t>(it.action);
    for (auto r = ix_.row_begin[a]; r < ix_.row_begin[a + 1]; ++r)
        if (ix_.rows[r].region == region) return static_cast<std::int32_t>(r);
    return -1;
}

Scalar Evaluator::scalar(std::uint32_t n, const Item& it) const {
    Scalar s;
    s.base = prog_.nodes[n].type.base;
    switch (s.base) {
        case Base::boolean: {
            const Tri t = test(n, it);
            s.set = t != Tri::unknown;
            s.num = t == Tri::yes ? 1 : 0;
            break;
        }
        case Base::number: {
            const Num v = number(n, it);
            s.set = v.set;
            s.num = v.v;
            break;
        }
        case Base::text: {
            const Text v = text(n, it);
            s.set = v.set;
            s.text = v.v;
            break;
        }
        case Base::date:
        case Base::duration: {
            const Days v = days(n, it);
            s.set = v.set;
            s.days = v.v;
            break;
        }
        case Base::none: break;
    }
    return s;
}

bool Evaluator::is_set(std::uint32_t n, const Item& it) const {
    const Node& node = prog_.nodes[n];
    if (node.type.list) return true;
    switch (node.type.base) {
        case Base::boolean: return test(n, it) != Tri::unknown;
        case Base::number: return number(n, it).set;
        case Base::text: return text(n, it).set;
        case Base::date:
        case Base::duration: return days(n, it).set;
        case Base::none: break;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Conditions

Tri Evaluator::compare(const Node& node, const Item& it) const {
    const auto l = prog_.kid(node, 0), r = prog_.kid(node, 1);
    const auto cmp = static_cast<Cmp>(node.aux);
    const Type type = prog_.nodes[l].type;
    if (type.list) return compare_lists(node, it);
    switch (type.base) {
        case Base::number: {
            const Num a = number(l, it), b = number(r, it);
            return a.set && b.set ? order(cmp, a.v, b.v) : Tri::unknown;
        }
        case Base::date:
        case Base::duration: {
            const Days a = days(l, it), b = days(r, it);
            return a.set && b.set ? order(cmp, a.v, b.v) : Tri::unknown;
        }
        case Base::text: {
            const Text a = text(l, it), b = text(r, it);
            if (!a.set || !b.set) return Tri::unknown;
            return from_bool((a.v == b.v) == (cmp == Cmp::eq));
        }
        case Base::boolean: {
            const Tri a = test(l, it), b = test(r, it);
            if (a == Tri::unknown || b == Tri::unknown) return Tri::unknown;
            return from_bool((a == b) == (cmp == Cmp::eq));
        }
        case Base::none: break;
    }
    return Tri::unknown;
}

Tri Evaluator::compare_lists(const Node& node, const Item& it) const {
    std::vector<Scalar> a, b;
    each(prog_.kid(node, 0), it, [&](const Scalar& s) {
        a.push_back(s);
        return true;
    });
    each(prog_.kid(node, 1), it, [&](const Scalar& s) {
        b.push_back(s);
        return true;
    });
    Tri equal = Tri::yes;
    if (a.size() != b.size()) {
        equal = Tri::no;
    } else {
        for (std::size_t i = 0; i < a.size() && equal != Tri::no; ++i) {
            if (!a[i].set || !b[i].set) equal = Tri::unknown;
            else if (!same(a[i], b[i])) equal = Tri::no;
        }
    }
    return static_cast<Cmp>(node.aux) == Cmp::eq ? equal : negate(equal);
}

Tri Evaluator::contains(const Node& node, const Item& it) const {
    const Scalar x = scalar(prog_.kid(node, 0), it);
    if (!x.set) return Tri::unknown;
    bool found = false, unknown = false;
    each(prog_.kid(node, 1), it, [&](const Scalar& e) {
        if (!e.set) {
            unknown = true;
            return true;
        }
        found = same(x, e);
        return !found;
    });
    return found ? Tri::yes : unknown ? Tri::unknown : Tri::no;
}

Tri Evaluator::test(std::uint32_t n, const Item& it) const {
    const Node& node = prog_.nodes[n];
    switch (node.op) {
        case Op::lit_bool: return from_bool(node.aux != 0);
        case Op::field: return field_bool(static_cast<Field>(node.id), it);
        case Op::func:
            return from_bool(ix_.indicators[node.str].observed[static_cast<std::size_t>(it.region)] != 0);
        case Op::not_: return negate(test(prog_.kid(node, 0), it));
        case Op::and_: {
            Tri out = Tri::yes;
            for (std::uint32_t i = 0; i < node.count; ++i) {
                const Tri t = test(prog_.kid(node, i), it);
                if (t == Tri::no) return Tri::no;
                if (t == Tri::unknown) out = Tri::unknown;
            }
            return out;
        }
        case Op::or_: {
            Tri out = Tri::no;
            for (std::uint32_t i = 0; i < node.count; ++i) {
                const Tri t = test(prog_.kid(node, i), it);
                if (t == Tri::yes) return Tri::yes;
                if (t == Tri::unknown) out = Tri::unknown;
            }
            return out;
        }
        case Op::compare: return compare(node, it);
        case Op::in: {
            const Tri t = contains(node, it);
            return node.aux ? negate(t) : t;
        }
        case Op::is_set: {
            const bool s = is_set(prog_.kid(node, 0), it);
            return from_bool(node.aux ? !s : s);
        }
        default: return Tri::unknown;
    }
}

// ---------------------------------------------------------------------------------------------
// Messages

void Evaluator::render(std::uint32_t n, const Item& it, std::string& out) const {
    if (!prog_.nodes[n].type.list) {
        plain_scalar(scalar(n, it), out);
        return;
    }
    bool first = true;
    each(n, it, [&](const Scalar& s) {
        if (!first) out += ", ";
        first = false;
        plain_scalar(s, out);
        return true;
    });
}

void Evaluator::render_plural(std::uint32_t n, const Item& it, std::string_view singular, std::string_view plural,
                              std::string& out) const {
    const Scalar v = scalar(n, it);
    const double x = v.base == Base::duration ? static_cast<double>(v.days) : v.num;
    out += v.set && (x == 1 || x == -1) ? singular : plural;
}

// ---------------------------------------------------------------------------------------------
// Reasons

bool Evaluator::constant(std::uint32_t n) const {
    const Node& node = prog_.nodes[n];
    switch (node.op) {
        case Op::lit_bool:
        case Op::lit_number:
        case Op::lit_text:
        case Op::lit_date:
        case Op::lit_duration: return true;
        case Op::list:
        case Op::neg:
        case Op::sum:
            for (std::uint32_t i = 0; i < node.count; ++i)
                if (!constant(prog_.kid(node, i))) return false;
            return true;
        default: return false;
    }
}

void Evaluator::explain(std::uint32_t n, const Item& it, bool polarity, std::vector<Reason>& out,
                        std::size_t* budget) const {
    const std::size_t first = out.size();
    collect(n, it, polarity, out, budget);
    // Drop repeats, keeping the first of each. Few reasons: compare each with the kept
    // ones; many (a condition may have very many leaves): a hash set.
    std::size_t kept = first;
    if (out.size() - first <= 16) {
        for (std::size_t i = first; i < out.size(); ++i) {
            if (std::find(out.begin() + static_cast<std::ptrdiff_t>(first),
                          out.begin() + static_cast<std::ptrdiff_t>(kept), out[i]) !=
                out.begin() + static_cast<std::ptrdiff_t>(kept))
                continue;
            if (kept != i) out[kept] = std::move(out[i]);
            ++kept;
        }
    } else {
        std::unordered_set<std::string> seen;
        for (std::size_t i = first; i < out.size(); ++i) {
            std::string key = out[i].expression;
            key += '\0';
            key += out[i].detail;
            if (!seen.insert(std::move(key)).second) continue;
            if (kept != i) out[kept] = std::move(out[i]);
            ++kept;
        }
    }
    out.resize(kept);
}

void Evaluator::collect(std::uint32_t n, const Item& it, bool polarity, std::vector<Reason>& out,
                        std::size_t* budget) const {
    const Node& node = prog_.nodes[n];
    const Tri want = from_bool(polarity);
    switch (node.op) {
        case Op::and_:
        case Op::or_: {
            // The sides that decide: for `and` true (or `or` false) all of them, else
            // every side with the wanted value.
            const bool all = (node.op == Op::and_) == polarity;
            for (std::uint32_t i = 0; i < node.count; ++i) {
                const auto k = prog_.kid(node, i);
                if (all || test(k, it) == want) collect(k, it, polarity, out, budget);
            }
            return;
        }
        case Op::not_: {
            const auto k = prog_.kid(node, 0);
            const Op op = prog_.nodes[k].op;
            if (op == Op::lit_bool) return;  // `not false` is constant: nothing to explain, as `true`
            if (op == Op::and_ || op == Op::or_ || op == Op::not_) {
                collect(k, it, !polarity, out, budget);
            } else if (test(k, it) == negate(want)) {
                // Shown as `not leaf` where that is what holds.
                leaf_reason(k, polarity ? n : k, it, out, budget);
            }
            return;
        }
        case Op::lit_bool: return;
        default:
            if (test(n, it) == want) leaf_reason(n, n, it, out, budget);
            return;
    }
}

void Evaluator::leaf_reason(std::uint32_t leaf, std::uint32_t shown, const Item& it, std::vector<Reason>& out,
                            std::size_t* budget) const {
    Reason r;
    r.expression = std::string(prog_.text(prog_.nodes[shown]));
    const Node& node = prog_.nodes[leaf];
    std::string& d = r.detail;
    const auto part = [&](std::uint32_t k) {
        if (constant(k)) return;
        if (!d.empty()) d += ", ";
        describe(k, it, d);
    };
    switch (node.op) {
        case Op::compare:
            part(prog_.kid(node, 0));
            part(prog_.kid(node, 1));
            break;
        case Op::in:
            part(prog_.kid(node, 0));
            if (d.empty()) part(prog_.kid(node, 1));
            break;
        case Op::is_set: part(prog_.kid(node, 0)); break;
        default: part(leaf); break;
    }
    if (d.empty()) {
        d = std::string(prog_.text(node));
        d += test(leaf, it) == Tri::yes ? " is true" : " is false";
    }
    structure(leaf, it, r);
    if (budget) {
        const std::size_t bytes = r.expression.size() + r.detail.size();
        if (bytes > *budget) throw TextLimit{};
        *budget -= bytes;
    }
    out.push_back(std::move(r));
}

void Evaluator::reason_value(std::uint32_t n, const Item& it, std::string& out) const {
    if (!prog_.nodes[n].type.list) {
        reason_scalar(scalar(n, it), out);
        return;
    }
    out += '[';
    bool first = true;
    each(n, it, [&](const Scalar& s) {
        if (!first) out += ", ";
        first = false;
        reason_scalar(s, out);
        return true;
    });
    out += ']';
}

void Evaluator::describe(std::uint32_t n, const Item& it, std::string& out) const {
    out += prog_.text(prog_.nodes[n]);
    out += " is ";
    reason_value(n, it, out);
    provenance(n, it, out);
}

void Evaluator::provenance(std::uint32_t n, const Item& it, std::string& out) const {
    const Node& node = prog_.nodes[n];
    const auto from_to = [&](std::string_view what, std::int64_t d) {
        if (d == no_date) return;
        out += " (";
        out += what;
        out += ' ';
        out += iso(d);
        out += ", as_of ";
        out += iso(ix_.as_of);
        out += ')';
    };
    const auto state_of_row = [&](bool with_state) {
        if (it.row < 0) return;
        const auto& row = ix_.rows[static_cast<std::size_t>(it.row)];
        out += " (";
        if (with_state && row.state >= 0) {
            out += "state \"";
            out += ix_.view.states()[static_cast<std::size_t>(row.state)].key();
            out += "\", ";
        }
        out += iso(row.days);
        out += ')';
    };
    if (node.op == Op::field) {
        const auto a = static_cast<std::size_t>(it.action);
        const auto row_day = [&] { return it.row < 0 ? no_date : ix_.rows[static_cast<std::size_t>(it.row)].days; };
        switch (static_cast<Field>(node.id)) {
            case Field::since_update:
            case Field::meetings_unchanged: from_to("last_update", ix_.stats[a].last_update); return;
            case Field::scope_since_update:
            case Field::scope_meetings_unchanged: from_to("last_update", row_day()); return;
            case Field::until_due:
            case Field::past_due: {
                const auto& due = ix_.view.actions()[a].due();
                if (due) from_to("due", due->days());
                return;
            }
            case Field::state: state_of_row(false); return;
            case Field::state_category:
            case Field::closed: state_of_row(true); return;
            case Field::observation_age:
                from_to("stalest_observation", ix_.stalest[static_cast<std::size_t>(it.region)]);
                return;
            case Field::not_started:
            case Field::all_closed: {
                const auto& s = ix_.stats[a];
                if (s.count == 0) {
                    out += " (no states of affairs)";
                    return;
                }
                const bool started = static_cast<Field>(node.id) == Field::not_started;
                const auto k = started ? s.todo : s.closed;
                out += " (" + std::to_string(s.count) + (s.count == 1 ? " state of affairs, " : " states of affairs, ");
                out += k == s.count ? (s.count == 1 ? "" : "all ") : std::to_string(k) + " ";
                out += started ? "in category todo)" : "done or dropped)";
                return;
            }
            case Field::lowest_progress: {
                const auto& low = ix_.lowest[static_cast<std::size_t>(it.region)];
                if (low.top < 0) return;
                out += " (" + low.indicator->key() + " at " + low.indicator->levels()[1].key() + " or higher: " +
                       std::to_string(low.top) + " of " + std::to_string(low.of) + " municipalities";
                if (low.reported_on != no_date) out += ", as reported on " + iso(low.reported_on);
                out += ')';
                return;
            }
            case Field::agenda_count: {
                const auto p = ix_.agenda_proposal.empty() ? -1 : ix_.agenda_proposal[a];
                if (p < 0 || ix_.agenda[a] == 0) return;
                const auto& prop = ix_.view.proposals()[static_cast<std::size_t>(p)];
                out += " (proposal \"" + prop.key() + "\", tabled at " + prop.meeting();
                for (const auto& m : ix_.view.meetings())
                    if (m.key() == prop.meeting()) {
                        out += " on " + m.date().iso();
                        break;
                    }
                out += ')';
                return;
            }
            default: return;
        }
    }
    if (node.op != Op::func) return;
    if (static_cast<Func>(node.id) == Func::state_at || static_cast<Func>(node.id) == Func::category_at) {
        const auto row = row_in(node, it);
        if (row < 0) return;
        const auto& status = ix_.rows[static_cast<std::size_t>(row)];
        out += " (";
        if (static_cast<Func>(node.id) == Func::category_at && status.state >= 0) {
            out += "state \"";
            out += ix_.view.states()[static_cast<std::size_t>(status.state)].key();
            out += "\", ";
        }
        out += iso(status.days);
        out += ')';
        return;
    }
    const auto r = static_cast<std::size_t>(it.region);
    switch (static_cast<Func>(node.id)) {
        case Func::observation_age: from_to("last_observed", ix_.indicators[node.str].last_own[r]); return;
        case Func::coverage:
        case Func::at_or_above: {
            const auto& l = ix_.levels[node.str];
            if (l.known[r] == 0 && l.reported[r] < 0) return;
            const auto top = std::max<std::int64_t>(l.at_or_above[r], l.reported[r]);
            out += " (";
            if (static_cast<Func>(node.id) == Func::coverage) out += std::to_string(top) + " ";
            out += "of " + std::to_string(ix_.municipalities[r]) + " municipalities";
            if (l.reported[r] > static_cast<std::int64_t>(l.at_or_above[r]))
                out += ", as reported on " + iso(l.reported_on[r]);
            out += ')';
            return;
        }
        default: return;
    }
}

void Evaluator::canonical(std::uint32_t n, const Item& it, std::string& value,
                          std::vector<std::string>* items) const {
    if (!prog_.nodes[n].type.list) {
        canonical_scalar(scalar(n, it), value);
        return;
    }
    std::size_t count = 0;
    each(n, it, [&](const Scalar& s) {
        ++count;
        if (items) {
            items->emplace_back();
            canonical_scalar(s, items->back());
        }
        return true;
    });
    value = std::to_string(count);
}

void Evaluator::structure(std::uint32_t leaf, const Item& it, Reason& r) const {
    const Node& node = prog_.nodes[leaf];
    const auto is_subject = [&](std::uint32_t k) {
        const Op op = prog_.nodes[k].op;
        return op == Op::field || op == Op::func;
    };
    const bool holds = test(leaf, it) == Tri::yes;
    std::uint32_t subj = 0;
    switch (node.op) {
        case Op::compare: {
            const auto l = prog_.kid(node, 0), rt = prog_.kid(node, 1);
            auto cmp = static_cast<Cmp>(node.aux);
            std::uint32_t other = rt;
            if (is_subject(l)) {
                subj = l;
            } else if (is_subject(rt)) {
                subj = rt;
                other = l;
                cmp = swapped(cmp);
            } else {
                return;
            }
            if (!holds) cmp = negated(cmp);
            r.op = std::string(to_string(cmp));
            r.threshold = std::string(prog_.text(prog_.nodes[other]));
            std::string ignored;
            canonical(other, it, prog_.nodes[other].type.list ? ignored : r.threshold_value, &r.items);
            break;
        }
        case Op::in: {
            const auto x = prog_.kid(node, 0), list = prog_.kid(node, 1);
            const bool negative = (node.aux != 0) == holds;  // what holds is `not in`
            if (is_subject(x)) {
                subj = x;
                r.op = negative ? "not in" : "in";
                r.threshold = std::string(prog_.text(prog_.nodes[list]));
                std::string count;
                canonical(list, it, count, &r.items);
            } else if (is_subject(list)) {
                subj = list;
                r.op = negative ? "has not" : "has";
                r.threshold = std::string(prog_.text(prog_.nodes[x]));
                canonical(x, it, r.threshold_value, nullptr);
            } else {
                return;
            }
            break;
        }
        case Op::is_set: {
            subj = prog_.kid(node, 0);
            if (!is_subject(subj)) return;
            r.op = is_set(subj, it) ? "is set" : "is not set";
            break;
        }
        case Op::field:
        case Op::func:
            subj = leaf;
            r.op = "=";
            r.threshold_value = holds ? "true" : "false";
            break;
        default: return;
    }
    subject(subj, it, r);
}

void Evaluator::subject(std::uint32_t n, const Item& it, Reason& r) const {
    const Node& node = prog_.nodes[n];
    const std::string_view written = prog_.text(node);
    r.field = std::string(written.substr(0, std::min(written.find('('), written.size())));
    while (!r.field.empty() && (r.field.back() == ' ' || r.field.back() == '\t')) r.field.pop_back();
    if (node.op == Op::func) {
        for (std::uint32_t i = 0; i < node.count; ++i) {
            const Node& arg = prog_.nodes[prog_.kid(node, i)];
            r.arguments.push_back(arg.op == Op::lit_text ? prog_.strings[arg.str] : std::string(prog_.text(arg)));
        }
    }
    // The list a count() counts, or the list field itself, gives the items.
    if (node.op == Op::func && static_cast<Func>(node.id) == Func::count && node.count == 1) {
        std::string count;
        r.items.clear();
        canonical(prog_.kid(node, 0), it, count, &r.items);
    }
    const bool list = node.type.list;
    if (list) r.items.clear();
    canonical(n, it, r.value, list ? &r.items : nullptr);

    const auto state_and_date = [&](std::int32_t row) {
        if (row < 0) return;
        const auto& status = ix_.rows[static_cast<std::size_t>(row)];
        if (status.state >= 0) r.state = ix_.view.states()[static_cast<std::size_t>(status.state)].key();
        r.date = Date::from_days(status.days);
    };
    const auto date_of = [&](std::int64_t d) {
        if (d != no_date) r.date = Date::from_days(d);
    };
    if (node.op == Op::field) {
        const auto a = static_cast<std::size_t>(it.action);
        switch (static_cast<Field>(node.id)) {
            case Field::state:
            case Field::state_category:
            case Field::state_label:
            case Field::closed:
            case Field::status_text:
            case Field::scope_last_update:
            case Field::scope_since_update:
            case Field::scope_meetings_unchanged: state_and_date(it.row); return;
            case Field::last_update:
            case Field::since_update:
            case Field::meetings_unchanged: date_of(ix_.stats[a].last_update); return;
            case Field::due:
            case Field::until_due:
            case Field::past_due: {
                const auto& due = ix_.view.actions()[a].due();
                if (due) r.date = *due;
                return;
            }
            case Field::stalest_observation:
            case Field::observation_age: date_of(ix_.stalest[static_cast<std::size_t>(it.region)]); return;
            case Field::lowest_progress: {
                const auto& low = ix_.lowest[static_cast<std::size_t>(it.region)];
                if (low.top >= 0 && low.indicator) r.arguments.push_back(low.indicator->key());
                return;
            }
            case Field::agenda_count: {
                const auto p = ix_.agenda_proposal.empty() ? -1 : ix_.agenda_proposal[a];
                if (p < 0 || ix_.agenda[a] == 0) return;
                const auto& prop = ix_.view.proposals()[static_cast<std::size_t>(p)];
                for (const auto& m : ix_.view.meetings())
                    if (m.key() == prop.meeting()) {
                        r.date = m.date();
                        break;
                    }
                return;
            }
            default: return;
        }
    }
    if (node.op != Op::func) return;
    switch (static_cast<Func>(node.id)) {
        case Func::state_at:
        case Func::category_at: state_and_date(row_in(node, it)); return;
        case Func::last_observed:
        case Func::observation_age:
            date_of(ix_.indicators[node.str].last_own[static_cast<std::size_t>(it.region)]);
            return;
        default: return;
    }
}

}  // namespace actielijst::rules
