/// \file
/// actielijst — a whole action list as plain values: what JSON import produces, what
/// Store::merge writes and Store::dump reads.
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
    std::string key;                        ///< name of the entry, e.g. `title`, `source` or `as_of`
    std::variant<std::string, bool> value;  ///< its value: a text or a yes/no flag
    /// Equal when every field is equal.
    friend bool operator==(const MetaEntry&, const MetaEntry&) = default;
};

/// One change of an action's due date, noted on a date. `from` unset: a due date
/// was set where there was none; `to` unset: the due date was removed.
struct DueChange {
    std::string action;        ///< key of the action point
    std::optional<Date> from;  ///< the due date before; unset: there was none
    std::optional<Date> to;    ///< the due date after; unset: it was removed
    Date noted{1970, 1, 1};    ///< the date the change was noted on; it holds from then
    /// Equal when every field is equal.
    friend bool operator==(const DueChange&, const DueChange&) = default;
};

/// A whole action list (or a part of one) as plain values, in the shape of the JSON
/// exchange format (docs/json-format.md): what parse_json() returns, Store::merge()
/// writes and Store::dump() returns. Definitions (themes, regions, states, meetings,
/// actions, proposals, indicators) are identified by key or code and upserted by a
/// merge; history (states of affairs, due-date changes, decisions, observations) is
/// appended.
struct Dataset {
    std::vector<MetaEntry> meta;        ///< free-form description of the list, in document order
    std::vector<Theme> themes;          ///< the themes, in display order
    std::vector<Region> regions;        ///< the regions: province, COROP regions, municipalities
    std::vector<ProgressState> states;  ///< the progress states, in display order
    std::vector<Meeting> meetings;      ///< the steering-group meetings
    std::vector<ActionPoint> actions;   ///< the action points
    /// The due-date history of actions (append-only). Store::dump lists it in action
    /// order, then by noted date. Store::merge inserts these changes (identical stored
    /// ones are skipped) and records no automatic change for an action that has some
    /// here; they may also belong to an action that is only in the store. In JSON each
    /// change sits inside its action object, so to_json refuses one whose action is
    /// not in `actions`.
    std::vector<DueChange> due_changes;
    std::vector<StatusUpdate> updates;  ///< states of affairs (append-only history)
    std::vector<Proposal> proposals;    ///< proposals: what was tabled, when, and the latest decision
    /// The decisions on proposals (append-only), by proposal in the order of
    /// `proposals`, then by date. Store::merge inserts these (identical stored ones are
    /// skipped); they may belong to a proposal that is only in the store. In JSON each
    /// sits inside its proposal object, as `decisions`.
    std::vector<ProposalEvent> proposal_events;
    std::vector<Indicator> indicators;      ///< the monitoring indicators
    std::vector<Observation> observations;  ///< monitoring figures per indicator and region (history)
    std::vector<Contact> contacts;          ///< personal data
};

}  // namespace actielijst
