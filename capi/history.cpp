// The meeting cycle in C: decisions on proposals, a proposal's history and the
// store's meetings, each read or written straight through the Store.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::optional_text;
using actielijst::capi::require;
using actielijst::capi::text;

namespace {

constexpr actielijst_decision_input default_decision = ACTIELIJST_DECISION_INPUT_INIT;

struct EventList {
    std::vector<actielijst::ProposalEvent> events;
    actielijst::capi::TextPool texts;
};

struct MeetingList {
    std::vector<actielijst::Meeting> meetings;
    actielijst::capi::TextPool texts;
};

}  // namespace

extern "C" {

int actielijst_decision_input_init(actielijst_decision_input* in, uint32_t version) {
    return actielijst::capi::input_init(__func__, in, version, ACTIELIJST_DECISION_INPUT_VERSION, default_decision);
}

int actielijst_store_record_decision(actielijst_store* store, const actielijst_decision_input* in, int32_t* added) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_DECISION_INPUT_VERSION);
        const auto proposal = text(fn, "in->proposal", in->proposal);
        actielijst::capi::check_enum(fn, "in->state", in->state, ACTIELIJST_PROPOSAL_OPEN,
                                     ACTIELIJST_PROPOSAL_WITHDRAWN);
        const auto date = actielijst::capi::optional_date(fn, "in->date", in->date);
        const auto meeting = optional_text(fn, "in->meeting", in->meeting);
        const auto words = optional_text(fn, "in->text", in->text);
        const bool appended = actielijst::capi::on_input("", [&] {
            return s->store.decide(proposal, static_cast<actielijst::ProposalState>(in->state), date, meeting, words);
        });
        if (added) *added = appended ? 1 : 0;
        return ACTIELIJST_OK;
    });
}

int actielijst_proposal_history_iter_new(actielijst_store* store, const char* proposal,
                                         actielijst_proposal_history_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const auto key = text(fn, "proposal", proposal);
        require(out, fn, "out");
        auto list = std::make_shared<EventList>();
        list->events = s->store.proposal_history(key);
        auto it = std::make_unique<actielijst_proposal_history_iter>();
        it->items.reserve(list->events.size());
        for (const auto& e : list->events)
            it->items.push_back({e.proposal.c_str(), static_cast<std::int32_t>(e.state), list->texts.keep(e.date),
                                 e.meeting.c_str(), e.text.c_str()});
        it->owner = std::move(list);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}

int actielijst_proposal_history_iter_next(actielijst_proposal_history_iter* it, actielijst_proposal_event_rec* rec) {
    return actielijst::capi::iter_next(__func__, rec, it);
}

void actielijst_proposal_history_iter_free(actielijst_proposal_history_iter* it) {
    actielijst::capi::free_handle(it);
}

int actielijst_store_meeting_iter_new(actielijst_store* store, actielijst_meeting_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(out, fn, "out");
        auto list = std::make_shared<MeetingList>();
        list->meetings = s->store.meetings();
        auto it = std::make_unique<actielijst_meeting_iter>();
        it->items.reserve(list->meetings.size());
        for (const auto& m : list->meetings)
            it->items.push_back({m.key().c_str(), list->texts.keep(m.date()), m.title().c_str()});
        it->owner = std::move(list);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}

}  // extern "C"
