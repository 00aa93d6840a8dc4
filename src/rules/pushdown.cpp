#include "rules/pushdown.hpp"

namespace actielijst::rules {
namespace {

using Kind = Pushed::Kind;

/// A pushed predicate, or none; `exact` when it holds exactly where the expression
/// does (otherwise it holds at least there).
struct Result {
    std::optional<Pushed> pushed;
    bool exact = false;
};

/// a < b  <=>  b > a
Cmp mirror(Cmp c) noexcept {
    switch (c) {
        case Cmp::lt: return Cmp::gt;
        case Cmp::le: return Cmp::ge;
        case Cmp::gt: return Cmp::lt;
        case Cmp::ge: return Cmp::le;
        default: return c;
    }
}

Result exact(Pushed p) { return {std::move(p), true}; }

Pushed negate(Pushed p) {
    Pushed n;
    n.kind = Kind::negation;
    n.kids.push_back(std::move(p));
    return n;
}

class Pusher {
public:
    explicit Pusher(const Program& prog) : prog_(prog) {}

    Result push(std::uint32_t n) const {
        const Node& node = prog_.at(n);
        switch (node.op) {
            case Op::lit_bool: {
                Pushed p;
                p.kind = node.aux ? Kind::all_of : Kind::any_of;  // empty: true, false
                return exact(std::move(p));
            }
            case Op::and_: {
                Pushed p;
                p.kind = Kind::all_of;
                bool all = true;
                for (std::uint32_t i = 0; i < node.count; ++i) {
                    Result r = push(prog_.kid(node, i));
                    all = all && r.exact;
                    if (r.pushed) p.kids.push_back(std::move(*r.pushed));
                }
                if (p.kids.empty()) return {};
                return {std::move(p), all};
            }
            case Op::or_: {
                Pushed p;
                p.kind = Kind::any_of;
                bool all = true;
                for (std::uint32_t i = 0; i < node.count; ++i) {
                    Result r = push(prog_.kid(node, i));
                    if (!r.pushed) return {};  // a branch the store cannot narrow: anything may match
                    all = all && r.exact;
                    p.kids.push_back(std::move(*r.pushed));
                }
                return {std::move(p), all};
            }
            case Op::not_: {
                Result r = push(prog_.kid(node, 0));
                if (!r.pushed || !r.exact) return {};  // the complement of a superset is no superset
                return exact(negate(std::move(*r.pushed)));
            }
            case Op::compare: return compare(node);
            case Op::in: return in(node);
            case Op::is_set: return is_set(node);
            default: return {};
        }
    }

private:
    bool field(std::uint32_t n, Field f) const {
        const Node& node = prog_.at(n);
        return node.op == Op::field && static_cast<Field>(node.id) == f;
    }
    const Node* func(std::uint32_t n) const {
        const Node& node = prog_.at(n);
        if (node.op != Op::func) return nullptr;
        const auto f = static_cast<Func>(node.id);
        return f == Func::state_at || f == Func::category_at ? &node : nullptr;
    }
    const std::string* text(std::uint32_t n) const {
        const Node& node = prog_.at(n);
        return node.op == Op::lit_text ? &prog_.strings[node.str] : nullptr;
    }
    /// The texts of a list literal of text literals.
    std::optional<std::vector<std::string>> texts(std::uint32_t n) const {
        const Node& node = prog_.at(n);
        if (node.op != Op::list) return std::nullopt;
        std::vector<std::string> out;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            const auto* t = text(prog_.kid(node, i));
            if (!t) return std::nullopt;
            out.push_back(*t);
        }
        return out;
    }

    /// A date operand: a date literal or the field `as_of`.
    std::optional<Pushed> date_operand(std::uint32_t n) const {
        const Node& node = prog_.at(n);
        Pushed p;
        if (node.op == Op::lit_date) {
            p.date = node.days;
            return p;
        }
        if (field(n, Field::as_of)) {
            p.from_as_of = true;
            return p;
        }
        return std::nullopt;
    }

    Result values_of(std::uint32_t field_side, std::vector<std::string> values) const {
        Pushed p;
        p.values = std::move(values);
        if (const Node* f = func(field_side)) {
            p.kind = static_cast<Func>(f->id) == Func::state_at ? Kind::state_at : Kind::category_at;
            p.region = prog_.strings[f->str];
            return exact(std::move(p));
        }
        if (field(field_side, Field::theme)) p.kind = Kind::theme_in;
        else if (field(field_side, Field::action)) p.kind = Kind::action_in;
        else return {};
        return exact(std::move(p));
    }

    Result compare(const Node& node) const {
        auto l = prog_.kid(node, 0), r = prog_.kid(node, 1);
        auto cmp = static_cast<Cmp>(node.aux);
        if (prog_.at(l).op == Op::lit_text || prog_.at(l).op == Op::lit_date || prog_.at(l).op == Op::lit_duration) {
            std::swap(l, r);
            cmp = mirror(cmp);
        }
        if (const auto* t = text(r); t && (cmp == Cmp::eq || cmp == Cmp::ne)) {
            Result res = values_of(l, {*t});
            if (res.pushed && cmp == Cmp::ne) res.pushed = negate(std::move(*res.pushed));
            return res;
        }
        const Node& right = prog_.at(r);
        const bool due = field(l, Field::due), last = field(l, Field::last_update);
        if (due || last) {
            auto p = date_operand(r);
            if (!p) return {};
            p->kind = due ? Kind::due : Kind::last_update;
            p->cmp = cmp;
            return exact(std::move(*p));
        }
        if (right.op != Op::lit_duration) return {};
        Pushed p;
        p.from_as_of = true;
        if (field(l, Field::until_due)) {  // due - as_of cmp d  <=>  due cmp as_of + d
            p.kind = Kind::due;
            p.cmp = cmp;
            p.date = right.days;
        } else if (field(l, Field::past_due) || field(l, Field::since_update)) {  // as_of - x cmp d  <=>  x mirror(cmp) as_of - d
            p.kind = field(l, Field::past_due) ? Kind::due : Kind::last_update;
            p.cmp = mirror(cmp);
            p.date = -right.days;
        } else {
            return {};
        }
        return exact(std::move(p));
    }

    Result in(const Node& node) const {
        const auto l = prog_.kid(node, 0), r = prog_.kid(node, 1);
        Result res;
        if (auto values = texts(r)) {
            res = values_of(l, std::move(*values));
        } else if (const auto* t = text(l)) {
            Pushed p;
            p.values = {*t};
            if (field(r, Field::regions)) p.kind = Kind::region_in;
            else if (field(r, Field::states)) p.kind = Kind::state_in;
            else if (field(r, Field::categories)) p.kind = Kind::category_in;
            else if (field(r, Field::owners)) p.kind = Kind::owner_in;
            else if (field(r, Field::leads)) p.kind = Kind::lead_in;
            else return {};
            res = exact(std::move(p));
        }
        if (res.pushed && node.aux) res.pushed = negate(std::move(*res.pushed));
        return res;
    }

    Result is_set(const Node& node) const {
        const auto k = prog_.kid(node, 0);
        Pushed p;
        if (const Node* f = func(k)) {  // state_at(r) is set: any state there
            p.kind = static_cast<Func>(f->id) == Func::state_at ? Kind::state_at : Kind::category_at;
            p.region = prog_.strings[f->str];
        } else if (field(k, Field::due) || field(k, Field::until_due) || field(k, Field::past_due)) {
            p.kind = Kind::due_set;
        } else {
            return {};
        }
        p.any_value = p.kind != Kind::due_set;
        return exact(node.aux ? negate(std::move(p)) : std::move(p));
    }

    const Program& prog_;
};

}  // namespace

Pushdown push_down(const Program& prog, std::uint32_t root) {
    Pushdown out;
    const Pusher pusher(prog);
    const Node& node = prog.at(root);
    // Explain by top-level conjunct, as the user wrote them.
    std::vector<std::uint32_t> parts;
    if (node.op == Op::and_)
        for (std::uint32_t i = 0; i < node.count; ++i) parts.push_back(prog.kid(node, i));
    else
        parts.push_back(root);
    for (const auto part : parts) {
        const Result r = pusher.push(part);
        (r.pushed ? out.pushed : out.in_memory).emplace_back(prog.text(prog.at(part)));
        if (r.pushed && !r.exact) out.in_memory.emplace_back(prog.text(prog.at(part)));
    }
    Result whole = pusher.push(root);
    out.where = std::move(whole.pushed);
    out.exact = whole.exact && out.where.has_value();
    return out;
}

}  // namespace actielijst::rules
