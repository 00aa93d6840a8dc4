// Output sinks: the export and the report written as they are produced, to a
// caller's write callback or atomically to a file, instead of into an owned buffer.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "report.hpp"

#include <actielijst/output.hpp>
#include <actielijst/report.hpp>

#include <cstring>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

using actielijst::capi::guard;
using actielijst::capi::handle;

namespace actielijst::capi {
namespace {

/// Buffers output in blocks of 16 KiB and hands each to the caller's callback. A
/// non-zero return throws Error(Errc::io), which the stream around it passes on.
class CallbackBuf : public std::streambuf {
public:
    CallbackBuf(const char* function, actielijst_write_fn write, void* ctx)
        : function_(function), write_(write), ctx_(ctx), buffer_(new char[size]) {
        setp(buffer_.get(), buffer_.get() + size);
    }

    /// Hands over what is buffered.
    void flush_buffer() {
        const auto n = static_cast<std::size_t>(pptr() - pbase());
        setp(buffer_.get(), buffer_.get() + size);
        deliver(buffer_.get(), n);
    }

protected:
    int_type overflow(int_type c) override {
        flush_buffer();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    std::streamsize xsputn(const char* data, std::streamsize n) override {
        const auto count = static_cast<std::size_t>(n);
        if (count > static_cast<std::size_t>(epptr() - pptr())) {
            flush_buffer();
            if (count >= size) {
                deliver(data, count);
                return n;
            }
        }
        std::memcpy(pptr(), data, count);
        pbump(static_cast<int>(count));
        return n;
    }

    int sync() override {
        flush_buffer();
        return 0;
    }

private:
    static constexpr std::size_t size = std::size_t{1} << 14;

    void deliver(const char* data, std::size_t n) {
        if (n == 0) return;
        if (failed_) throw Error(Errc::io, std::string(function_) + ": the write callback failed earlier");
        const int rc = write_(ctx_, data, n);
        if (rc == 0) return;
        failed_ = true;
        throw Error(Errc::io, std::string(function_) + ": the write callback failed (returned " + std::to_string(rc) +
                                  "); the output is incomplete");
    }

    const char* function_;
    actielijst_write_fn write_;
    void* ctx_;
    bool failed_ = false;
    std::unique_ptr<char[]> buffer_;
};

/// The stream the export or the report is written into.
class CallbackStream : public std::ostream {
public:
    CallbackStream(const char* function, actielijst_write_fn callback, void* ctx)
        : std::ostream(nullptr), buf_(function, callback, ctx) {
        rdbuf(&buf_);
        exceptions(std::ios::badbit);
    }
    void finish() { buf_.flush_buffer(); }

private:
    CallbackBuf buf_;
};

void require_write(const char* fn, actielijst_write_fn write) {
    if (!write) fail_arg(fn, "write", "is NULL");
}

}  // namespace
}  // namespace actielijst::capi

extern "C" {

int actielijst_store_export_json_stream(actielijst_store* store, const actielijst_export_options* options,
                                        actielijst_write_fn write, void* ctx) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const bool contacts = actielijst::capi::export_includes_contacts(fn, options);
        actielijst::capi::require_write(fn, write);
        actielijst::capi::CallbackStream out(fn, write, ctx);
        s->store.export_json(out, contacts);
        out.finish();
        return ACTIELIJST_OK;
    });
}

int actielijst_store_export_json_file(actielijst_store* store, const actielijst_export_options* options,
                                      const char* path) {
    const char* fn = __func__;
    return guard(fn, [&] {
        auto* s = handle(fn, "store", store);
        const bool contacts = actielijst::capi::export_includes_contacts(fn, options);
        const std::string p = actielijst::capi::text(fn, "path", path);
        if (p.empty()) actielijst::capi::fail_arg(fn, "path", "is empty");
        actielijst::write_file(p, [&](std::ostream& out) { s->store.export_json(out, contacts); });
        return ACTIELIJST_OK;
    });
}

int actielijst_report_render_stream(actielijst_view* view, actielijst_rules* rules,
                                    const actielijst_report_options* options, actielijst_view* compare,
                                    actielijst_write_fn write, void* ctx) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::report_request(fn, view, rules, options, compare);
        capi::require_write(fn, write);
        const auto report = capi::build_report(request);
        capi::CallbackStream out(fn, write, ctx);
        actielijst::render(report, request.format, out);
        out.finish();
        return ACTIELIJST_OK;
    });
}

int actielijst_report_render_file(actielijst_view* view, actielijst_rules* rules,
                                  const actielijst_report_options* options, actielijst_view* compare,
                                  const char* path) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::report_request(fn, view, rules, options, compare);
        const std::string p = capi::text(fn, "path", path);
        if (p.empty()) capi::fail_arg(fn, "path", "is empty");
        actielijst::render_file(capi::build_report(request), request.format, p);
        return ACTIELIJST_OK;
    });
}

int actielijst_store_report_render_stream(actielijst_store* store, const actielijst_store_report_options* options,
                                          actielijst_write_fn write, void* ctx) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto call = capi::store_report_request(fn, store, options);
        capi::require_write(fn, write);
        const auto report = capi::build_report(call);
        capi::CallbackStream out(fn, write, ctx);
        actielijst::render(report, call.format, out);
        out.finish();
        return ACTIELIJST_OK;
    });
}

int actielijst_store_report_render_file(actielijst_store* store, const actielijst_store_report_options* options,
                                        const char* path) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto call = capi::store_report_request(fn, store, options);
        const std::string p = capi::text(fn, "path", path);
        if (p.empty()) capi::fail_arg(fn, "path", "is empty");
        actielijst::render_file(capi::build_report(call), call.format, p);
        return ACTIELIJST_OK;
    });
}

}  // extern "C"
