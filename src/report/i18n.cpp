#include "report/i18n.hpp"

#include <cmath>
#include <cstdio>

namespace actielijst::report {
namespace {

struct Entry {
    std::string_view key, nl, en;
};

constexpr Entry texts[] = {
    {"default_title", "Actielijst", "Action list"},
    {"as_of", "Stand per {}", "As of {}"},
    {"meeting", "Vergadering", "Meeting"},
    {"filter", "Selectie", "Selection"},
    {"contents", "Inhoud", "Contents"},
    {"summary", "Samenvatting", "Summary"},
    {"decisions", "Besluitvorming gevraagd", "Decisions requested"},
    {"signals", "Signalen", "Signals"},
    {"changes", "Wijzigingen sinds de vorige vergadering", "Changes since the last meeting"},
    {"actions", "Actiepunten", "Action points"},
    {"monitoring", "Bijlage: monitoringscijfers", "Appendix: monitoring figures"},
    {"contacts", "Contactpersonen", "Contacts"},
    {"theme", "Thema", "Theme"},
    {"total", "Totaal", "Total"},
    {"todo", "Niet gestart", "Not started"},
    {"active", "Actief", "Active"},
    {"blocked", "Vastgelopen", "Stalled"},
    {"done", "Afgerond", "Done"},
    {"dropped", "Vervallen", "Dropped"},
    {"partial", "Deels gereed", "Partly done"},
    {"none", "Onbekend", "Unknown"},
    {"w_done", "afgerond", "done"},
    {"w_dropped", "vervallen", "dropped"},
    {"w_blocked", "vastgelopen", "stalled"},
    {"w_active", "actief", "active"},
    {"w_todo", "niet gestart", "not started"},
    {"w_none", "onbekend", "unknown"},
    {"n_of_total", "{} van {} {} {}", "{} of {} {} {}"},
    {"unit_regions", "regio's", "regions"},
    {"unit_municipalities", "gemeenten", "municipalities"},
    {"unit_areas", "gebieden", "areas"},
    {"no_figures", "geen cijfers voor de {} gemeenten", "no figures for the {} municipalities"},
    {"overview", "Overzicht", "Overview"},
    {"overview_intro", "De stand per actiepunt en regio; een leeg vak: de regio valt buiten het actiepunt.",
     "The state per action point and region; an empty cell: the region is outside the action point."},
    {"action", "Actiepunt", "Action point"},
    {"explain", "Uitleg als regel", "As a rule"},
    {"overall", "Stand over de regio's", "State across the regions"},
    {"grey", "grijs", "grey"},
    {"green", "groen", "green"},
    {"amber", "oranje", "amber"},
    {"red", "rood", "red"},
    {"alert", "Alarm", "Alert"},
    {"warning", "Waarschuwing", "Warning"},
    {"info", "Ter informatie", "For information"},
    {"rag_counts", "Status: {} rood, {} oranje, {} groen, {} grijs.", "Status: {} red, {} amber, {} green, {} grey."},
    {"count_line", "{} actiepunten, {} standen van zaken, {} open voorstellen.",
     "{} action points, {} states of affairs, {} open proposals."},
    {"signal_counts", "Signalen: {} alarm, {} waarschuwing, {} ter informatie.",
     "Signals: {} alert, {} warning, {} for information."},
    {"chart_states", "Actiepunten per thema en stand", "Action points per theme and state"},
    {"chart_coverage", "Dekking per regio: gemeenten per niveau", "Coverage per region: municipalities per level"},
    {"no_decisions", "Er liggen geen open voorstellen.", "There are no open proposals."},
    {"no_signals", "Geen signalen.", "No signals."},
    {"no_comparison", "Er is geen vergelijking gemaakt.", "No comparison was made."},
    {"no_changes", "Geen wijzigingen sinds {}.", "No changes since {}."},
    {"changes_since", "Wijzigingen van {} tot {}.", "Changes from {} to {}."},
    {"no_actions", "Geen actiepunten geselecteerd.", "No action points selected."},
    {"no_monitoring", "Geen monitoringscijfers.", "No monitoring figures."},
    {"goal", "Doel", "Goal"},
    {"owners", "Betrokken", "Involved"},
    {"lead", "trekker", "lead"},
    {"support", "ondersteunend", "support"},
    {"state", "Stand", "State"},
    {"status", "Status", "Status"},
    {"due", "Gereed", "Due"},
    {"no_due", "geen datum", "no date"},
    {"due_moved", "{} keer verschoven", "moved {} times"},
    {"region", "Regio", "Region"},
    {"date", "Datum", "Date"},
    {"text", "Stand van zaken", "State of affairs"},
    {"no_status", "Geen stand van zaken bekend.", "No state of affairs known."},
    {"rollups", "Indicatoren", "Indicators"},
    {"proposals", "Voorstellen", "Proposals"},
    {"see_also", "Zie ook", "See also"},
    {"proposal", "Voorstel", "Proposal"},
    {"consensus", "Consensus", "Consensus"},
    {"open", "open", "open"},
    {"adopted", "aangenomen", "adopted"},
    {"rejected", "verworpen", "rejected"},
    {"withdrawn", "ingetrokken", "withdrawn"},
    {"rule", "regel", "rule"},
    {"added", "nieuw", "new"},
    {"changed", "gewijzigd", "changed"},
    {"removed", "vervallen", "removed"},
    {"closed", "afgesloten", "closed"},
    {"decided", "besloten", "decided"},
    {"what", "Wat", "What"},
    {"kind", "Soort", "Kind"},
    {"before", "Was", "Before"},
    {"after", "Wordt", "After"},
    {"c_action", "actiepunt", "action point"},
    {"c_status", "stand van zaken", "state of affairs"},
    {"c_proposal", "voorstel", "proposal"},
    {"c_observation", "monitoringscijfer", "monitoring figure"},
    {"indicator", "Indicator", "Indicator"},
    {"value", "Waarde", "Value"},
    {"source", "Bron", "Source"},
    {"note", "Toelichting", "Note"},
    {"age", "Leeftijd", "Age"},
    {"age_days", "{} dagen", "{} days"},
    {"rollup_words", "{} van de {} gemeenten: {}", "{} of {} municipalities: {}"},
    {"rollup_known", "(van {} gemeenten bekend)", "({} municipalities known)"},
    {"rollup_reported", "(opgave van de regio, {})", "(reported by the region, {})"},
    {"or_higher", "{} of hoger", "{} or higher"},
    {"level_count", "{}: {} gemeenten", "{}: {} municipalities"},
    {"at_least", "ten minste {}", "at least {}"},
    {"no_value", "geen getal genoemd", "no figure given"},
    {"name", "Naam", "Name"},
    {"email", "E-mail", "Email"},
    {"role", "Rol", "Role"},
    {"municipality", "Gemeente", "Municipality"},
    {"key", "Code", "Key"},
    {"legend", "Legenda", "Legend"},
    {"footer", "Gemaakt met actielijst.", "Made with actielijst."},
};

constexpr std::string_view months_nl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                          "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::string_view months_en[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string_view tr(std::string_view language, std::string_view key) noexcept {
    for (const auto& e : texts)
        if (e.key == key) return language == "en" ? e.en : e.nl;
    return key;
}

std::string long_date(std::string_view language, const Date& date) {
    const auto& months = language == "en" ? months_en : months_nl;
    return std::to_string(date.day()) + " " + std::string(months[date.month() - 1]) + " " +
           std::to_string(date.year());
}

std::string integer(std::string_view language, std::int64_t value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(value);
    if (negative) digits.erase(0, 1);
    std::string out;
    const char sep = language == "en" ? ',' : '.';
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string number(std::string_view language, double value) {
    if (!std::isfinite(value)) return "?";
    const double rounded = std::round(value * 100.0) / 100.0;
    if (std::fabs(rounded) < 9e15 && rounded == std::trunc(rounded))
        return integer(language, static_cast<std::int64_t>(rounded));
    const double whole = std::trunc(rounded);
    char frac[8];
    std::snprintf(frac, sizeof frac, "%02d", static_cast<int>(std::lround(std::fabs(rounded - whole) * 100.0)));
    std::string f = frac;
    while (!f.empty() && f.back() == '0') f.pop_back();
    std::string head = integer(language, static_cast<std::int64_t>(whole));
    if (rounded < 0 && whole == 0) head = "-0";
    return head + (language == "en" ? "." : ",") + f;
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    auto it = args.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && it != args.end()) {
            out += *it++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace actielijst::report
