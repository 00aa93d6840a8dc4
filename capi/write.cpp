// Writes: each builds one core value from checked arguments and stores it in one
// transaction (Store::record, Store::install_default_states, or
// Store::merge of a one-entry Dataset), so a failed write leaves the store as it was.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/dataset.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::input_init;
using actielijst::capi::optional_date;
using actielijst::capi::optional_text;
using actielijst::capi::require;
using actielijst::capi::text;
using actielijst::capi::on_input;

namespace {

constexpr actielijst_update_input default_update = ACTIELIJST_UPDATE_INPUT_INIT;
constexpr actielijst_proposal_input default_proposal = ACTIELIJST_PROPOSAL_INPUT_INIT;
constexpr actielijst_observation_input default_observation = ACTIELIJST_OBSERVATION_INPUT_INIT;
constexpr actielijst_theme_input default_theme = ACTIELIJST_THEME_INPUT_INIT;
constexpr actielijst_region_input default_region = ACTIELIJST_REGION_INPUT_INIT;
constexpr actielijst_state_input default_state = ACTIELIJST_STATE_INPUT_INIT;
constexpr actielijst_action_input default_action = ACTIELIJST_ACTION_INPUT_INIT;
constexpr actielijst_indicator_input default_indicator = ACTIELIJST_INDICATOR_INPUT_INIT;
constexpr actielijst_meeting_input default_meeting = ACTIELIJST_MEETING_INPUT_INIT;
constexpr actielijst_contact_input default_contact = ACTIELIJST_CONTACT_INPUT_INIT;


/// `argument[index]`, e.g. "in->owners[2]".
std::string element(std::string_view argument, std::uint32_t index) {
    return std::string(argument) + "[" + std::to_string(index) + "]";
}

/// A label from checked texts; the core's `label.nl` / `label.en` are the C fields
/// `label_nl` / `label_en`.
actielijst::Label label(std::string nl, std::string en) {
    return actielijst::capi::renaming({{"label.nl", "label_nl"}, {"label.en", "label_en"}},
                                      [&] { return actielijst::Label(std::move(nl), std::move(en)); });
}

/// The owners of an action input, each checked and built as `owners[i]`.
std::vector<actielijst::Owner> owners(const char* fn, const actielijst_action_input& in) {
    actielijst::capi::require_array(in.owners, fn, "in->owners", "owner_count", in.owner_count);
    std::vector<actielijst::Owner> out;
    out.reserve(in.owner_count);
    for (std::uint32_t i = 0; i < in.owner_count; ++i) {
        const auto at = element("in->owners", i);
        auto name = text(fn, at + ".name", in.owners[i].name);
        actielijst::capi::check_enum(fn, at + ".role", in.owners[i].role, ACTIELIJST_OWNER_LEAD,
                                     ACTIELIJST_OWNER_SUPPORT);
        actielijst::capi::with_prefix(element("owners", i), [&] {
            out.emplace_back(std::move(name), static_cast<actielijst::OwnerRole>(in.owners[i].role));
        });
    }
    return out;
}

/// The levels of an indicator input, each checked and built as `levels[i]`.
std::vector<actielijst::Level> levels(const char* fn, const actielijst_indicator_input& in) {
    actielijst::capi::require_array(in.levels, fn, "in->levels", "level_count", in.level_count);
    std::vector<actielijst::Level> out;
    out.reserve(in.level_count);
    for (std::uint32_t i = 0; i < in.level_count; ++i) {
        const auto at = element("in->levels", i);
        auto key = text(fn, at + ".key", in.levels[i].key);
        auto nl = text(fn, at + ".label_nl", in.levels[i].label_nl);
        auto en = optional_text(fn, at + ".label_en", in.levels[i].label_en);
        actielijst::capi::with_prefix(element("levels", i), [&] {
            out.emplace_back(std::move(key), label(std::move(nl), std::move(en)));
        });
    }
    return out;
}

/// Indicator inputs come in two versions: 1 ends after `levels`. A caller built
/// against version 1 has the shorter struct, so only its fields are read or written.
void check_indicator_input_version(const char* fn, const char* argument, std::uint32_t version) {
    if (version != 1 && version != ACTIELIJST_INDICATOR_INPUT_VERSION)
        actielijst::capi::check_version(fn, argument, version, ACTIELIJST_INDICATOR_INPUT_VERSION);
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

int actielijst_theme_input_init(actielijst_theme_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_THEME_INPUT_VERSION, default_theme);
}

int actielijst_region_input_init(actielijst_region_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_REGION_INPUT_VERSION, default_region);
}

int actielijst_state_input_init(actielijst_state_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_STATE_INPUT_VERSION, default_state);
}

int actielijst_action_input_init(actielijst_action_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_ACTION_INPUT_VERSION, default_action);
}

int actielijst_meeting_input_init(actielijst_meeting_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_MEETING_INPUT_VERSION, default_meeting);
}

int actielijst_contact_input_init(actielijst_contact_input* in, uint32_t version) {
    return input_init(__func__, in, version, ACTIELIJST_CONTACT_INPUT_VERSION, default_contact);
}

int actielijst_indicator_input_init(actielijst_indicator_input* in, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(in, fn, "in");
        check_indicator_input_version(fn, "version", version);
        const auto& d = default_indicator;
        in->version = version;
        in->key = d.key;
        in->label_nl = d.label_nl;
        in->label_en = d.label_en;
        in->kind = d.kind;
        in->unit = d.unit;
        in->level_count = d.level_count;
        in->levels = d.levels;
        if (version >= 2) {
            in->action_count = d.action_count;
            in->actions = d.actions;
        }
        return ACTIELIJST_OK;
    });
}

int actielijst_store_import_default_states(actielijst_store* store, uint32_t* added) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const auto count = s->store.install_default_states();
        // At most the eight default states: always fits.
        if (added) *added = static_cast<std::uint32_t>(count);
        return ACTIELIJST_OK;
    });
}

// Definitions: every argument is checked here (naming `in->...`), the core value is
// built (its constructor names the field) and merged as a one-entry Dataset; the
// core's places (`themes[0].key`) become the input's (`in->key`).

int actielijst_store_put_theme(actielijst_store* store, const actielijst_theme_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_THEME_INPUT_VERSION);
        auto key = text(fn, "in->key", in->key);
        auto nl = text(fn, "in->label_nl", in->label_nl);
        auto en = optional_text(fn, "in->label_en", in->label_en);
        actielijst::Dataset one;
        on_input("themes[0]", [&] {
            one.themes.emplace_back(std::move(key), label(std::move(nl), std::move(en)));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_region(actielijst_store* store, const actielijst_region_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_REGION_INPUT_VERSION);
        auto code = text(fn, "in->code", in->code);
        auto name = text(fn, "in->name", in->name);
        actielijst::capi::check_enum(fn, "in->kind", in->kind, ACTIELIJST_REGION_PROVINCE,
                                     ACTIELIJST_REGION_MUNICIPALITY);
        auto parent = optional_text(fn, "in->parent", in->parent);
        auto aliases = actielijst::capi::text_array(fn, "in->aliases", "alias_count", in->alias_count, in->aliases);
        actielijst::Dataset one;
        on_input("regions[0]", [&] {
            one.regions.emplace_back(std::move(code), std::move(name), static_cast<actielijst::RegionKind>(in->kind),
                                     std::move(parent), std::move(aliases));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_state(actielijst_store* store, const actielijst_state_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_STATE_INPUT_VERSION);
        auto key = text(fn, "in->key", in->key);
        actielijst::capi::check_enum(fn, "in->category", in->category, ACTIELIJST_CATEGORY_TODO,
                                     ACTIELIJST_CATEGORY_DROPPED);
        auto nl = text(fn, "in->label_nl", in->label_nl);
        auto en = optional_text(fn, "in->label_en", in->label_en);
        actielijst::Dataset one;
        on_input("states[0]", [&] {
            one.states.emplace_back(std::move(key), static_cast<actielijst::StateCategory>(in->category),
                                    label(std::move(nl), std::move(en)));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_action(actielijst_store* store, const actielijst_action_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_ACTION_INPUT_VERSION);
        auto key = text(fn, "in->key", in->key);
        auto theme = text(fn, "in->theme", in->theme);
        auto title = text(fn, "in->title", in->title);
        auto goal = text(fn, "in->goal", in->goal);
        const auto due = optional_date(fn, "in->due", in->due);
        auto who = owners(fn, *in);
        auto scope = actielijst::capi::text_array(fn, "in->scope", "scope_count", in->scope_count, in->scope);
        auto see_also =
            actielijst::capi::text_array(fn, "in->see_also", "see_also_count", in->see_also_count, in->see_also);
        actielijst::Dataset one;
        on_input("actions[0]", [&] {
            one.actions.emplace_back(std::move(key), std::move(theme), std::move(title), std::move(goal),
                                     std::move(who), std::move(scope), due, std::move(see_also));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_indicator(actielijst_store* store, const actielijst_indicator_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        check_indicator_input_version(fn, "in->version", in->version);
        auto key = text(fn, "in->key", in->key);
        auto nl = text(fn, "in->label_nl", in->label_nl);
        auto en = optional_text(fn, "in->label_en", in->label_en);
        actielijst::capi::check_enum(fn, "in->kind", in->kind, ACTIELIJST_INDICATOR_ORDINAL,
                                     ACTIELIJST_INDICATOR_NUMBER);
        auto unit = optional_text(fn, "in->unit", in->unit);
        auto steps = levels(fn, *in);
        std::vector<std::string> measures;
        if (in->version >= 2)
            measures = actielijst::capi::text_array(fn, "in->actions", "action_count", in->action_count, in->actions);
        actielijst::Dataset one;
        on_input("indicators[0]", [&] {
            one.indicators.emplace_back(std::move(key), label(std::move(nl), std::move(en)),
                                        static_cast<actielijst::IndicatorKind>(in->kind), std::move(steps),
                                        std::move(unit), actielijst::Period{}, std::move(measures));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_record_update(actielijst_store* store, const actielijst_update_input* in, int32_t* added) {
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
        const bool stored = on_input("", [&] {
            return s->store.record(actielijst::StatusUpdate(std::move(action), std::move(scope), std::move(state),
                                                            std::move(body), as_of, std::move(author),
                                                            std::move(meeting)));
        });
        if (added) *added = stored ? 1 : 0;
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_proposal(actielijst_store* store, const actielijst_proposal_input* in) {
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
        on_input("proposals[0]", [&] {
            one.proposals.emplace_back(std::move(key), std::move(action), std::move(body),
                                       static_cast<actielijst::ProposalState>(in->state),
                                       static_cast<actielijst::ProposalKind>(in->kind), std::move(meeting), decided);
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_observation(actielijst_store* store, const actielijst_observation_input* in) {
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
        on_input("observations[0]", [&] {
            one.observations.emplace_back(std::move(indicator), std::move(region), as_of, std::move(value),
                                          std::move(source), std::move(note));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_meeting(actielijst_store* store, const actielijst_meeting_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_MEETING_INPUT_VERSION);
        auto k = text(fn, "in->key", in->key);
        const auto d = actielijst::capi::date(fn, "in->date", in->date);
        auto t = optional_text(fn, "in->title", in->title);
        actielijst::Dataset one;
        on_input("meetings[0]", [&] {
            one.meetings.emplace_back(std::move(k), d, std::move(t));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

int actielijst_store_put_contact(actielijst_store* store, const actielijst_contact_input* in) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(in, fn, "in");
        actielijst::capi::check_version(fn, "in->version", in->version, ACTIELIJST_CONTACT_INPUT_VERSION);
        auto m = text(fn, "in->municipality", in->municipality);
        auto r = text(fn, "in->role", in->role);
        auto n = text(fn, "in->name", in->name);
        auto e = optional_text(fn, "in->email", in->email);
        actielijst::Dataset one;
        on_input("contacts[0]", [&] {
            one.contacts.emplace_back(std::move(m), std::move(r), std::move(n), std::move(e));
            s->store.merge(one);
        });
        return ACTIELIJST_OK;
    });
}

}  // extern "C"
