// actielijst — proposals and decisions (voorstel / besluit / consensus).
#pragma once

#include <actielijst/date.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace actielijst {

enum class ProposalState : int { open = 0, adopted = 1, rejected = 2, withdrawn = 3 };
enum class ProposalKind : int { proposal = 0, consensus = 1 };

std::string_view to_string(ProposalState state) noexcept;
ProposalState parse_proposal_state(std::string_view text, std::string_view field = "state");
std::string_view to_string(ProposalKind kind) noexcept;
ProposalKind parse_proposal_kind(std::string_view text, std::string_view field = "kind");

class Proposal {
public:
    /// Throws Error(Errc::invalid) naming the field; an open proposal cannot have a decision date.
    Proposal(std::string key, std::string action, std::string text, ProposalState state,
             ProposalKind kind = ProposalKind::proposal, std::string meeting = {},
             std::optional<Date> decided = std::nullopt);

    const std::string& key() const noexcept { return key_; }
    const std::string& action() const noexcept { return action_; }
    const std::string& text() const noexcept { return text_; }
    ProposalState state() const noexcept { return state_; }
    ProposalKind kind() const noexcept { return kind_; }
    /// Key of the meeting that took (or is to take) it; empty when none.
    const std::string& meeting() const noexcept { return meeting_; }
    const std::optional<Date>& decided() const noexcept { return decided_; }

    friend bool operator==(const Proposal&, const Proposal&) = default;

private:
    std::string key_;
    std::string action_;
    std::string text_;
    ProposalState state_;
    ProposalKind kind_;
    std::string meeting_;
    std::optional<Date> decided_;
};

}  // namespace actielijst
