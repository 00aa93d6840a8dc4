/// \file
/// actielijst — proposals and decisions (voorstel / besluit / consensus).
#pragma once

#include <actielijst/date.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace actielijst {

/// Where a proposal stands on a date.
enum class ProposalState : int { open = 0, adopted = 1, rejected = 2, withdrawn = 3 };
/// \var ProposalState::open
/// Tabled and not decided yet, or opened again.
/// \var ProposalState::adopted
/// Adopted by the steering group.
/// \var ProposalState::rejected
/// Rejected by the steering group.
/// \var ProposalState::withdrawn
/// Withdrawn: it no longer awaits a decision.

/// What a proposal asks of the steering group.
enum class ProposalKind : int { proposal = 0, consensus = 1 };
/// \var ProposalKind::proposal
/// A request for a decision (voorstel).
/// \var ProposalKind::consensus
/// A conclusion the group reached (consensus).

/// The name of `state` in JSON and rules: "open", "adopted", "rejected" or "withdrawn".
std::string_view to_string(ProposalState state) noexcept;
/// The state named `text`; anything else throws Error(Errc::invalid) naming `field`.
ProposalState parse_proposal_state(std::string_view text, std::string_view field = "state");
/// The name of `kind` in JSON: "proposal" or "consensus".
std::string_view to_string(ProposalKind kind) noexcept;
/// The kind named `text`; anything else throws Error(Errc::invalid) naming `field`.
ProposalKind parse_proposal_kind(std::string_view text, std::string_view field = "kind");

/// One decision on a proposal (adopted, rejected, withdrawn, or open again), as it
/// was taken: its date, the meeting that took it and the words it was recorded with.
/// A proposal's decisions are append-only history; its state at a date is the
/// state of its latest decision at or before that date, or open when there is none.
struct ProposalEvent {
    std::string proposal;                       ///< key of the proposal
    ProposalState state = ProposalState::open;  ///< the state it put the proposal in (open re-opens it)
    Date date{1970, 1, 1};                      ///< the date it was taken
    std::string meeting;                        ///< key of the meeting that took it; empty when none
    std::string text;                           ///< the decision as recorded; may be empty
    /// Equal when every field is equal.
    friend bool operator==(const ProposalEvent&, const ProposalEvent&) = default;
};

/// A proposal as it stands on one date: what was tabled (when and at which
/// meeting) and its latest decision up to that date.
class Proposal {
public:
    /// Throws Error(Errc::invalid) naming the field: an open proposal has no decision
    /// date, decision meeting or decision text, and a decision is not dated before
    /// the proposal was tabled.
    Proposal(std::string key, std::string action, std::string text, ProposalState state,
             ProposalKind kind = ProposalKind::proposal, std::string meeting = {},
             std::optional<Date> decided = std::nullopt, std::optional<Date> tabled = std::nullopt,
             std::string decided_meeting = {}, std::string decision = {});

    /// Stable key that decisions name the proposal by.
    const std::string& key() const noexcept { return key_; }
    /// Key of the action point it belongs to.
    const std::string& action() const noexcept { return action_; }
    /// What is proposed.
    const std::string& text() const noexcept { return text_; }
    /// Its state on the date the value describes (the state of its latest decision).
    ProposalState state() const noexcept { return state_; }
    /// A request for a decision, or a conclusion reached.
    ProposalKind kind() const noexcept { return kind_; }
    /// Key of the meeting it was tabled at; empty when none. A decision taken at a
    /// later meeting does not change it (see decided_meeting()).
    const std::string& meeting() const noexcept { return meeting_; }
    /// The date of the latest decision; unset while open.
    const std::optional<Date>& decided() const noexcept { return decided_; }
    /// The date it was tabled, from which it is part of the list. Unset only in a
    /// value built by hand (a store always knows it).
    const std::optional<Date>& tabled() const noexcept { return tabled_; }
    /// Key of the meeting that took the latest decision; empty when none.
    const std::string& decided_meeting() const noexcept { return decided_meeting_; }
    /// The words the latest decision was recorded with; empty when none.
    const std::string& decision() const noexcept { return decision_; }

    /// Equal when every field is equal.
    friend bool operator==(const Proposal&, const Proposal&) = default;

private:
    std::string key_;
    std::string action_;
    std::string text_;
    ProposalState state_;
    ProposalKind kind_;
    std::string meeting_;
    std::optional<Date> decided_;
    std::optional<Date> tabled_;
    std::string decided_meeting_;
    std::string decision_;
};

}  // namespace actielijst
