/// \file
/// actielijst — monitoring: indicators and their observations per region.
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

/// What kind of figure an indicator records.
enum class IndicatorKind : int { ordinal = 0, count = 1, number = 2 };
/// \var IndicatorKind::ordinal
/// Ordered steps (Level), e.g. short-stay policy: none, in preparation, adopted; rolls
/// up over the municipalities of a region (View::rollup()).
/// \var IndicatorKind::count
/// A whole number of something, e.g. the number of labour migrants.
/// \var IndicatorKind::number
/// A figure that need not be whole, e.g. a share.

/// The name of `kind` in JSON and rules: "ordinal", "count" or "number".
std::string_view to_string(IndicatorKind kind) noexcept;
/// The kind named `text`; anything else throws Error(Errc::invalid) naming `field`.
IndicatorKind parse_indicator_kind(std::string_view text, std::string_view field = "kind");

/// One step of an ordinal indicator (e.g. none < in_preparation < adopted).
class Level {
public:
    /// Throws Error(Errc::invalid) naming `key` for an invalid key, or `label.nl` for an
    /// empty Dutch label.
    Level(std::string key, Label label);
    /// Key observations name the level by (e.g. `adopted`).
    const std::string& key() const noexcept { return key_; }
    /// Display label.
    const Label& label() const noexcept { return label_; }
    /// Equal when every field is equal.
    friend bool operator==(const Level&, const Level&) = default;

private:
    std::string key_;
    Label label_;
};

/// A monitoring indicator: a measure observed per region over time, e.g. whether a
/// municipality has short-stay policy, or the number of labour migrants. Its figures
/// are Observation values; a View holds the latest per region.
class Indicator {
public:
    /// An ordinal indicator needs at least two distinct levels, lowest first, and no
    /// unit; count and number indicators have no levels. `actions` are the keys of the
    /// action points the indicator measures, without duplicates (e.g. `actions[1]`);
    /// whether they exist is checked by the store. Throws Error(Errc::invalid).
    Indicator(std::string key, Label label, IndicatorKind kind, std::vector<Level> levels = {},
              std::string unit = {}, Period period = {}, std::vector<std::string> actions = {});

    /// Stable key observations and rules name the indicator by.
    const std::string& key() const noexcept { return key_; }
    /// Display label.
    const Label& label() const noexcept { return label_; }
    /// Ordinal, count or number.
    IndicatorKind kind() const noexcept { return kind_; }
    /// For an ordinal indicator its levels, lowest first; empty otherwise.
    const std::vector<Level>& levels() const noexcept { return levels_; }
    /// Unit of a count or number (e.g. persons); empty for an ordinal indicator or when
    /// none is given.
    const std::string& unit() const noexcept { return unit_; }
    /// When it is monitored: observations are dated within it.
    const Period& period() const noexcept { return period_; }
    /// Keys of the action points it measures, in the order given. Empty means a
    /// list-wide indicator that belongs to no action: it is shown in the monitoring
    /// appendix and the coverage chart only, never on an action's card.
    const std::vector<std::string>& actions() const noexcept { return actions_; }
    /// Position of a level key (0 = lowest), or -1 when unknown.
    int level_rank(std::string_view level) const noexcept;

    /// Equal when every field is equal.
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
    std::string level;                  ///< ordinal: key of the level observed; empty otherwise
    std::optional<double> value;        ///< count or number: the figure; unset when the source gives none
    std::optional<std::int64_t> count;  ///< with `level`: how many municipalities are at `level` or higher
    bool at_least = false;              ///< with `level`, without `count`: `level` is a lower bound
    /// Equal when every field is equal.
    friend bool operator==(const ObservationValue&, const ObservationValue&) = default;
};

/// One figure of an indicator for one region as of a date, with its source.
/// Observations are history: a View holds the latest per indicator and region on
/// its date, and an old one is stale (rules look at its age).
class Observation {
public:
    /// Checks the shape of the value (level xor value; count and at_least only with a
    /// level, not both; count >= 0; value finite; a missing value needs a note).
    /// Whether `level` belongs to the indicator is checked by the store.
    Observation(std::string indicator, std::string region, Date as_of, ObservationValue value,
                std::string source = {}, std::string note = {});

    /// Key of the indicator.
    const std::string& indicator() const noexcept { return indicator_; }
    /// Code of the region it is about (or, before the store resolved it, an alias).
    const std::string& region() const noexcept { return region_; }
    /// The date the figure describes.
    const Date& as_of() const noexcept { return as_of_; }
    /// What it says: a level, a count of municipalities at a level, or a figure.
    const ObservationValue& value() const noexcept { return value_; }
    /// Where the figure comes from; empty when not given.
    const std::string& source() const noexcept { return source_; }
    /// A remark on the figure; required when it has no value, to say why.
    const std::string& note() const noexcept { return note_; }

    /// Equal when every field is equal.
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
