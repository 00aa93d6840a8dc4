// Forms (uitvraag) through the C API: the options checked at the boundary, the
// core's build_forms and writers, and a returned form processed into a result
// handle whose C records are built once.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/error.hpp>
#include <actielijst/forms.hpp>

#include <algorithm>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::require;

namespace actielijst::capi {

FormResultHolder::FormResultHolder(FormReturn data) : result(std::move(data)) {
    const auto count32 = [](std::size_t n) {
        if (n > UINT32_MAX) throw std::length_error("more than 2^32 entries in one array");
        return static_cast<std::uint32_t>(n);
    };
    regions.reserve(result.regions.size());
    for (const auto& r : result.regions) regions.push_back(r.c_str());
    // Arrays with no elements still get a valid pointer, so a caller never meets NULL.
    static const char* const no_regions[1] = {""};

    updates.reserve(result.updates.size());
    for (const auto& u : result.updates)
        updates.push_back({u.action().c_str(), u.scope().c_str(), u.state().c_str(), -1, u.text().c_str(),
                           texts.keep(u.as_of()), u.author().c_str(), u.meeting().c_str()});

    changes.reserve(result.changes.size());
    for (const auto& c : result.changes) {
        const auto& b = c.before;
        const auto& a = c.after;
        changes.push_back({ACTIELIJST_SUBJECT_STATUS, static_cast<std::int32_t>(c.kind), c.action.c_str(),
                           c.action.c_str(), c.scope.c_str(), "", b ? b->state().c_str() : "",
                           a ? a->state().c_str() : "", b ? texts.keep(b->as_of()) : "",
                           a ? texts.keep(a->as_of()) : "", b ? b->text().c_str() : "", a ? a->text().c_str() : "",
                           c.closed ? 1 : 0, 0});
    }

    wheres.reserve(result.problems.size());
    for (const auto& p : result.problems) wheres.push_back(p.where());
    problems.reserve(result.problems.size());
    for (std::size_t i = 0; i < result.problems.size(); ++i) {
        const auto& p = result.problems[i];
        problems.push_back({p.sheet.c_str(), p.row, p.column, p.message.c_str(), wheres[i].c_str()});
    }

    summary.file = result.file.c_str();
    summary.format = static_cast<std::int32_t>(result.format);
    summary.encoding = result.encoding.c_str();
    summary.meeting = result.meeting.c_str();
    summary.region_count = count32(regions.size());
    summary.regions = regions.empty() ? no_regions : regions.data();
    summary.rows = result.rows;
    summary.unchanged = result.unchanged;
    summary.update_count = updates.size();
    summary.change_count = changes.size();
    summary.problem_count = problems.size();
    summary.stored = result.stored ? 1 : 0;
    summary.ok = result.ok() ? 1 : 0;
}

namespace {

constexpr actielijst_form_options default_form_options = ACTIELIJST_FORM_OPTIONS_INIT;
constexpr actielijst_form_process_options default_process_options = ACTIELIJST_FORM_PROCESS_OPTIONS_INIT;

struct FormsRequest {
    const actielijst_store* store = nullptr;
    FormOptions options;
    FormFormat format = FormFormat::xlsx;
};

/// Checks the arguments of a forms call named `fn` before any work.
FormsRequest forms_request(const char* fn, actielijst_store* store, const actielijst_form_options* options) {
    FormsRequest request;
    request.store = handle(fn, "store", store);
    require(options, fn, "options");  // the meeting is required, so there are no default options
    check_version(fn, "options->version", options->version, ACTIELIJST_FORM_OPTIONS_VERSION);
    const actielijst_form_options& o = *options;
    check_enum(fn, "options->format", o.format, ACTIELIJST_FORM_XLSX, ACTIELIJST_FORM_CSV);
    request.format = static_cast<FormFormat>(o.format);
    std::string language = optional_text(fn, "options->language", o.language);
    if (!language.empty()) {
        if (language != "nl" && language != "en")
            fail_arg(fn, "options->language", "is " + quote(language) + ", not \"nl\" or \"en\"");
        request.options.language = std::move(language);
    }
    request.options.meeting = optional_text(fn, "options->meeting", o.meeting);
    if (request.options.meeting.empty()) fail_arg(fn, "options->meeting", "is NULL or empty: a form is for a meeting");
    request.options.regions =
        text_array(fn, "options->regions", "options->region_count", o.region_count, o.regions);
    request.options.as_of = optional_date(fn, "options->as_of", o.as_of);
    request.options.deadline = optional_date(fn, "options->deadline", o.deadline);
    return request;
}

/// The core's errors are placed at the option field (`regions[1]`); the C caller
/// knows it as a member of `options` (`options->regions[1]`).
template <class F>
decltype(auto) as_options(F&& body) {
    return renaming({{"meeting", "options->meeting"},
                     {"regions", "options->regions"},
                     {"language", "options->language"},
                     {"as_of", "options->as_of"},
                     {"deadline", "options->deadline"},
                     {"format", "options->format"}},
                    std::forward<F>(body));
}

FormSet build(const FormsRequest& request) {
    return as_options([&] { return build_forms(request.store->store, request.options); });
}

}  // namespace
}  // namespace actielijst::capi

extern "C" {

int actielijst_form_options_init(actielijst_form_options* opts, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(opts, fn, "opts");
        actielijst::capi::check_version(fn, "version", version, ACTIELIJST_FORM_OPTIONS_VERSION);
        *opts = actielijst::capi::default_form_options;
        return ACTIELIJST_OK;
    });
}

int actielijst_forms_write_file(actielijst_store* store, const actielijst_form_options* options, const char* path) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::forms_request(fn, store, options);
        const std::string p = capi::text(fn, "path", path);
        if (p.empty()) capi::fail_arg(fn, "path", "is empty");
        const auto forms = capi::build(request);
        capi::as_options([&] { actielijst::write_forms_file(p, forms, request.format); });
        return ACTIELIJST_OK;
    });
}

int actielijst_forms_write_stream(actielijst_store* store, const actielijst_form_options* options,
                                  actielijst_write_fn write, void* ctx) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::forms_request(fn, store, options);
        if (!write) capi::fail_arg(fn, "write", "is NULL");
        // A workbook is a zip archive, whose directory comes last, and a form set is
        // small: it is encoded whole (so no error comes after the first byte but the
        // callback's own) and handed over in pieces of 16 KiB.
        const auto forms = capi::build(request);
        std::ostringstream out;
        capi::as_options([&] { actielijst::write_forms(out, forms, request.format); });
        const std::string bytes = std::move(out).str();
        constexpr std::size_t piece = std::size_t{1} << 14;
        for (std::size_t at = 0; at < bytes.size(); at += piece) {
            const int rc = write(ctx, bytes.data() + at, std::min(piece, bytes.size() - at));
            if (rc != 0)
                throw actielijst::Error(actielijst::Errc::io, std::string(fn) +
                                                                  ": the write callback failed (returned " +
                                                                  std::to_string(rc) + "); the output is incomplete");
        }
        return ACTIELIJST_OK;
    });
}

int actielijst_form_process_options_init(actielijst_form_process_options* opts, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(opts, fn, "opts");
        actielijst::capi::check_version(fn, "version", version, ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION);
        *opts = actielijst::capi::default_process_options;
        return ACTIELIJST_OK;
    });
}

int actielijst_form_process(actielijst_store* store, const char* path, const actielijst_form_process_options* options,
                            actielijst_form_result** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        auto* s = handle(fn, "store", store);
        const std::string p = capi::text(fn, "path", path);
        if (p.empty()) capi::fail_arg(fn, "path", "is empty");
        if (options)
            capi::check_version(fn, "options->version", options->version, ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION);
        const actielijst_form_process_options& o = options ? *options : capi::default_process_options;
        require(out, fn, "out");
        actielijst::ProcessOptions process;
        process.meeting = capi::optional_text(fn, "options->meeting", o.meeting);
        process.dry_run = o.dry_run != 0;
        process.skip_bad_rows = o.skip_bad_rows != 0;

        auto h = std::make_unique<actielijst_form_result>();
        h->holder = std::make_unique<const capi::FormResultHolder>(
            capi::as_options([&] { return actielijst::process_form(s->store, p, process); }));
        const auto& result = h->holder->result;
        std::string message;
        if (!result.ok()) {
            // Built before the handle is published: nothing may fail after that.
            const auto n = result.problems.size();
            message = std::string(fn) + ": " + p + ": " + std::to_string(n) + (n == 1 ? " problem" : " problems") +
                      (result.stored ? "" : ", nothing was stored") +
                      (n > 0 ? "; the first: " + result.problems.front().to_string() : std::string());
        }
        *out = capi::publish(std::move(h));
        if (message.empty()) return ACTIELIJST_OK;
        capi::set_error(message, p);  // placed at the form's file; its problems say where inside
        return ACTIELIJST_EINVALID;
    });
}

void actielijst_form_result_free(actielijst_form_result* result) { actielijst::capi::free_handle(result); }

int actielijst_form_result_summary(actielijst_form_result* result, actielijst_form_summary* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* r = handle(fn, "result", result);
        require(out, fn, "out");
        *out = r->holder->summary;
        return ACTIELIJST_OK;
    });
}

}  // extern "C"

namespace {

/// The *_result_update/_change/_problem functions: record `index` of `records`.
template <class Rec>
int record_at(const char* fn, actielijst_form_result* result, std::size_t index, Rec* rec, const char* what,
              std::vector<Rec> actielijst::capi::FormResultHolder::* records) {
    return guard(fn, [&] {
        const auto* r = handle(fn, "result", result);
        require(rec, fn, "rec");
        const auto& items = (*r->holder).*records;
        if (index >= items.size())
            actielijst::capi::fail_arg(fn, "index",
                                       "is " + std::to_string(index) + ", but there are " +
                                           std::to_string(items.size()) + " " + what,
                                       actielijst::Errc::not_found);
        *rec = items[index];
        return ACTIELIJST_OK;
    });
}

}  // namespace

extern "C" {

int actielijst_form_result_update(actielijst_form_result* result, size_t index, actielijst_status_rec* rec) {
    return record_at(__func__, result, index, rec, "updates", &actielijst::capi::FormResultHolder::updates);
}

int actielijst_form_result_change(actielijst_form_result* result, size_t index, actielijst_change_rec* rec) {
    return record_at(__func__, result, index, rec, "changes", &actielijst::capi::FormResultHolder::changes);
}

int actielijst_form_result_problem(actielijst_form_result* result, size_t index, actielijst_form_problem_rec* rec) {
    return record_at(__func__, result, index, rec, "problems", &actielijst::capi::FormResultHolder::problems);
}

}  // extern "C"
