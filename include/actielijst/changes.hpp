/// \file
/// actielijst — what changed between two pictures of an action list: two meeting
/// snapshots, or a snapshot and the store at a date. The report's "changes since
/// the last meeting" section is rendered from this.
#pragma once

#include <actielijst/view.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// How an entry differs between the earlier and the later picture.
enum class ChangeKind : int { added = 0, changed = 1, removed = 2 };
/// \var ChangeKind::added
/// In the later picture only.
/// \var ChangeKind::changed
/// In both pictures, but different.
/// \var ChangeKind::removed
/// In the earlier picture only.

/// The name of `kind`: "added", "changed" or "removed".
std::string_view to_string(ChangeKind kind) noexcept;

/// A state of affairs of (action, scope) that is new, different or gone. A change
/// is "changed" when the state, the text or the date differs.
struct StatusChange {
    ChangeKind kind = ChangeKind::changed;  ///< whether the state of affairs is new, different or gone
    std::string action;                     ///< key of the action point
    std::string scope;                      ///< code of the region it is about (province, COROP region or municipality)
    std::optional<StatusUpdate> before;     ///< unset when added
    std::optional<StatusUpdate> after;      ///< unset when removed
    /// True when the state's category went to done or dropped (from another category,
    /// or from no status).
    bool closed = false;
    /// Equal when every field is equal.
    friend bool operator==(const StatusChange&, const StatusChange&) = default;
};

/// A proposal that is new, was decided, changed otherwise, or is gone.
struct ProposalChange {
    ChangeKind kind = ChangeKind::changed;  ///< whether the proposal is new, different or gone
    std::string key;                        ///< key of the proposal
    std::optional<Proposal> before;         ///< in the earlier picture; unset when added
    std::optional<Proposal> after;          ///< in the later picture; unset when removed
    /// True when it went from open to adopted, rejected or withdrawn, or is new and
    /// already decided (taken between the two pictures all the same).
    bool decided = false;
    /// Equal when every field is equal.
    friend bool operator==(const ProposalChange&, const ProposalChange&) = default;
};

/// An action point that joined the list (added), changed (title, goal, owners, scope,
/// due date, references, theme) or left it (removed: closed or taken off the list).
struct ActionChange {
    ChangeKind kind = ChangeKind::changed;  ///< whether the action point joined, changed or left the list
    std::string key;                        ///< key of the action point
    std::optional<ActionPoint> before;      ///< in the earlier picture; unset when added
    std::optional<ActionPoint> after;       ///< in the later picture; unset when removed
    /// Equal when every field is equal.
    friend bool operator==(const ActionChange&, const ActionChange&) = default;
};

/// A latest observation that is new, different or gone: a region's own level (one
/// per indicator and region, so a new level is "changed"), or a count of its
/// municipalities at a level (one per indicator, region and level).
struct ObservationChange {
    ChangeKind kind = ChangeKind::changed;  ///< whether the observation is new, different or gone
    std::optional<Observation> before;      ///< in the earlier picture; unset when added
    std::optional<Observation> after;       ///< in the later picture; unset when removed
    /// Equal when every field is equal.
    friend bool operator==(const ObservationChange&, const ObservationChange&) = default;
};

/// What changed from one picture of the list to another, as diff() computes it: the
/// action points, states of affairs, proposals and latest observations that are new,
/// different or gone. The report's "changes since the last meeting" section, the
/// decision list and FormReturn::changes are made from it.
struct Changes {
    Date from{1970, 1, 1};  ///< as-of date of the earlier picture
    Date to{1970, 1, 1};    ///< as-of date of the later one
    std::vector<ActionChange> actions;            ///< in the later picture's display order, removed ones last
    std::vector<StatusChange> statuses;           ///< by action display order, then region order
    std::vector<ProposalChange> proposals;        ///< by action display order, then key
    std::vector<ObservationChange> observations;  ///< by indicator, region, level
    /// True when the two pictures differ in nothing that is compared.
    bool empty() const noexcept {
        return actions.empty() && statuses.empty() && proposals.empty() && observations.empty();
    }
};

/// Compares two pictures. Deterministic; `before` may be later than `after` (the
/// result then describes going back).
Changes diff(const View& before, const View& after);

}  // namespace actielijst
