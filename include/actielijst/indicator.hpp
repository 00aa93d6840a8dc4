// actielijst — monitoring: indicators and their observations per region.
#pragma once

#include <actielijst/date.hpp>
#include <actielijst/label.hpp>
#include <actielijst/period.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

enum class IndicatorKind : int { ordinal = 0, count = 1, number = 2 };

std::string_view to_string(IndicatorKind kind) noexcept;
IndicatorKind parse_indicator_kind(std::string_view text, std::string_view field = "kind");

/// One step of an ordinal indicator (e.g. none < in_preparation < adopted).
class Level {
public:
    Level(std::string key, Label label);
    const std::string& key() const noexcept { return key_; }
    const Label& label() const noexcept { return label_; }
    friend bool operator==(const Level&, const Level&) = default;

private:
    std::string key_;
    Label label_;
};

class Indicator {
public:
    /// An ordinal indicator needs at least two distinct levels, lowest first, and no
    /// unit; count and number indicators have no levels. `actions` are the keys of the
    /// action points the indicator measures, without duplicates (e.g. `actions[1]`);
    /// whether they exist is checked by the store. Throws Error(Errc::invalid).
    Indicator(std::string key, Label label, IndicatorKind kind, std::vector<Level> levels = {},
              std::string unit = {}, Period period = {}, std::vector<std::string> actions = {});

    const std::string& key() const noexcept { return key_; }
    const Label& label() const noexcept { return label_; }
    IndicatorKind kind() const noexcept { return kind_; }
    const std::vector<Level>& levels() const noexcept { return levels_; }
    const std::string& unit() const noexcept { return unit_; }
    /// When it is monitored: observations are dated within it.
    const Period& period() const noexcept { return period_; }
    /// Keys of the action points it measures, in the order given. Empty means a
    /// list-wide indicator that belongs to no action: it is shown in the monitoring
    /// appendix and the coverage chart only, never on an action's card.
    const std::vector<std::string>& actions() const noexcept { return actions_; }
    /// Position of a level key (0 = lowest), or -1 when unknown.
    int level_rank(std::string_view level) const noexcept;

    friend bool operator==(const Indicator&, const Indicator&) = default;

private:
    std::string key_;
    Label label_;
    IndicatorKind kind_;
    std::vector<Level> levels_;
    std::string unit_;
    Period period_;
    std::vector<std::string> actions_;
};

/// What an observation says. For ordinal indicators `level` is set and:
/// - without `count`, the region is at `level` (or, with `at_least`, at `level` or higher);
/// - with `count`, `count` municipalities of the region are at `level` or higher —
///   a region-level statement where the source gives no municipal detail.
/// For count and number indicators `value` holds the figure, or is empty when the
/// source says a figure exists without stating it (then `note` says so).
struct ObservationValue {
    std::string level;
    std::optional<double> value;
    std::optional<std::int64_t> count;
    bool at_least = false;
    friend bool operator==(const ObservationValue&, const ObservationValue&) = default;
};

class Observation {
public:
    /// Checks the shape of the value (level xor value; count and at_least only with a
    /// level, not both; count >= 0; value finite; a missing value needs a note).
    /// Whether `level` belongs to the indicator is checked by the store.
    Observation(std::string indicator, std::string region, Date as_of, ObservationValue value,
                std::string source = {}, std::string note = {});

    const std::string& indicator() const noexcept { return indicator_; }
    const std::string& region() const noexcept { return region_; }
    const Date& as_of() const noexcept { return as_of_; }
    const ObservationValue& value() const noexcept { return value_; }
    const std::string& source() const noexcept { return source_; }
    const std::string& note() const noexcept { return note_; }

    friend bool operator==(const Observation&, const Observation&) = default;

private:
    std::string indicator_;
    std::string region_;
    Date as_of_;
    ObservationValue value_;
    std::string source_;
    std::string note_;
};

}  // namespace actielijst
