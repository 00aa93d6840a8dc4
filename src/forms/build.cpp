// Which rows a region's form asks for, computed from the list as it stood on the
// form's date.
#include <actielijst/error.hpp>
#include <actielijst/forms.hpp>
#include <actielijst/store.hpp>

#include <algorithm>
#include <set>
#include <variant>

#include "forms/rows.hpp"

namespace actielijst {
namespace {

const Meeting& find_meeting(const std::vector<Meeting>& meetings, const std::string& key) {
    if (key.empty()) throw Error(Errc::invalid, "meeting", "a form is for a meeting: give its key");
    for (const auto& m : meetings)
        if (m.key() == key) return m;
    throw Error(Errc::not_found, "meeting", "unknown meeting \"" + key + "\"");
}

std::string meta_title(const View& view) {
    for (const auto& m : view.meta())
        if (m.key == "title")
            if (const auto* text = std::get_if<std::string>(&m.value)) return *text;
    return {};
}

// The regions the forms are for, as codes, in the order asked (or the list's COROP
// regions when none are named).
std::vector<std::string> form_regions(const Store& store, const View& view, const std::vector<std::string>& asked) {
    std::vector<std::string> codes;
    if (asked.empty()) {
        for (const auto& r : view.regions())
            if (r.kind() == RegionKind::corop) codes.push_back(r.code());
        if (codes.empty()) throw Error(Errc::invalid, "regions", "the list has no COROP regions: name the regions");
        return codes;
    }
    for (std::size_t i = 0; i < asked.size(); ++i) {
        const std::string field = "regions[" + std::to_string(i) + "]";
        const auto code = store.resolve_region(asked[i]);
        if (!code || !view.region(*code))
            throw Error(Errc::not_found, field, "unknown region \"" + asked[i] + "\"");
        if (std::find(codes.begin(), codes.end(), *code) != codes.end())
            throw Error(Errc::invalid, field, "region " + *code + " is named twice");
        codes.push_back(*code);
    }
    return codes;
}

}  // namespace

namespace forms {

std::vector<std::string> areas_on_form(const View& view, const ActionPoint& action, const Region& region) {
    std::set<std::string, std::less<>> tracked(action.scope().begin(), action.scope().end());
    for (const auto* s : view.statuses_of(action.key())) tracked.insert(s->scope());
    std::vector<std::string> areas;
    if (tracked.count(region.code())) areas.push_back(region.code());
    if (region.kind() != RegionKind::corop) return areas;
    for (const auto& r : view.regions())  // list order: municipalities in their region's order
        if (r.kind() == RegionKind::municipality && r.parent() == region.code() && tracked.count(r.code()))
            areas.push_back(r.code());
    return areas;
}

Form build_form(const View& view, const Region& region, const std::string& language) {
    Form form;
    form.region = region.code();
    form.region_name = region.name();
    if (region.kind() == RegionKind::corop) form.spare_rows = 5;
    for (const auto& action : view.actions()) {
        for (const auto& area : areas_on_form(view, action, region)) {
            FormRow row;
            row.action = action.key();
            if (const auto* theme = view.theme(action.theme())) row.theme_label = theme->label().in(language);
            row.title = action.title();
            row.area = area;
            row.area_name = view.region(area)->name();
            if (const auto* current = view.status(action.key(), area)) {
                row.current = *current;
                const auto* state = view.state(current->state());
                row.current_label = state ? state->label().in(language) : current->state();
            }
            form.rows.push_back(std::move(row));
        }
    }
    return form;
}

}  // namespace forms

std::string_view to_string(FormFormat format) noexcept { return format == FormFormat::csv ? "csv" : "xlsx"; }

FormFormat parse_form_format(std::string_view text, std::string_view field) {
    if (text == "xlsx") return FormFormat::xlsx;
    if (text == "csv") return FormFormat::csv;
    throw Error(Errc::invalid,
                std::string(field) + ": unknown form format \"" + std::string(text) + "\" (expected xlsx or csv)");
}

FormSet build_forms(const Store& store, const FormOptions& options) {
    if (options.language != "nl" && options.language != "en")
        throw Error(Errc::invalid, "language", "unknown language \"" + options.language + "\" (expected nl or en)");
    const auto meetings = store.meetings();
    const Meeting& meeting = find_meeting(meetings, options.meeting);

    FormSet set(meeting);
    set.language = options.language;
    // The list as it stood before the meeting: the returns are recorded at the
    // meeting's date, so a form read back later still matches what it showed.
    set.as_of = options.as_of.value_or(Date::from_days(meeting.date().days() - 1));
    if (!(set.as_of < meeting.date()))
        throw Error(Errc::invalid, "as_of", "" + set.as_of.iso() + " is not before the meeting of " +
                                       meeting.date().iso() + ": a form shows the list as it stood before the meeting");
    set.deadline = options.deadline.value_or(Date::from_days(meeting.date().days() - 7));
    if (set.deadline > meeting.date())
        throw Error(Errc::invalid, "deadline", "" + set.deadline.iso() + " is after the meeting of " +
                                       meeting.date().iso() + ": the returns are needed before it");

    const View view = store.view(set.as_of);
    set.list_title = meta_title(view);
    set.states = view.states();
    for (const auto& code : form_regions(store, view, options.regions))
        set.forms.push_back(forms::build_form(view, *view.region(code), options.language));
    return set;
}

}  // namespace actielijst
