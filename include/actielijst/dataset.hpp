// actielijst — a whole action list as plain values: what JSON import produces, what
// Store::merge writes and Store::dump reads.
#pragma once

#include <actielijst/action_point.hpp>
#include <actielijst/contact.hpp>
#include <actielijst/date.hpp>
#include <actielijst/indicator.hpp>
#include <actielijst/meeting.hpp>
#include <actielijst/progress_state.hpp>
#include <actielijst/proposal.hpp>
#include <actielijst/region.hpp>
#include <actielijst/status_update.hpp>
#include <actielijst/theme.hpp>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace actielijst {

/// A free-form description entry of the list (title, source, as-of date, ...).
struct MetaEntry {
    std::string key;
    std::variant<std::string, bool> value;
    friend bool operator==(const MetaEntry&, const MetaEntry&) = default;
};

/// One change of an action's due date, noted on a date. `from` unset: a due date
/// was set where there was none; `to` unset: the due date was removed.
struct DueChange {
    std::string action;
    std::optional<Date> from;
    std::optional<Date> to;
    Date noted{1970, 1, 1};
    friend bool operator==(const DueChange&, const DueChange&) = default;
};

struct Dataset {
    std::vector<MetaEntry> meta;
    std::vector<Theme> themes;
    std::vector<Region> regions;
    std::vector<ProgressState> states;
    std::vector<Meeting> meetings;
    std::vector<ActionPoint> actions;
    /// The due-date history of actions (append-only). Store::dump lists it in action
    /// order, then by noted date. Store::merge inserts these changes (identical stored
    /// ones are skipped) and records no automatic change for an action that has some
    /// here; they may also belong to an action that is only in the store. In JSON each
    /// change sits inside its action object, so to_json refuses one whose action is
    /// not in `actions`.
    std::vector<DueChange> due_changes;
    std::vector<StatusUpdate> updates;
    std::vector<Proposal> proposals;
    /// The decisions on proposals (append-only), by proposal in the order of
    /// `proposals`, then by date. Store::merge inserts these (identical stored ones are
    /// skipped); they may belong to a proposal that is only in the store. In JSON each
    /// sits inside its proposal object, as `decisions`.
    std::vector<ProposalEvent> proposal_events;
    std::vector<Indicator> indicators;
    std::vector<Observation> observations;
    std::vector<Contact> contacts;  ///< personal data
};

}  // namespace actielijst
