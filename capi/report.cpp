// The steering-group report: options checked at the boundary (so a bad language or
// section fails before the rules are evaluated), then the core's build_report and
// renderers, the text handed over in an owned buffer.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/report.hpp>

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
        const auto* v = handle(fn, "view", view);
        const auto* r = rules ? handle(fn, "rules", rules) : nullptr;
        const auto* c = compare ? handle(fn, "compare", compare) : nullptr;
        if (options)
            capi::check_version(fn, "options->version", options->version, ACTIELIJST_REPORT_OPTIONS_VERSION);
        const actielijst_report_options& o = options ? *options : capi::default_report_options;
        capi::check_enum(fn, "options->format", o.format, ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_JSON);
        const auto report_options = capi::report_options(fn, o);
        const actielijst_store* contact_store = nullptr;
        if (report_options.include_contacts) {
            if (!o.contact_store)
                capi::fail_arg(fn, "options->contact_store", "is NULL, but options->include_contacts is set");
            contact_store = handle(fn, "options->contact_store", o.contact_store);
        }
        require(out, fn, "out");

        const auto& now = v->holder->view;
        std::optional<actielijst::RuleSet> defaults;
        if (!r) defaults.emplace(actielijst::RuleSet::defaults());
        const auto evaluation = (r ? r->holder->rules : *defaults).evaluate(now);
        std::optional<actielijst::Changes> changes;
        if (c) changes = actielijst::diff(c->holder->view, now);
        std::vector<actielijst::Contact> contacts;
        if (contact_store) contacts = contact_store->store.dump(true).contacts;
        const auto report = actielijst::build_report(now, evaluation, report_options,
                                                     changes ? &*changes : nullptr, contacts);
        return capi::fill_buf(out, actielijst::render(report, static_cast<actielijst::ReportFormat>(o.format)));
    });
}

}  // extern "C"
