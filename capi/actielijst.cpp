// The C API: argument checks, then the C++ core, all through the one guard.
#include "guard.hpp"

#include <actielijst/store.hpp>
#include <actielijst/version.hpp>

#include <cstdlib>
#include <cstring>
#include <new>

struct actielijst_store {
    actielijst::Store store;
};

namespace actielijst::capi {
const char* message() noexcept;
}

using actielijst::capi::guard;
using actielijst::capi::invalid_argument;

namespace {

/// Copies text into a malloc'd, NUL-terminated buffer owned by the caller.
int fill_buf(actielijst_buf* out, const std::string& text) {
    auto* data = static_cast<char*>(std::malloc(text.size() + 1));
    if (!data) throw std::bad_alloc();
    std::memcpy(data, text.data(), text.size());
    data[text.size()] = '\0';
    out->data = data;
    out->size = text.size();
    return ACTIELIJST_OK;
}

}  // namespace

extern "C" {

const char* actielijst_version_string(void) { return actielijst::version_string(); }

int actielijst_version_number(void) { return ACTIELIJST_VERSION_NUMBER; }

const char* actielijst_error_message(void) { return actielijst::capi::message(); }

const char* actielijst_error_name(int code) {
    switch (code) {
        case ACTIELIJST_OK: return "OK";
        case ACTIELIJST_EINVALID: return "EINVALID";
        case ACTIELIJST_ENOTFOUND: return "ENOTFOUND";
        case ACTIELIJST_EEXISTS: return "EEXISTS";
        case ACTIELIJST_ECONFLICT: return "ECONFLICT";
        case ACTIELIJST_ENOMEM: return "ENOMEM";
        case ACTIELIJST_EIO: return "EIO";
        case ACTIELIJST_ESTORAGE: return "ESTORAGE";
        case ACTIELIJST_ESNAPSHOT: return "ESNAPSHOT";
        case ACTIELIJST_EVERSION: return "EVERSION";
        case ACTIELIJST_ITEROVER: return "ITEROVER";
        case ACTIELIJST_EINTERNAL: return "EINTERNAL";
        default: return "unknown";
    }
}

void actielijst_buf_dispose(actielijst_buf* buf) {
    if (!buf) return;
    std::free(buf->data);
    buf->data = nullptr;
    buf->size = 0;
}

int actielijst_store_open(const char* path, actielijst_store** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        if (!path) return invalid_argument(fn, "path is NULL");
        if (!out) return invalid_argument(fn, "out is NULL");
        auto* handle = new actielijst_store{actielijst::Store::open(path)};
        *out = handle;
        return ACTIELIJST_OK;
    });
}

void actielijst_store_free(actielijst_store* store) { delete store; }

int actielijst_store_import_json(actielijst_store* store, const char* json, size_t len) {
    const char* fn = __func__;
    return guard(fn, [&] {
        if (!store) return invalid_argument(fn, "store is NULL");
        if (!json && len > 0) return invalid_argument(fn, "json is NULL");
        store->store.import_json(std::string_view(json ? json : "", len));
        return ACTIELIJST_OK;
    });
}

int actielijst_store_export_json_contacts(actielijst_store* store, int include_contacts, actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        if (!store) return invalid_argument(fn, "store is NULL");
        if (!out) return invalid_argument(fn, "out is NULL");
        return fill_buf(out, store->store.export_json(include_contacts != 0));
    });
}

int actielijst_store_export_json(actielijst_store* store, actielijst_buf* out) {
    return actielijst_store_export_json_contacts(store, 0, out);
}

}  // extern "C"
