// actielijst — what changed between two pictures of an action list: two meeting
// snapshots, or a snapshot and the store at a date. The report's "changes since
// the last meeting" section is rendered from this.
#pragma once

#include <actielijst/view.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

enum class ChangeKind : int { added = 0, changed = 1, removed = 2 };
std::string_view to_string(ChangeKind kind) noexcept;

/// A state of affairs of (action, scope) that is new, different or gone. A change
/// is "changed" when the state, the text or the date differs.
struct StatusChange {
    ChangeKind kind = ChangeKind::changed;
    std::string action;
    std::string scope;
    std::optional<StatusUpdate> before;  ///< unset when added
    std::optional<StatusUpdate> after;   ///< unset when removed
    /// True when the state's category went to done or dropped (from another category,
    /// or from no status).
    bool closed = false;
    friend bool operator==(const StatusChange&, const StatusChange&) = default;
};

/// A proposal that is new, was decided, changed otherwise, or is gone.
struct ProposalChange {
    ChangeKind kind = ChangeKind::changed;
    std::string key;
    std::optional<Proposal> before;
    std::optional<Proposal> after;
    /// True when it went from open to adopted, rejected or withdrawn, or is new and
    /// already decided (taken between the two pictures all the same).
    bool decided = false;
    friend bool operator==(const ProposalChange&, const ProposalChange&) = default;
};

/// An action point that joined the list (added), changed (title, goal, owners, scope,
/// due date, references, theme) or left it (removed: closed or taken off the list).
struct ActionChange {
    ChangeKind kind = ChangeKind::changed;
    std::string key;
    std::optional<ActionPoint> before;
    std::optional<ActionPoint> after;
    friend bool operator==(const ActionChange&, const ActionChange&) = default;
};

/// A latest observation that is new, different or gone: a region's own level (one
/// per indicator and region, so a new level is "changed"), or a count of its
/// municipalities at a level (one per indicator, region and level).
struct ObservationChange {
    ChangeKind kind = ChangeKind::changed;
    std::optional<Observation> before;
    std::optional<Observation> after;
    friend bool operator==(const ObservationChange&, const ObservationChange&) = default;
};

struct Changes {
    Date from{1970, 1, 1};  ///< as-of date of the earlier picture
    Date to{1970, 1, 1};    ///< as-of date of the later one
    std::vector<ActionChange> actions;            ///< in the later picture's display order, removed ones last
    std::vector<StatusChange> statuses;           ///< by action display order, then region order
    std::vector<ProposalChange> proposals;        ///< by action display order, then key
    std::vector<ObservationChange> observations;  ///< by indicator, region, level
    bool empty() const noexcept {
        return actions.empty() && statuses.empty() && proposals.empty() && observations.empty();
    }
};

/// Compares two pictures. Deterministic; `before` may be later than `after` (the
/// result then describes going back).
Changes diff(const View& before, const View& after);

}  // namespace actielijst
