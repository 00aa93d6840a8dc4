// Views: the C records of a View built once, lookups, and iterators that share them.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <stdexcept>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::require;

namespace actielijst::capi {
namespace {

// Arrays with no elements still get a valid pointer, so a caller never meets NULL.
const char* const no_texts[1] = {""};
const actielijst_owner_rec no_owners[1] = {{"", 0}};
const actielijst_level_rec no_levels[1] = {{"", "", ""}};

template <class T>
const T* array_of(const std::vector<T>& v, const T* empty) {
    return v.empty() ? empty : v.data();
}

std::uint32_t count_of(std::size_t n) {
    if (n > UINT32_MAX) throw std::length_error("more than 2^32 entries in one array");
    return static_cast<std::uint32_t>(n);
}

std::vector<const char*> c_strings(const std::vector<std::string>& texts) {
    std::vector<const char*> out;
    out.reserve(texts.size());
    for (const auto& t : texts) out.push_back(t.c_str());
    return out;
}

template <class T>
std::size_t index_in(const std::vector<T>& items, const T* item) {
    return static_cast<std::size_t>(item - items.data());
}

}  // namespace

ViewHolder::ViewHolder(View data) : view(std::move(data)) {
    as_of = texts.keep(view.as_of());

    for (const auto& t : view.themes()) themes.push_back({t.key().c_str(), t.label().nl().c_str(), t.label().en().c_str()});

    region_aliases.reserve(view.regions().size());
    for (const auto& r : view.regions()) region_aliases.push_back(c_strings(r.aliases()));
    for (std::size_t i = 0; i < view.regions().size(); ++i) {
        const auto& r = view.regions()[i];
        regions.push_back({r.code().c_str(), r.name().c_str(), static_cast<std::int32_t>(r.kind()), r.parent().c_str(),
                           count_of(region_aliases[i].size()), array_of(region_aliases[i], no_texts)});
    }

    for (const auto& s : view.states())
        states.push_back({s.key().c_str(), static_cast<std::int32_t>(s.category()), s.label().nl().c_str(),
                          s.label().en().c_str()});

    for (const auto& m : view.meetings()) meetings.push_back({m.key().c_str(), texts.keep(m.date()), m.title().c_str()});

    for (const auto& a : view.actions()) {
        std::vector<actielijst_owner_rec> owners;
        for (const auto& o : a.owners()) owners.push_back({o.name().c_str(), static_cast<std::int32_t>(o.role())});
        action_owners.push_back(std::move(owners));
        action_scope.push_back(c_strings(a.scope()));
        action_see_also.push_back(c_strings(a.see_also()));
    }
    for (std::size_t i = 0; i < view.actions().size(); ++i) {
        const auto& a = view.actions()[i];
        actions.push_back({a.key().c_str(), a.theme().c_str(), a.title().c_str(), a.goal().c_str(),
                           a.due() ? texts.keep(*a.due()) : "", count_of(action_owners[i].size()),
                           array_of(action_owners[i], no_owners), count_of(action_scope[i].size()),
                           array_of(action_scope[i], no_texts), count_of(action_see_also[i].size()),
                           array_of(action_see_also[i], no_texts)});
    }

    for (const auto& s : view.statuses()) {
        const ProgressState* state = view.state(s.state());
        if (!state) throw std::logic_error("a status names a state the view does not know");
        statuses.push_back({s.action().c_str(), s.scope().c_str(), s.state().c_str(),
                            static_cast<std::int32_t>(state->category()), s.text().c_str(), texts.keep(s.as_of()),
                            s.author().c_str(), s.meeting().c_str()});
    }

    for (const auto& p : view.proposals())
        proposals.push_back({p.key().c_str(), p.action().c_str(), p.text().c_str(),
                             static_cast<std::int32_t>(p.state()), static_cast<std::int32_t>(p.kind()),
                             p.meeting().c_str(), p.decided() ? texts.keep(*p.decided()) : ""});

    for (const auto& ind : view.indicators()) {
        std::vector<actielijst_level_rec> levels;
        for (const auto& l : ind.levels())
            levels.push_back({l.key().c_str(), l.label().nl().c_str(), l.label().en().c_str()});
        indicator_levels.push_back(std::move(levels));
        indicator_actions.push_back(c_strings(ind.actions()));
    }
    for (std::size_t i = 0; i < view.indicators().size(); ++i) {
        const auto& ind = view.indicators()[i];
        indicators.push_back({ind.key().c_str(), ind.label().nl().c_str(), ind.label().en().c_str(),
                              static_cast<std::int32_t>(ind.kind()), ind.unit().c_str(),
                              count_of(indicator_levels[i].size()), array_of(indicator_levels[i], no_levels),
                              count_of(indicator_actions[i].size()), array_of(indicator_actions[i], no_texts)});
    }

    for (const auto& o : view.observations()) {
        const auto& v = o.value();
        observations.push_back({o.indicator().c_str(), o.region().c_str(), texts.keep(o.as_of()), v.level.c_str(),
                                v.value ? 1 : 0, v.value.value_or(0.0), v.count ? 1 : 0, v.count.value_or(0),
                                v.at_least ? 1 : 0, o.source().c_str(), o.note().c_str()});
    }
}

namespace {

const ViewHolder& holder_of(const char* fn, actielijst_view* view) { return *handle(fn, "view", view)->holder; }

/// Makes an iterator over all of the view's `records`.
template <class It, class Rec>
int new_iter(actielijst_view* view, It** out, const char* fn, const std::vector<Rec> ViewHolder::* records) {
    return guard(fn, [&] {
        const auto* v = handle(fn, "view", view);
        const auto& holder = *v->holder;
        require(out, fn, "out");
        auto it = std::make_unique<It>();
        it->owner = v->holder;
        it->shared = &(holder.*records);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}

/// The optional filter argument of an iterator: NULL or "" for none.
std::string filter_of(const char* fn, const char* name, const char* value) {
    return optional_text(fn, name, value);
}

}  // namespace

}  // namespace actielijst::capi

using actielijst::capi::filter_of;
using actielijst::capi::holder_of;
using actielijst::capi::iter_next;
using actielijst::capi::new_iter;
using actielijst::capi::ViewHolder;

extern "C" {

int actielijst_store_view(actielijst_store* store, const char* as_of, actielijst_view** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const auto given = actielijst::capi::optional_date(fn, "as_of", as_of);
        const auto date = given ? *given : s->store.default_date();
        require(out, fn, "out");
        auto h = std::make_unique<actielijst_view>();
        h->holder = std::make_shared<const ViewHolder>(s->store.view(date));
        *out = actielijst::capi::publish(std::move(h));
        return ACTIELIJST_OK;
    });
}

int actielijst_store_view_where(actielijst_store* store, const char* as_of, actielijst_filter* filter,
                                actielijst_view** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const auto given = actielijst::capi::optional_date(fn, "as_of", as_of);
        const auto date = given ? *given : s->store.default_date();
        const auto* f = handle(fn, "filter", filter);
        require(out, fn, "out");
        auto h = std::make_unique<actielijst_view>();
        h->holder = std::make_shared<const ViewHolder>(s->store.view(date, f->filter));
        *out = actielijst::capi::publish(std::move(h));
        return ACTIELIJST_OK;
    });
}

void actielijst_view_free(actielijst_view* view) { actielijst::capi::free_handle(view); }

const char* actielijst_view_selection(const actielijst_view* view) {
    const auto* v = actielijst::capi::live(view);
    return v ? v->holder->view.selection().c_str() : nullptr;
}

const char* actielijst_view_as_of(const actielijst_view* view) {
    const auto* v = actielijst::capi::live(view);
    return v ? v->holder->as_of : nullptr;
}

int actielijst_view_action(actielijst_view* view, const char* key, actielijst_action_rec* rec) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto& h = holder_of(fn, view);
        const std::string k = actielijst::capi::text(fn, "key", key);
        require(rec, fn, "rec");
        const auto* a = h.view.action(k);
        if (!a)
            actielijst::capi::fail_arg(fn, "key", actielijst::capi::quote(k) + " is not an action",
                                       actielijst::Errc::not_found);
        *rec = h.actions[actielijst::capi::index_in(h.view.actions(), a)];
        return ACTIELIJST_OK;
    });
}

int actielijst_view_region(actielijst_view* view, const char* code, actielijst_region_rec* rec) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto& h = holder_of(fn, view);
        const std::string c = actielijst::capi::text(fn, "code", code);
        require(rec, fn, "rec");
        const auto* r = h.view.region(c);
        if (!r)
            actielijst::capi::fail_arg(fn, "code", actielijst::capi::quote(c) + " is not a region code",
                                       actielijst::Errc::not_found);
        *rec = h.regions[actielijst::capi::index_in(h.view.regions(), r)];
        return ACTIELIJST_OK;
    });
}

int actielijst_view_status(actielijst_view* view, const char* action, const char* scope, actielijst_status_rec* rec) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto& h = holder_of(fn, view);
        const std::string_view a = actielijst::capi::text_view(fn, "action", action);
        const std::string_view sc = actielijst::capi::text_view(fn, "scope", scope);
        require(rec, fn, "rec");
        // The status first: one map lookup on success. Which key is unknown is only
        // worked out for the error message.
        const auto* s = h.view.status(a, sc);
        if (!s) {
            if (!h.view.action(a))
                actielijst::capi::fail_arg(fn, "action", actielijst::capi::quote(a) + " is not an action",
                                           actielijst::Errc::not_found);
            if (!h.view.region(sc))
                actielijst::capi::fail_arg(fn, "scope", actielijst::capi::quote(sc) + " is not a region code",
                                           actielijst::Errc::not_found);
            throw actielijst::Error(actielijst::Errc::not_found, std::string(fn) + ": action " + std::string(a) +
                                                                     " has no status for " + std::string(sc) + " at " + h.as_of);
        }
        *rec = h.statuses[actielijst::capi::index_in(h.view.statuses(), s)];
        return ACTIELIJST_OK;
    });
}

int actielijst_view_rollup(actielijst_view* view, const char* indicator, const char* region, const char* level,
                           actielijst_rollup_rec* rec) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto& h = holder_of(fn, view);
        const std::string i = actielijst::capi::text(fn, "indicator", indicator);
        const std::string r = actielijst::capi::text(fn, "region", region);
        const std::string l = actielijst::capi::text(fn, "level", level);
        require(rec, fn, "rec");
        const auto rollup = h.view.rollup(i, r, l);
        const char* reported_as_of = "";
        if (rollup.reported_as_of) {
            // The date of one of the view's observations, so the holder already keeps it.
            reported_as_of = h.texts.find(rollup.reported_as_of->iso());
            if (!reported_as_of) throw std::logic_error("a rollup reports a date no observation has");
        }
        actielijst_rollup_rec out{};
        out.municipalities = static_cast<std::int64_t>(rollup.municipalities);
        out.known_at_or_above = static_cast<std::int64_t>(rollup.known_at_or_above);
        out.known = static_cast<std::int64_t>(rollup.known);
        out.has_reported = rollup.reported ? 1 : 0;
        out.reported = rollup.reported.value_or(0);
        out.reported_as_of = reported_as_of;
        *rec = out;
        return ACTIELIJST_OK;
    });
}

int actielijst_theme_iter_new(actielijst_view* view, actielijst_theme_iter** out) {
    return new_iter(view, out, __func__, &ViewHolder::themes);
}
int actielijst_theme_iter_next(actielijst_theme_iter* it, actielijst_theme_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_theme_iter_free(actielijst_theme_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_region_iter_new(actielijst_view* view, actielijst_region_iter** out) {
    return new_iter(view, out, __func__, &ViewHolder::regions);
}
int actielijst_region_iter_next(actielijst_region_iter* it, actielijst_region_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_region_iter_free(actielijst_region_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_state_iter_new(actielijst_view* view, actielijst_state_iter** out) {
    return new_iter(view, out, __func__, &ViewHolder::states);
}
int actielijst_state_iter_next(actielijst_state_iter* it, actielijst_state_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_state_iter_free(actielijst_state_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_meeting_iter_new(actielijst_view* view, actielijst_meeting_iter** out) {
    return new_iter(view, out, __func__, &ViewHolder::meetings);
}
int actielijst_meeting_iter_next(actielijst_meeting_iter* it, actielijst_meeting_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_meeting_iter_free(actielijst_meeting_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_action_iter_new(actielijst_view* view, const char* theme, actielijst_action_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* v = handle(fn, "view", view);
        const auto& h = *v->holder;
        const std::string t = filter_of(fn, "theme", theme);
        require(out, fn, "out");
        if (!t.empty() && !h.view.theme(t))
            actielijst::capi::fail_arg(fn, "theme", actielijst::capi::quote(t) + " is not a theme",
                                       actielijst::Errc::not_found);
        auto it = std::make_unique<actielijst_action_iter>();
        it->owner = v->holder;
        if (t.empty())
            it->shared = &h.actions;
        else
            for (const auto& a : h.actions)
                if (t == a.theme) it->items.push_back(a);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}
int actielijst_action_iter_next(actielijst_action_iter* it, actielijst_action_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_action_iter_free(actielijst_action_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_status_iter_new(actielijst_view* view, const char* action, actielijst_status_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* v = handle(fn, "view", view);
        const auto& h = *v->holder;
        const std::string a = filter_of(fn, "action", action);
        require(out, fn, "out");
        if (!a.empty() && !h.view.action(a))
            actielijst::capi::fail_arg(fn, "action", actielijst::capi::quote(a) + " is not an action",
                                       actielijst::Errc::not_found);
        auto it = std::make_unique<actielijst_status_iter>();
        it->owner = v->holder;
        if (a.empty())
            it->shared = &h.statuses;
        else
            for (const auto& s : h.statuses)
                if (a == s.action) it->items.push_back(s);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}
int actielijst_status_iter_next(actielijst_status_iter* it, actielijst_status_rec* rec) {
    return iter_next(__func__, rec, it);
}
int actielijst_status_iter_next_batch(actielijst_status_iter* it, actielijst_status_rec* recs, size_t capacity,
                                      size_t* count) {
    return actielijst::capi::iter_next_batch(__func__, recs, capacity, count, it);
}
void actielijst_status_iter_free(actielijst_status_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_proposal_iter_new(actielijst_view* view, actielijst_proposal_iter** out) {
    return new_iter(view, out, __func__, &ViewHolder::proposals);
}
int actielijst_proposal_iter_next(actielijst_proposal_iter* it, actielijst_proposal_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_proposal_iter_free(actielijst_proposal_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_indicator_iter_new(actielijst_view* view, actielijst_indicator_iter** out) {
    return new_iter(view, out, __func__, &ViewHolder::indicators);
}
int actielijst_indicator_iter_next(actielijst_indicator_iter* it, actielijst_indicator_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_indicator_iter_free(actielijst_indicator_iter* it) { actielijst::capi::free_handle(it); }

int actielijst_observation_iter_new(actielijst_view* view, const char* indicator, actielijst_observation_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* v = handle(fn, "view", view);
        const auto& h = *v->holder;
        const std::string i = filter_of(fn, "indicator", indicator);
        require(out, fn, "out");
        if (!i.empty() && !h.view.indicator(i))
            actielijst::capi::fail_arg(fn, "indicator", actielijst::capi::quote(i) + " is not an indicator",
                                       actielijst::Errc::not_found);
        auto it = std::make_unique<actielijst_observation_iter>();
        it->owner = v->holder;
        if (i.empty())
            it->shared = &h.observations;
        else
            for (const auto& o : h.observations)
                if (i == o.indicator) it->items.push_back(o);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}
int actielijst_observation_iter_next(actielijst_observation_iter* it, actielijst_observation_rec* rec) {
    return iter_next(__func__, rec, it);
}
void actielijst_observation_iter_free(actielijst_observation_iter* it) { actielijst::capi::free_handle(it); }

}  // extern "C"
