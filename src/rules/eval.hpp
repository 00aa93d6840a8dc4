// Evaluates checked expressions on one item (an action, an (action, scope) pair or
// a region) with three-valued logic; renders message placeholders; explains why a
// condition holds. The fast path (test) allocates nothing; reasons and text are
// only built for items a rule fires on.
#pragma once

#include "rules/ast.hpp"
#include "rules/index.hpp"

#include <actielijst/rules.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst::rules {

enum class Tri : std::uint8_t { no = 0, yes = 1, unknown = 2 };

/// Thrown by Evaluator::explain when the text it builds passes its budget.
struct TextLimit {};

/// What an expression is evaluated for. `row` indexes Index::rows (the scope's
/// current status), -1 when it has none.
struct Item {
    std::int32_t action = -1;
    std::int32_t region = -1;
    std::int32_t row = -1;
    bool in_scope = false;
};

/// A value of any scalar type; `set` false for unset. Bools are in `num` (0 or 1).
struct Scalar {
    Base base = Base::none;
    bool set = false;
    double num = 0;
    std::int64_t days = 0;
    std::string_view text;
};

class Evaluator {
public:
    /// `language` ("nl" or "en") chooses the labels of state_label and theme_label.
    Evaluator(const Program& prog, const Index& index, std::string_view language = "nl")
        : prog_(prog), ix_(index), language_(language) {}

    /// A bool expression: true, false or unknown.
    Tri test(std::uint32_t n, const Item& it) const;
    /// Appends the value as a message shows it (unset as "—", lists joined with ", ").
    void render(std::uint32_t n, const Item& it, std::string& out) const;
    /// Appends `singular` when the number or duration `n` is 1 or -1 (days), else
    /// `plural` (also when unset).
    void render_plural(std::uint32_t n, const Item& it, std::string_view singular, std::string_view plural,
                       std::string& out) const;
    /// Appends a reason for every leaf that makes `n` evaluate to `polarity`, each
    /// distinct reason once. With a `budget`, the bytes of every reason built
    /// (expression and detail, repeats included) are taken from it, and TextLimit is
    /// thrown when a reason does not fit: a condition with very many leaves cannot
    /// build more than the budget.
    void explain(std::uint32_t n, const Item& it, bool polarity, std::vector<Reason>& out,
                 std::size_t* budget = nullptr) const;

private:
    struct Num {
        double v = 0;
        bool set = false;
    };
    struct Days {
        std::int64_t v = 0;
        bool set = false;
    };
    struct Text {
        std::string_view v;
        bool set = false;
    };

    Num number(std::uint32_t n, const Item& it) const;
    Days days(std::uint32_t n, const Item& it) const;
    Text text(std::uint32_t n, const Item& it) const;
    Scalar scalar(std::uint32_t n, const Item& it) const;
    template <class F>
    void each(std::uint32_t n, const Item& it, F&& f) const;

    Tri field_bool(Field f, const Item& it) const;
    Num field_number(Field f, const Item& it) const;
    Days field_days(Field f, const Item& it) const;
    Text field_text(Field f, const Item& it) const;
    /// The current status row of the item's action in the region a state_at /
    /// category_at node names; -1 when it has none there.
    std::int32_t row_in(const Node& node, const Item& it) const noexcept;
    Tri compare(const Node& node, const Item& it) const;
    Tri compare_lists(const Node& node, const Item& it) const;
    Tri contains(const Node& node, const Item& it) const;
    bool is_set(std::uint32_t n, const Item& it) const;

    void collect(std::uint32_t n, const Item& it, bool polarity, std::vector<Reason>& out, std::size_t* budget) const;
    bool constant(std::uint32_t n) const;
    void leaf_reason(std::uint32_t leaf, std::uint32_t shown, const Item& it, std::vector<Reason>& out,
                     std::size_t* budget) const;
    void describe(std::uint32_t n, const Item& it, std::string& out) const;
    void provenance(std::uint32_t n, const Item& it, std::string& out) const;
    void reason_value(std::uint32_t n, const Item& it, std::string& out) const;
    /// Fills the structured fields of `r` (rules.hpp, Reason) for `leaf`.
    void structure(std::uint32_t leaf, const Item& it, Reason& r) const;
    /// Field, arguments, value, items, state and date of the field or function `n`.
    void subject(std::uint32_t n, const Item& it, Reason& r) const;
    /// The value of `n` written canonically (rules.hpp, Reason); the elements of a list in `items`.
    void canonical(std::uint32_t n, const Item& it, std::string& value, std::vector<std::string>* items) const;

    const Program& prog_;
    const Index& ix_;
    std::string_view language_;
};

/// Shortest text that reads back as `v` ("0.5", "4").
void append_number(std::string& out, double v);

}  // namespace actielijst::rules
