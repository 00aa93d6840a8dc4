// Reads straight from the store: history and contacts, each materialised into an
// iterator that owns its records' strings.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::require;

namespace {

struct HistoryList {
    std::vector<actielijst::StatusUpdate> updates;
    actielijst::capi::TextPool texts;
};

struct ContactList {
    std::vector<actielijst::Contact> contacts;
};

}  // namespace

extern "C" {

int actielijst_status_history_iter_new(actielijst_store* store, const char* action, const char* scope,
                                actielijst_status_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const auto a = actielijst::capi::text(fn, "action", action);
        const auto sc = actielijst::capi::optional_text(fn, "scope", scope);
        require(out, fn, "out");
        auto list = std::make_shared<HistoryList>();
        list->updates = s->store.history(a, sc);
        auto it = std::make_unique<actielijst_status_iter>();
        it->items.reserve(list->updates.size());
        for (const auto& u : list->updates)
            it->items.push_back({u.action().c_str(), u.scope().c_str(), u.state().c_str(), -1, u.text().c_str(),
                                 list->texts.keep(u.as_of()), u.author().c_str(), u.meeting().c_str()});
        it->owner = std::move(list);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}

int actielijst_contact_iter_new(actielijst_store* store, actielijst_contact_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(out, fn, "out");
        auto list = std::make_shared<ContactList>();
        list->contacts = s->store.contacts();
        auto it = std::make_unique<actielijst_contact_iter>();
        it->items.reserve(list->contacts.size());
        for (const auto& c : list->contacts)
            it->items.push_back({c.municipality().c_str(), c.role().c_str(), c.name().c_str(), c.email().c_str()});
        it->owner = std::move(list);
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}

int actielijst_contact_iter_next(actielijst_contact_iter* it, actielijst_contact_rec* rec) {
    return actielijst::capi::iter_next(__func__, rec, it);
}

void actielijst_contact_iter_free(actielijst_contact_iter* it) { actielijst::capi::free_handle(it); }

}  // extern "C"
