// The C API: version, errors, owned text, and opening, importing and exporting a
// store. Every entry point checks its arguments, then calls the C++ core, all
// inside the one guard.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/store.hpp>
#include <actielijst/version.hpp>

#include <cstdlib>
#include <cstring>
#include <new>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::require;

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

constexpr actielijst_store_options default_store_options = ACTIELIJST_STORE_OPTIONS_INIT;

}  // namespace

extern "C" {

const char* actielijst_version_string(void) { return actielijst::version_string(); }

int actielijst_version_number(void) { return ACTIELIJST_VERSION_NUMBER; }

const char* actielijst_error_message(void) { return actielijst::capi::message(); }

const char* actielijst_error_where(void) { return actielijst::capi::where(); }

int actielijst_error_errno(void) { return actielijst::capi::system_errno(); }

actielijst_text_position actielijst_error_position(void) { return actielijst::capi::position(); }

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
        case ACTIELIJST_EVERSION: return "EVERSION";
        case ACTIELIJST_ITEROVER: return "ITEROVER";
        case ACTIELIJST_EINTERNAL: return "EINTERNAL";
        case ACTIELIJST_EBUSY: return "EBUSY";
        case ACTIELIJST_EREADONLY: return "EREADONLY";
        case ACTIELIJST_EFULL: return "EFULL";
        default: return "unknown";
    }
}

void actielijst_buf_dispose(actielijst_buf* buf) {
    if (!buf) return;
    std::free(buf->data);
    buf->data = nullptr;
    buf->size = 0;
}

namespace {

/// Store options come in two versions: 1 ends after must_exist. A caller built
/// against version 1 has the shorter struct, so only its fields are read or written.
void check_store_options_version(const char* fn, const char* argument, std::uint32_t version) {
    if (version != 1 && version != ACTIELIJST_STORE_OPTIONS_VERSION)
        actielijst::capi::check_version(fn, argument, version, ACTIELIJST_STORE_OPTIONS_VERSION);
}

}  // namespace

int actielijst_store_options_init(actielijst_store_options* opts, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(opts, fn, "opts");
        check_store_options_version(fn, "version", version);
        opts->version = version;
        opts->busy_timeout_ms = default_store_options.busy_timeout_ms;
        opts->must_exist = default_store_options.must_exist;
        if (version >= 2) opts->read_only = default_store_options.read_only;
        return ACTIELIJST_OK;
    });
}

int actielijst_store_open(const char* path, const actielijst_store_options* options, actielijst_store** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const std::string p = actielijst::capi::text(fn, "path", path);
        if (options) {
            check_store_options_version(fn, "options->version", options->version);
            if (options->busy_timeout_ms < 0)
                actielijst::capi::fail_arg(fn, "options->busy_timeout_ms",
                                           "is negative (" + std::to_string(options->busy_timeout_ms) + ")");
        }
        require(out, fn, "out");
        const actielijst_store_options& o = options ? *options : default_store_options;
        actielijst::OpenOptions open;
        open.busy_timeout_ms = o.busy_timeout_ms;
        open.must_exist = o.must_exist != 0;
        open.read_only = o.version >= 2 && o.read_only != 0;
        *out = actielijst::capi::publish(std::make_unique<actielijst_store>(actielijst::Store::open(p, open)));
        return ACTIELIJST_OK;
    });
}

void actielijst_store_free(actielijst_store* store) { actielijst::capi::free_handle(store); }

int actielijst_store_import_json(actielijst_store* store, const char* json, size_t len) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        if (!json && len > 0) actielijst::capi::fail_arg(fn, "json", "is NULL");
        s->store.import_json(std::string_view(json ? json : "", len));
        return ACTIELIJST_OK;
    });
}

int actielijst_export_options_init(actielijst_export_options* opts, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(opts, fn, "opts");
        actielijst::capi::check_version(fn, "version", version, ACTIELIJST_EXPORT_OPTIONS_VERSION);
        *opts = ACTIELIJST_EXPORT_OPTIONS_INIT;
        return ACTIELIJST_OK;
    });
}

int actielijst_store_export_json(actielijst_store* store, const actielijst_export_options* options,
                                 actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const bool contacts = actielijst::capi::export_includes_contacts(fn, options);
        require(out, fn, "out");
        return fill_buf(out, s->store.export_json(contacts));
    });
}

int actielijst_store_resolve_region(actielijst_store* store, const char* code_or_alias, actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const std::string name = actielijst::capi::text(fn, "code_or_alias", code_or_alias);
        require(out, fn, "out");
        const auto code = s->store.resolve_region(name);
        if (!code)
            actielijst::capi::fail_arg(fn, "code_or_alias", actielijst::capi::quote(name) + " is not a region code, name or alias",
                                       actielijst::Errc::not_found);
        return fill_buf(out, *code);
    });
}

int actielijst_store_latest_date(actielijst_store* store, actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(out, fn, "out");
        const auto latest = s->store.latest_date();
        if (!latest)
            throw actielijst::Error(actielijst::Errc::not_found,
                                    std::string(fn) + ": the store holds nothing dated yet");
        return fill_buf(out, latest->iso());
    });
}

int actielijst_store_import_regions(actielijst_store* store, const char* province, int32_t year,
                                          uint32_t* added) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const std::string name = actielijst::capi::text(fn, "province", province);
        if (year < 0) actielijst::capi::fail_arg(fn, "year", "is " + std::to_string(year) + ", not 0 (the latest) or a year");
        const auto summary = s->store.add_province_regions(name, year == 0 ? std::nullopt : std::optional<int>(year));
        if (added) *added = static_cast<uint32_t>(summary.definitions_added);
        return ACTIELIJST_OK;
    });
}

int actielijst_store_default_date(actielijst_store* store, actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        require(out, fn, "out");
        return fill_buf(out, s->store.default_date().iso());
    });
}

}  // extern "C"
