// Status updates, proposals and meetings: the dated parts of an action list.
#include <actielijst/meeting.hpp>
#include <actielijst/proposal.hpp>
#include <actielijst/status_update.hpp>

#include "util/enum_names.hpp"

namespace actielijst {
namespace {
constexpr std::array<std::string_view, 4> proposal_state_names{"open", "adopted", "rejected", "withdrawn"};
constexpr std::array<std::string_view, 2> proposal_kind_names{"proposal", "consensus"};
}  // namespace

std::string_view to_string(ProposalState state) noexcept { return detail::enum_name(proposal_state_names, state); }
ProposalState parse_proposal_state(std::string_view text, std::string_view field) {
    return detail::enum_parse<ProposalState>(proposal_state_names, text, field);
}
std::string_view to_string(ProposalKind kind) noexcept { return detail::enum_name(proposal_kind_names, kind); }
ProposalKind parse_proposal_kind(std::string_view text, std::string_view field) {
    return detail::enum_parse<ProposalKind>(proposal_kind_names, text, field);
}

StatusUpdate::StatusUpdate(std::string action, std::string scope, std::string state, std::string text, Date as_of,
                           std::string author, std::string meeting)
    : action_(std::move(action)), scope_(std::move(scope)), state_(std::move(state)), text_(std::move(text)),
      as_of_(as_of), author_(std::move(author)), meeting_(std::move(meeting)) {
    detail::check_key(action_, "action");
    detail::check_text(scope_, "scope", true);
    detail::check_key(state_, "state");
    detail::check_text(text_, "text", true);
    detail::check_text(author_, "author", false);
    if (!meeting_.empty()) detail::check_key(meeting_, "meeting");
}

Proposal::Proposal(std::string key, std::string action, std::string text, ProposalState state, ProposalKind kind,
                   std::string meeting, std::optional<Date> decided, std::optional<Date> tabled,
                   std::string decided_meeting, std::string decision)
    : key_(std::move(key)), action_(std::move(action)), text_(std::move(text)), state_(state), kind_(kind),
      meeting_(std::move(meeting)), decided_(decided), tabled_(tabled), decided_meeting_(std::move(decided_meeting)),
      decision_(std::move(decision)) {
    detail::check_key(key_, "key");
    detail::check_key(action_, "action");
    detail::check_text(text_, "text", true);
    if (static_cast<int>(state_) < 0 || static_cast<int>(state_) > 3)
        detail::fail("state", "unknown proposal state " + std::to_string(static_cast<int>(state_)));
    if (kind_ != ProposalKind::proposal && kind_ != ProposalKind::consensus)
        detail::fail("kind", "unknown proposal kind " + std::to_string(static_cast<int>(kind_)));
    if (!meeting_.empty()) detail::check_key(meeting_, "meeting");
    if (state_ == ProposalState::open && decided_)
        detail::fail("decided", "an open proposal has no decision date (got " + decided_->iso() + ")");
    if (!decided_meeting_.empty()) {
        detail::check_key(decided_meeting_, "decided_meeting");
        if (state_ == ProposalState::open)
            detail::fail("decided_meeting", "an open proposal has no decision meeting (got " + decided_meeting_ + ")");
    }
    detail::check_text(decision_, "decision", false);
    if (state_ == ProposalState::open && !decision_.empty())
        detail::fail("decision", "an open proposal has no decision text");
    if (tabled_ && decided_ && *decided_ < *tabled_)
        detail::fail("decided", "decided on " + decided_->iso() + ", before it was tabled on " + tabled_->iso());
}

Meeting::Meeting(std::string key, Date date, std::string title)
    : key_(std::move(key)), date_(date), title_(std::move(title)) {
    detail::check_key(key_, "key");
    detail::check_text(title_, "title", false);
}

}  // namespace actielijst
