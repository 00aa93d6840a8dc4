// actielijst — a whole action list as plain values: what JSON import produces, what
// Store::merge writes and Store::dump reads.
#pragma once

#include <actielijst/action_point.hpp>
#include <actielijst/contact.hpp>
#include <actielijst/indicator.hpp>
#include <actielijst/meeting.hpp>
#include <actielijst/progress_state.hpp>
#include <actielijst/proposal.hpp>
#include <actielijst/region.hpp>
#include <actielijst/status_update.hpp>
#include <actielijst/theme.hpp>

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

struct Dataset {
    std::vector<MetaEntry> meta;
    std::vector<Theme> themes;
    std::vector<Region> regions;
    std::vector<ProgressState> states;
    std::vector<Meeting> meetings;
    std::vector<ActionPoint> actions;
    std::vector<StatusUpdate> updates;
    std::vector<Proposal> proposals;
    std::vector<Indicator> indicators;
    std::vector<Observation> observations;
    std::vector<Contact> contacts;  ///< personal data
};

}  // namespace actielijst
