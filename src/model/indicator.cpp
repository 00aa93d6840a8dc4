#include <actielijst/indicator.hpp>

#include "util/enum_names.hpp"

#include <cmath>
#include <set>

namespace actielijst {
namespace {
constexpr std::array<std::string_view, 3> kind_names{"ordinal", "count", "number"};
}

std::string_view to_string(IndicatorKind kind) noexcept { return detail::enum_name(kind_names, kind); }
IndicatorKind parse_indicator_kind(std::string_view text, std::string_view field) {
    return detail::enum_parse<IndicatorKind>(kind_names, text, field);
}

Level::Level(std::string key, Label label) : key_(std::move(key)), label_(std::move(label)) {
    detail::check_key(key_, "key");
    if (label_.nl().empty()) detail::fail("label.nl", "must not be empty");
}

Indicator::Indicator(std::string key, Label label, IndicatorKind kind, std::vector<Level> levels, std::string unit,
                     Period period, std::vector<std::string> actions)
    : key_(std::move(key)), label_(std::move(label)), kind_(kind), levels_(std::move(levels)), unit_(std::move(unit)),
      period_(period), actions_(std::move(actions)) {
    detail::check_key(key_, "key");
    check_period(period_, "the indicator");
    if (label_.nl().empty()) detail::fail("label.nl", "must not be empty");
    detail::check_text(unit_, "unit", false);
    switch (kind_) {
        case IndicatorKind::ordinal: {
            if (levels_.size() < 2) detail::fail("levels", "an ordinal indicator needs at least two levels");
            if (!unit_.empty()) detail::fail("unit", "an ordinal indicator has no unit");
            std::set<std::string> seen;
            for (std::size_t i = 0; i < levels_.size(); ++i)
                if (!seen.insert(levels_[i].key()).second)
                    detail::fail("levels[" + std::to_string(i) + "].key",
                                 "duplicate level " + detail::quote(levels_[i].key()));
            break;
        }
        case IndicatorKind::count:
        case IndicatorKind::number:
            if (!levels_.empty())
                detail::fail("levels", "only an ordinal indicator has levels");
            break;
        default: detail::fail("kind", "unknown indicator kind " + std::to_string(static_cast<int>(kind_)));
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < actions_.size(); ++i) {
        const std::string field = "actions[" + std::to_string(i) + "]";
        detail::check_key(actions_[i], field);
        if (!seen.insert(actions_[i]).second) detail::fail(field, "duplicate action " + detail::quote(actions_[i]));
    }
}

int Indicator::level_rank(std::string_view level) const noexcept {
    for (std::size_t i = 0; i < levels_.size(); ++i)
        if (levels_[i].key() == level) return static_cast<int>(i);
    return -1;
}

Observation::Observation(std::string indicator, std::string region, Date as_of, ObservationValue value,
                         std::string source, std::string note)
    : indicator_(std::move(indicator)), region_(std::move(region)), as_of_(as_of), value_(std::move(value)),
      source_(std::move(source)), note_(std::move(note)) {
    detail::check_key(indicator_, "indicator");
    detail::check_text(region_, "region", true);
    detail::check_text(source_, "source", false);
    detail::check_text(note_, "note", false);
    const auto& v = value_;
    if (!v.level.empty()) {
        detail::check_key(v.level, "level");
        if (v.value) detail::fail("value", "an observation has either a level or a value, not both");
        if (v.count && v.at_least) detail::fail("at_least", "a count of municipalities cannot also be a lower bound");
        if (v.count && *v.count < 0) detail::fail("count", "must not be negative, got " + std::to_string(*v.count));
    } else {
        if (v.count) detail::fail("count", "a count of municipalities needs a level");
        if (v.at_least) detail::fail("at_least", "a lower bound needs a level");
        if (v.value && !std::isfinite(*v.value)) detail::fail("value", "must be a finite number");
        if (!v.value && note_.empty())
            detail::fail("note", "an observation without a value must say why in its note");
    }
}

}  // namespace actielijst
