// The steering-group report: options checked at the boundary (so a bad language or
// section fails before the rules are evaluated), then the library's report pipeline
// (actielijst/report_request.hpp) and renderers, the text handed over in an owned
// buffer.
#include "report.hpp"

#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/decision_list.hpp>
#include <actielijst/report.hpp>
#include <actielijst/report_request.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/store.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::require;

namespace actielijst::capi {
namespace {

constexpr actielijst_report_options default_report_options = ACTIELIJST_REPORT_OPTIONS_INIT;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// "summary, signals" -> {"summary", "signals"}; each name must be a report section.
std::vector<std::string> section_list(const char* fn, const std::string& text) {
    std::vector<std::string> out;
    const auto& known = report_sections();
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto name = trimmed(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        if (name.empty()) continue;
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::string names;
            for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
            fail_arg(fn, "options->sections", "names " + quote(name) + ", not a report section (" + names + ")");
        }
        out.emplace_back(name);
    }
    return out;
}

ReportOptions report_options(const char* fn, const actielijst_report_options& o) {
    ReportOptions r;
    std::string language = optional_text(fn, "options->language", o.language);
    if (!language.empty()) {
        if (language != "nl" && language != "en")
            fail_arg(fn, "options->language", "is " + quote(language) + ", not \"nl\" or \"en\"");
        r.language = std::move(language);
    }
    r.title = optional_text(fn, "options->title", o.title);
    r.sections = section_list(fn, optional_text(fn, "options->sections", o.sections));
    r.filter = optional_text(fn, "options->filter", o.filter);
    r.meeting = optional_text(fn, "options->meeting", o.meeting);
    r.include_contacts = o.include_contacts != 0;
    return r;
}

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

ReportCall report_request(const char* fn, actielijst_view* view, actielijst_rules* rules,
                          const actielijst_report_options* options, actielijst_view* compare) {
    ReportCall call;
    call.request.view = &handle(fn, "view", view)->holder->view;
    if (rules) call.request.rules = &handle(fn, "rules", rules)->holder->rules;
    if (compare) call.request.compare_view = &handle(fn, "compare", compare)->holder->view;
    if (options) check_version(fn, "options->version", options->version, ACTIELIJST_REPORT_OPTIONS_VERSION);
    const actielijst_report_options& o = options ? *options : default_report_options;
    check_enum(fn, "options->format", o.format, ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_JSON);
    call.format = static_cast<ReportFormat>(o.format);
    call.request.options = report_options(fn, o);
    if (call.request.options.include_contacts) {
        if (!o.contact_store) fail_arg(fn, "options->contact_store", "is NULL, but options->include_contacts is set");
        // A view knows no store, so the contacts come from the one the caller names.
        call.request.store = &handle(fn, "options->contact_store", o.contact_store)->store;
    }
    return call;
}

// The pipeline names the meeting it cannot find `meeting`; for the C caller that is
// the option that named it.
Report build_report(const ReportCall& call) {
    return renaming({{"meeting", "options->meeting"}}, [&] { return actielijst::build_report(call.request); });
}

}  // namespace actielijst::capi

extern "C" {

int actielijst_report_options_init(actielijst_report_options* opts, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(opts, fn, "opts");
        actielijst::capi::check_version(fn, "version", version, ACTIELIJST_REPORT_OPTIONS_VERSION);
        *opts = actielijst::capi::default_report_options;
        return ACTIELIJST_OK;
    });
}

int actielijst_report_render(actielijst_view* view, actielijst_rules* rules, const actielijst_report_options* options,
                             actielijst_view* compare, actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::report_request(fn, view, rules, options, compare);
        require(out, fn, "out");
        return capi::fill_buf(out, actielijst::render(capi::build_report(request), request.format));
    });
}

}  // extern "C"

// ---- The report of a store ---------------------------------------------------------

namespace actielijst::capi {
namespace {

constexpr actielijst_store_report_options default_store_report_options = ACTIELIJST_STORE_REPORT_OPTIONS_INIT;

/// The options a store report shares with a view report, in the view report's
/// shape, so both are checked by one function and name the same arguments.
actielijst_report_options shared_options(const actielijst_store_report_options& o) {
    actielijst_report_options shared = default_report_options;
    shared.format = o.format;
    shared.language = o.language;
    shared.title = o.title;
    shared.sections = o.sections;
    shared.filter = o.filter;
    shared.meeting = o.meeting;
    return shared;
}

}  // namespace

ReportCall store_report_request(const char* fn, actielijst_store* store,
                                const actielijst_store_report_options* options) {
    ReportCall call;
    call.request.store = &handle(fn, "store", store)->store;
    if (options)
        check_version(fn, "options->version", options->version, ACTIELIJST_STORE_REPORT_OPTIONS_VERSION);
    const actielijst_store_report_options& o = options ? *options : default_store_report_options;
    check_enum(fn, "options->format", o.format, ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_JSON);
    call.format = static_cast<ReportFormat>(o.format);
    call.request.options = report_options(fn, shared_options(o));
    call.request.options.include_contacts = o.include_contacts != 0;
    call.request.as_of = optional_date(fn, "options->as_of", o.as_of);
    call.request.compare_snapshot = optional_text(fn, "options->compare_snapshot", o.compare_snapshot);
    call.request.compare_date = optional_date(fn, "options->compare_date", o.compare_date);
    if (!call.request.compare_snapshot.empty() && call.request.compare_date)
        fail_arg(fn, "options->compare_date", "is set beside options->compare_snapshot; compare against one of them");
    if (o.rules) call.request.rules = &handle(fn, "options->rules", o.rules)->holder->rules;
    return call;
}

}  // namespace actielijst::capi

extern "C" {

int actielijst_store_report_options_init(actielijst_store_report_options* opts, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(opts, fn, "opts");
        actielijst::capi::check_version(fn, "version", version, ACTIELIJST_STORE_REPORT_OPTIONS_VERSION);
        *opts = actielijst::capi::default_store_report_options;
        return ACTIELIJST_OK;
    });
}

int actielijst_store_report_render(actielijst_store* store, const actielijst_store_report_options* options,
                                   actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto call = capi::store_report_request(fn, store, options);
        require(out, fn, "out");
        return capi::fill_buf(out, actielijst::render(capi::build_report(call), call.format));
    });
}

}  // extern "C"

// ---- The list after a meeting (besluitenlijst) ----------------------------------

namespace actielijst::capi {
namespace {

constexpr actielijst_decision_list_options default_decision_list_options = ACTIELIJST_DECISION_LIST_OPTIONS_INIT;

struct DecisionListRequest {
    const actielijst_store* store = nullptr;
    DecisionListOptions options;
    std::string meeting;
    std::optional<Date> as_of;
    ReportFormat format = ReportFormat::html;
};

/// Checks the arguments of a decision-list call named `fn` before any work.
DecisionListRequest decision_list_request(const char* fn, actielijst_store* store,
                                          const actielijst_decision_list_options* options) {
    DecisionListRequest request;
    request.store = handle(fn, "store", store);
    if (options)
        check_version(fn, "options->version", options->version, ACTIELIJST_DECISION_LIST_OPTIONS_VERSION);
    const actielijst_decision_list_options& o = options ? *options : default_decision_list_options;
    check_enum(fn, "options->format", o.format, ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_JSON);
    request.format = static_cast<ReportFormat>(o.format);
    std::string language = optional_text(fn, "options->language", o.language);
    if (!language.empty()) {
        if (language != "nl" && language != "en")
            fail_arg(fn, "options->language", "is " + quote(language) + ", not \"nl\" or \"en\"");
        request.options.language = std::move(language);
    }
    request.options.title = optional_text(fn, "options->title", o.title);
    if (o.due_within_days < 0)
        fail_arg(fn, "options->due_within_days", "is " + std::to_string(o.due_within_days) + ", not 0 or more");
    request.options.due_within_days = o.due_within_days;
    request.meeting = optional_text(fn, "options->meeting", o.meeting);
    request.as_of = optional_date(fn, "options->as_of", o.as_of);
    return request;
}

DecisionList build_decision_list(const DecisionListRequest& request) {
    return renaming({{"meeting", "options->meeting"}}, [&] {
        return actielijst::build_decision_list(request.store->store, request.meeting, request.options,
                                               request.meeting.empty() ? request.as_of : std::nullopt);
    });
}

}  // namespace
}  // namespace actielijst::capi

extern "C" {

int actielijst_decision_list_options_init(actielijst_decision_list_options* opts, uint32_t version) {
    const char* fn = __func__;
    return guard(fn, [&] {
        require(opts, fn, "opts");
        actielijst::capi::check_version(fn, "version", version, ACTIELIJST_DECISION_LIST_OPTIONS_VERSION);
        *opts = actielijst::capi::default_decision_list_options;
        return ACTIELIJST_OK;
    });
}

int actielijst_decision_list_render(actielijst_store* store, const actielijst_decision_list_options* options,
                                    actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::decision_list_request(fn, store, options);
        require(out, fn, "out");
        return capi::fill_buf(out, actielijst::render_decision_list(capi::build_decision_list(request), request.format));
    });
}

int actielijst_decision_list_render_stream(actielijst_store* store, const actielijst_decision_list_options* options,
                                           actielijst_write_fn write, void* ctx) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::decision_list_request(fn, store, options);
        if (!write) capi::fail_arg(fn, "write", "is NULL");
        // A decision list holds one period's changes, not the whole list, so it is
        // rendered whole and handed over in pieces of 16 KiB.
        const std::string text =
            actielijst::render_decision_list(capi::build_decision_list(request), request.format);
        constexpr std::size_t piece = std::size_t{1} << 14;
        for (std::size_t at = 0; at < text.size(); at += piece) {
            const int rc = write(ctx, text.data() + at, std::min(piece, text.size() - at));
            if (rc != 0)
                throw actielijst::Error(actielijst::Errc::io, std::string(fn) + ": the write callback failed (returned " +
                                                                  std::to_string(rc) + "); the output is incomplete");
        }
        return ACTIELIJST_OK;
    });
}

int actielijst_decision_list_render_file(actielijst_store* store, const actielijst_decision_list_options* options,
                                         const char* path) {
    const char* fn = __func__;
    return guard(fn, [&] {
        namespace capi = actielijst::capi;
        const auto request = capi::decision_list_request(fn, store, options);
        const std::string p = capi::text(fn, "path", path);
        if (p.empty()) capi::fail_arg(fn, "path", "is empty");
        actielijst::render_decision_list_file(capi::build_decision_list(request), request.format, p);
        return ACTIELIJST_OK;
    });
}

}  // extern "C"
