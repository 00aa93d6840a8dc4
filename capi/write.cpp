// Writes: each builds one core value from checked arguments and stores it in one
// transaction (Store::record, Store::decide, or Store::merge of a one-entry Dataset),
// so a failed write leaves the store as it was.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/dataset.hpp>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::optional_date;
using actielijst::capi::optional_text;
using actielijst::capi::require;
using actielijst::capi::text;
using actielijst::capi::without_prefix;

namespace {

constexpr actielijst_update_input default_update = ACTIELIJST_UPDATE_INPUT_INIT;
constexpr actielijst_proposal_input default_proposal = ACTIELIJST_PROPOSAL_INPUT_INIT;
constexpr actielijst_observation_input default_observation = ACTIELIJST_OBSERVATION_INPUT_INIT;

/// The *_input_init functions: defaults of a known version.
template <class In>
int input_init(const char* fn, In* in, std::uint32_t version, std::uint32_t known, const In& defaults) {
    return guard(fn, [&] {
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "version", version, known);
        *in = defaults;
        return ACTIELIJST_OK;
    });
}

}  // namespace

extern "C" {

int actielijst_update_input_init(actielijst_update_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_UPDATE_INPUT_VERSION, default_update);
}

int actielijst_proposal_input_init(actielijst_proposal_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_PROPOSAL_INPUT_VERSION, default_proposal);
}

int actielijst_observation_input_init(actielijst_observation_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_OBSERVATION_INPUT_VERSION, default_observation);
}

int actielijst_store_record(actielijst_store* store, const actielijst_update_input* in, int* added) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_UPDATE_INPUT_VERSION);
        auto action = text(fn, "in->action", in->action);
        auto scope = text(fn, "in->scope", in->scope);
        auto state = text(fn, "in->state", in->state);
        auto body = text(fn, "in->text", in->text);
        const auto as_of = actielijst::capi::date(fn, "in->as_of", in->as_of);
        auto author = optional_text(fn, "in->author", in->author);
        auto meeting = optional_text(fn, "in->meeting", in->meeting);
        // Store::record already drops the "updates[0]." of a one-entry merge.
        const bool stored = s->store.record(actielijst::StatusUpdate(std::move(action), std::move(scope),
                                                                     std::move(state), std::move(body), as_of,
                                                                     std::move(author), std::move(meeting)));
        if (added) *added = stored ? 1 : 0;
        return ACTIELIJST_OK;
    });
}

int actielijst_store_propose(actielijst_store* store, const actielijst_proposal_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_PROPOSAL_INPUT_VERSION);
        auto key = text(fn, "in->key", in->key);
        auto action = text(fn, "in->action", in->action);
        auto body = text(fn, "in->text", in->text);
        actielijst::capi::check_enum(fn, "in->state", in->state, ACTIELIJST_PROPOSAL_OPEN, ACTIELIJST_PROPOSAL_WITHDRAWN);
        actielijst::capi::check_enum(fn, "in->kind", in->kind, ACTIELIJST_KIND_PROPOSAL, ACTIELIJST_KIND_CONSENSUS);
        auto meeting = optional_text(fn, "in->meeting", in->meeting);
        const auto decided = optional_date(fn, "in->decided", in->decided);
        actielijst::Dataset one;
        without_prefix("proposals[0].", [&] {
            one.proposals.emplace_back(std::move(key), std::move(action), std::move(body),
                                       static_cast<actielijst::ProposalState>(in->state),
                                       static_cast<actielijst::ProposalKind>(in->kind), std::move(meeting), decided);
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_decide(actielijst_store* store, const char* key, int32_t state, const char* decided,
                            const char* meeting) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const auto k = text(fn, "key", key);
        actielijst::capi::check_enum(fn, "state", state, ACTIELIJST_PROPOSAL_OPEN, ACTIELIJST_PROPOSAL_WITHDRAWN);
        const auto date = optional_date(fn, "decided", decided);
        const auto m = optional_text(fn, "meeting", meeting);
        s->store.decide(k, static_cast<actielijst::ProposalState>(state), date, m);
        return ACTIELIJST_OK;
    });
}

int actielijst_store_observe(actielijst_store* store, const actielijst_observation_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_OBSERVATION_INPUT_VERSION);
        auto indicator = text(fn, "in->indicator", in->indicator);
        auto region = text(fn, "in->region", in->region);
        const auto as_of = actielijst::capi::date(fn, "in->as_of", in->as_of);
        actielijst::ObservationValue value;
        value.level = optional_text(fn, "in->level", in->level);
        if (in->has_value) value.value = in->value;
        if (in->has_count) value.count = in->count;
        value.at_least = in->at_least != 0;
        auto source = optional_text(fn, "in->source", in->source);
        auto note = optional_text(fn, "in->note", in->note);
        actielijst::Dataset one;
        without_prefix("observations[0].", [&] {
            one.observations.emplace_back(std::move(indicator), std::move(region), as_of, std::move(value),
                                          std::move(source), std::move(note));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_add_meeting(actielijst_store* store, const char* key, const char* date, const char* title) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        auto k = text(fn, "key", key);
        const auto d = actielijst::capi::date(fn, "date", date);
        auto t = optional_text(fn, "title", title);
        actielijst::Dataset one;
        without_prefix("meetings[0].", [&] {
            one.meetings.emplace_back(std::move(k), d, std::move(t));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_add_contact(actielijst_store* store, const char* municipality, const char* role, const char* name,
                                 const char* email) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        auto m = text(fn, "municipality", municipality);
        auto r = text(fn, "role", role);
        auto n = text(fn, "name", name);
        auto e = optional_text(fn, "email", email);
        actielijst::Dataset one;
        without_prefix("contacts[0].", [&] {
            one.contacts.emplace_back(std::move(m), std::move(r), std::move(n), std::move(e));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

}  // extern "C"
