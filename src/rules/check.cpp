#include "rules/check.hpp"

#include "rules/hints.hpp"
#include "rules/lexer.hpp"
#include "rules/names.hpp"
#include "util/check.hpp"

#include <actielijst/progress_state.hpp>
#include <actielijst/region.hpp>

#include <array>

namespace actielijst::rules {
namespace {

constexpr std::uint32_t no_kid = 0xFFFFFFFFu;

Vocab vocab_of(Field f) noexcept {
    for (const auto& d : field_defs)
        if (d.id == f && d.contexts) return d.vocab;
    return Vocab::none;
}

}  // namespace

std::string_view base_name(Base b, bool plural) noexcept {
    switch (b) {
        case Base::boolean: return plural ? "bools" : "bool";
        case Base::number: return plural ? "numbers" : "number";
        case Base::text: return plural ? "texts" : "text";
        case Base::date: return plural ? "dates" : "date";
        case Base::duration: return plural ? "durations" : "duration";
        case Base::none: break;
    }
    return "nothing";
}

std::string describe(Type type) {
    if (type.list) return type.base == Base::none ? "an empty list" : "a list of " + std::string(base_name(type.base, true));
    return "a " + std::string(base_name(type.base, false));
}

std::string_view to_string(Cmp cmp) noexcept {
    static constexpr std::array<std::string_view, 6> names{"=", "!=", "<", "<=", ">", ">="};
    return names[static_cast<std::size_t>(cmp)];
}

std::string_view context_phrase(Context context) noexcept {
    switch (context) {
        case Context::action: return "in a per-action rule";
        case Context::scope: return "in a per-scope rule";
        case Context::region: return "in a per-region rule";
        case Context::filter: return "in a filter";
        case Context::rag: return "in the rag block";
    }
    return "";
}

Type Checker::check(std::uint32_t node, Context context, bool message) {
    context_ = context;
    message_ = message;
    return visit(node);
}

void Checker::fail(std::uint32_t node, const std::string& message) const {
    throw LoadError{prog_.nodes[node].begin, message, false, Errc::invalid};
}

std::string Checker::operand(std::uint32_t node, Type type) const {
    return describe(type) + " (" + excerpt(prog_.text(prog_.nodes[node])) + ")";
}

void Checker::require_bool(std::uint32_t node, Type type, std::string_view what) const {
    if (type != scalar(Base::boolean))
        fail(node, std::string(what) + " needs a bool, found " + operand(node, type));
}

Type Checker::visit(std::uint32_t n) {
    Type t{};
    const Node node = prog_.nodes[n];  // a copy: the checker adds no nodes, but keep it simple
    switch (node.op) {
        case Op::lit_bool: t = scalar(Base::boolean); break;
        case Op::lit_number: t = scalar(Base::number); break;
        case Op::lit_text: t = scalar(Base::text); break;
        case Op::lit_date: t = scalar(Base::date); break;
        case Op::lit_duration: t = scalar(Base::duration); break;
        case Op::list: {
            t = list_of(Base::none);
            std::uint32_t first = no_kid;
            for (std::uint32_t i = 0; i < node.count; ++i) {
                const auto k = prog_.kid(node, i);
                const Type e = visit(k);
                if (e.list) fail(k, "type mismatch: a list cannot hold a list, found " + operand(k, e));
                if (first == no_kid) {
                    first = k;
                    t.base = e.base;
                } else if (e.base != t.base) {
                    fail(k, "type mismatch: a list holds one type, found " + operand(first, scalar(t.base)) +
                                " and " + operand(k, e));
                }
            }
            break;
        }
        case Op::name: t = resolve_name(n); break;
        case Op::call: t = resolve_call(n); break;
        case Op::field:
        case Op::func: t = node.type; break;  // already resolved (not reached: nodes are checked once)
        case Op::neg: {
            const auto k = prog_.kid(node, 0);
            const Type o = visit(k);
            if (o != scalar(Base::number) && o != scalar(Base::duration))
                fail(n, "type mismatch: '-' negates a number or a duration, not " + operand(k, o));
            t = o;
            break;
        }
        case Op::not_: {
            const auto k = prog_.kid(node, 0);
            const Type o = visit(k);
            if (o != scalar(Base::boolean)) fail(k, "type mismatch: 'not' takes a bool, not " + operand(k, o));
            t = o;
            break;
        }
        case Op::and_:
        case Op::or_:
            for (std::uint32_t i = 0; i < node.count; ++i) {
                const auto k = prog_.kid(node, i);
                const Type o = visit(k);
                if (o != scalar(Base::boolean))
                    fail(k, std::string("type mismatch: '") + (node.op == Op::and_ ? "and" : "or") +
                                "' takes bools, not " + operand(k, o));
            }
            t = scalar(Base::boolean);
            break;
        case Op::sum: t = check_sum(n); break;
        case Op::compare: t = check_compare(n); break;
        case Op::in: t = check_in(n); break;
        case Op::is_set:
            visit(prog_.kid(node, 0));
            t = scalar(Base::boolean);
            break;
    }
    prog_.nodes[n].type = t;
    return t;
}

Type Checker::resolve_name(std::uint32_t n) {
    const std::string& name = prog_.strings[prog_.nodes[n].str];
    const auto ctx = bit(context_);
    for (const auto& d : field_defs) {
        if (d.name != name || !(d.contexts & ctx)) continue;
        if (d.message_only && !message_)
            fail(n, detail::quote(name) + " is only available in messages (its text depends on the language): "
                                          "compare " +
                        (d.id == Field::state_label              ? "state"
                         : d.id == Field::theme_label            ? "theme"
                         : d.id == Field::progress_unknown_labels ? "progress_unknown"
                                                                  : "closed_refs") +
                        " in conditions");
        prog_.nodes[n].op = Op::field;
        prog_.nodes[n].id = static_cast<std::uint16_t>(d.id);
        needs_ |= d.needs;
        return d.type;
    }
    for (const auto& f : func_defs)
        if (f.name == name)
            fail(n, "unknown field " + detail::quote(name) + " " + std::string(context_phrase(context_)) + " (" +
                        name + " is a function: write " + name + "(...))");
    fail(n, "unknown field " + detail::quote(name) + " " + std::string(context_phrase(context_)) +
                field_hint(name, ctx, message_));
}

Type Checker::resolve_call(std::uint32_t n) {
    const Node node = prog_.nodes[n];
    const std::string& name = prog_.strings[node.str];
    const FuncDef* def = nullptr;
    for (const auto& f : func_defs)
        if (f.name == name) def = &f;
    if (!def) fail(n, "unknown function " + detail::quote(name) + function_hint(name, bit(context_)));
    if (!(def->contexts & bit(context_)))
        fail(n, "function " + detail::quote(name) + " is not available " + std::string(context_phrase(context_)) +
                    (def->contexts == in_places ? " (only in per-scope and per-region rules)"
                                                : " (only in filters, per-action and per-scope rules)"));
    if (node.count != def->arity)
        fail(n, name + "() takes " + std::to_string(def->arity) + (def->arity == 1 ? " argument" : " arguments") +
                    ", found " + std::to_string(node.count));
    prog_.nodes[n].op = Op::func;
    prog_.nodes[n].id = static_cast<std::uint16_t>(def->id);
    if (def->id == Func::count || def->id == Func::length) {
        const auto k = prog_.kid(node, 0);
        const Type a = visit(k);
        if (def->id == Func::count && !a.list)
            fail(k, "type mismatch: count() takes a list, not " + operand(k, a));
        if (def->id == Func::length && a != scalar(Base::text))
            fail(k, "type mismatch: length() takes a text, not " + operand(k, a));
        return def->type;
    }
    if (def->id == Func::state_at || def->id == Func::category_at) {
        // The state of affairs in one region: the region is a text literal, so that a
        // store can answer the question from its index of states of affairs.
        const auto k = prog_.kid(node, 0);
        if (prog_.nodes[k].op != Op::lit_text)
            fail(k, name + "() needs the region code as a text literal in quotes, found " +
                        excerpt(prog_.text(prog_.nodes[k])));
        visit(k);
        name_literal(k, Vocab::region);
        needs_ |= need_statuses;
        prog_.nodes[n].str = prog_.nodes[k].str;
        return def->type;
    }
    // The indicator functions: text literals, checked against the vocabulary.
    const char* roles[] = {"indicator", "level"};
    for (std::uint32_t i = 0; i < node.count; ++i) {
        const auto k = prog_.kid(node, i);
        if (prog_.nodes[k].op != Op::lit_text)
            fail(k, name + "() needs the " + roles[i] + " as a text literal in quotes, found " +
                        excerpt(prog_.text(prog_.nodes[k])));
        visit(k);
    }
    const std::string& indicator = prog_.strings[prog_.nodes[prog_.kid(node, 0)].str];
    const bool ordinal = def->id == Func::coverage || def->id == Func::at_or_above;
    name_literal(prog_.kid(node, 0), Vocab::indicator, {}, ordinal);
    const auto [it, fresh] =
        indicator_slots_.emplace(indicator, static_cast<std::uint32_t>(prog_.indicators.size()));
    if (fresh) prog_.indicators.push_back(indicator);
    const std::uint32_t slot = it->second;
    needs_ |= need_regions;
    if (ordinal) {
        const std::string& level = prog_.strings[prog_.nodes[prog_.kid(node, 1)].str];
        name_literal(prog_.kid(node, 1), Vocab::level, indicator);
        const auto [lit, lfresh] =
            level_slots_.emplace(std::pair{slot, level}, static_cast<std::uint32_t>(prog_.levels.size()));
        if (lfresh) prog_.levels.push_back({slot, level});
        prog_.nodes[n].str = lit->second;
    } else {
        prog_.nodes[n].str = slot;
    }
    return def->type;
}

Type Checker::check_sum(std::uint32_t n) {
    const Node node = prog_.nodes[n];
    const auto k0 = prog_.kid(node, 0);
    Type acc = visit(k0);
    for (std::uint32_t i = 1; i < node.count; ++i) {
        const auto k = prog_.kid(node, i);
        const Type t = visit(k);
        const bool minus = prog_.signs[node.first + i] != 0;
        const auto N = scalar(Base::number), D = scalar(Base::duration), T = scalar(Base::date);
        Type out{};
        bool ok = true;
        if (acc == N && t == N) out = N;
        else if (acc == D && t == D) out = D;
        else if (acc == T && t == D) out = T;
        else if (acc == T && t == T && minus) out = D;
        else ok = false;
        if (!ok) {
            const Node& last = prog_.nodes[prog_.kid(node, i - 1)];
            const std::string left =
                describe(acc) + " (" +
                excerpt(std::string_view(prog_.sources[node.source])
                            .substr(prog_.nodes[k0].begin, last.end - prog_.nodes[k0].begin)) +
                ")";
            fail(k, minus ? "type mismatch: '-' cannot subtract " + operand(k, t) + " from " + left
                          : "type mismatch: '+' cannot add " + operand(k, t) + " to " + left);
        }
        acc = out;
    }
    return acc;
}

void Checker::names_against(std::uint32_t field_side, std::uint32_t other) {
    const Node& f = prog_.nodes[field_side];
    Vocab v = Vocab::none;
    if (f.op == Op::field) v = vocab_of(static_cast<Field>(f.id));
    if (f.op == Op::func && static_cast<Func>(f.id) == Func::state_at) v = Vocab::state;
    if (f.op == Op::func && static_cast<Func>(f.id) == Func::category_at) v = Vocab::category;
    if (v == Vocab::none) return;
    const Node o = prog_.nodes[other];
    if (o.op == Op::lit_text) name_literal(other, v);
    if (o.op == Op::list)
        for (std::uint32_t i = 0; i < o.count; ++i)
            if (prog_.nodes[prog_.kid(o, i)].op == Op::lit_text) name_literal(prog_.kid(o, i), v);
}

Type Checker::check_compare(std::uint32_t n) {
    const Node node = prog_.nodes[n];
    const auto l = prog_.kid(node, 0), r = prog_.kid(node, 1);
    const Type a = visit(l), b = visit(r);
    const auto cmp = static_cast<Cmp>(node.aux);
    const std::string op = "'" + std::string(to_string(cmp)) + "'";
    const bool same = a == b || (a.list && b.list && (a.base == Base::none || b.base == Base::none));
    if (!same) fail(n, "type mismatch: " + op + " compares " + operand(l, a) + " with " + operand(r, b));
    if (cmp != Cmp::eq && cmp != Cmp::ne && (a.list || (a.base != Base::number && a.base != Base::date &&
                                                        a.base != Base::duration)))
        fail(n, "type mismatch: " + op + " orders numbers, dates or durations, not " + operand(l, a) + " and " +
                    operand(r, b));
    names_against(l, r);
    names_against(r, l);
    return scalar(Base::boolean);
}

Type Checker::check_in(std::uint32_t n) {
    const Node node = prog_.nodes[n];
    const auto l = prog_.kid(node, 0), r = prog_.kid(node, 1);
    const Type a = visit(l), b = visit(r);
    const std::string op = node.aux ? "'not in'" : "'in'";
    if (!b.list) fail(r, "type mismatch: " + op + " needs a list on its right, found " + operand(r, b));
    if (a.list) fail(l, "type mismatch: " + op + " looks for one value, not " + operand(l, a));
    if (b.base != Base::none && b.base != a.base)
        fail(n, "type mismatch: " + op + " looks for " + operand(l, a) + " in " + operand(r, b));
    names_against(l, r);
    names_against(r, l);
    return scalar(Base::boolean);
}

void Checker::name_literal(std::uint32_t literal, Vocab kind, const std::string& indicator, bool ordinal) {
    const Node& lit = prog_.nodes[literal];
    const std::string& name = prog_.strings[lit.str];
    if (kind == Vocab::category) {
        for (int c = 0; c <= static_cast<int>(StateCategory::dropped); ++c)
            if (to_string(static_cast<StateCategory>(c)) == name) return;
        throw LoadError{lit.begin,
                        "unknown state category " + detail::quote(name) +
                            " (expected todo, active, blocked, done or dropped)" + fixed_value_hint(kind, name),
                        false, Errc::invalid};
    }
    if (kind == Vocab::region_kind) {
        for (int c = 0; c <= static_cast<int>(RegionKind::municipality); ++c)
            if (to_string(static_cast<RegionKind>(c)) == name) return;
        throw LoadError{lit.begin,
                        "unknown region kind " + detail::quote(name) + " (expected province, corop or municipality)" +
                            fixed_value_hint(kind, name),
                        false, Errc::invalid};
    }
    VocabRef ref{kind, name, indicator, ordinal, lit.begin};
    if (vocabulary_) check_vocabulary(ref, *vocabulary_);
    prog_.vocabulary.push_back(std::move(ref));
}

void check_vocabulary(const VocabRef& ref, const View& view) {
    // The hint is worked out only once a name is missing: loading costs nothing more.
    const auto missing = [&](const std::string& what) {
        throw LoadError{ref.offset, "unknown " + what + " " + detail::quote(ref.name) + vocabulary_hint(ref, view),
                        false, Errc::not_found};
    };
    switch (ref.kind) {
        case Vocab::state:
            if (!view.state(ref.name)) missing("state");
            break;
        case Vocab::theme:
            if (!view.theme(ref.name)) missing("theme");
            break;
        case Vocab::region:
            if (!view.region(ref.name)) missing("region");
            break;
        case Vocab::indicator: {
            const Indicator* ind = view.indicator(ref.name);
            if (!ind) missing("indicator");
            if (ref.ordinal && ind->kind() != IndicatorKind::ordinal)
                throw LoadError{ref.offset,
                                "indicator " + detail::quote(ref.name) + " is " +
                                    std::string(to_string(ind->kind())) +
                                    ", not ordinal: coverage() and at_or_above() need levels",
                                false, Errc::invalid};
            break;
        }
        case Vocab::level: {
            const Indicator* ind = view.indicator(ref.indicator);
            if (!ind || ind->level_rank(ref.name) < 0)
                throw LoadError{ref.offset,
                                "unknown level " + detail::quote(ref.name) + " of indicator " +
                                    detail::quote(ref.indicator) + vocabulary_hint(ref, view),
                                false, Errc::not_found};
            break;
        }
        default: break;
    }
}

}  // namespace actielijst::rules
