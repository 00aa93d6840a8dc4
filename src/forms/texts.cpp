#include "forms/texts.hpp"

#include "report/i18n.hpp"

namespace actielijst::forms {
namespace {

bool english(const FormSet& set) { return set.language == "en"; }

std::string date_words(const FormSet& set, const Date& date) { return report::long_date(set.language, date); }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

}  // namespace

std::array<std::string, 6> marker_cells(const FormSet& set, const Form& form) {
    return {std::string(marker), set.meeting.key(), set.meeting.date().iso(), form.region, set.list_title,
            set.as_of.iso()};
}

std::string heading(const FormSet& set, const Form& form) {
    const std::string meeting = date_words(set, set.meeting.date());
    const std::string deadline = date_words(set, set.deadline);
    if (english(set))
        return "State of affairs in " + form.region_name + " for the meeting of " + meeting +
               " — please return by " + deadline;
    return "Stand van zaken " + form.region_name + " voor de vergadering van " + meeting + " — graag terug vóór " +
           deadline;
}

std::array<std::string, last_locked_column> locked_cells(const FormRow& row) {
    return {row.action,
            row.theme_label,
            row.title,
            row.area_name,
            row.area,
            row.current_label,
            row.current ? row.current->text() : std::string(),
            row.current ? row.current->as_of().iso() : std::string()};
}

std::vector<std::string> state_choices(const FormSet& set) {
    std::vector<std::string> out;
    for (const auto& s : set.states) out.push_back(s.label().in(set.language));
    return out;
}

std::vector<std::string> explanation(const FormSet& set) {
    const std::string meeting = date_words(set, set.meeting.date());
    const std::string deadline = date_words(set, set.deadline);
    const std::string as_of = date_words(set, set.as_of);
    const std::string list = set.list_title.empty() ? std::string() : " (" + set.list_title + ")";
    const std::string states = join(state_choices(set), ", ");
    if (english(set))
        return {
            "Request for the state of affairs",
            "This workbook asks for the state of affairs of the action points of the action list" + list +
                " for the meeting of " + meeting + ". Please return it by " + deadline + ".",
            "Each following sheet is for one region. Each row is one action point in one area: the region itself "
            "or one of its municipalities. Columns A to H show the list as it stood on " + as_of +
                "; they are locked and must stay as they are.",
            "Fill in column I (New state) with one of the list's states: " + states +
                ". Column J (New state of affairs) says in a few sentences what happened, and column K who "
                "gives the answer.",
            "Leave a row empty when nothing changed: its state stays as it is. A new text always needs a new "
            "state; choose the current one again when only the text changed.",
            "A municipality that is not on the form yet, for an action point of the region: use one of the "
            "empty rows at the bottom with the action's key in column A and the municipality's CBS code "
            "(e.g. GM1883) in column E.",
            "Do not remove or move rows, columns or sheets. Save the file as it is (XLSX), or as CSV with "
            "semicolons or commas, and send it back. Every row is checked before anything is recorded; a "
            "mistake is reported with its sheet, row and column.",
        };
    return {
        "Uitvraag stand van zaken",
        "Met deze werkmap vragen we de stand van zaken van de actiepunten uit de actielijst" + list +
            " voor de vergadering van " + meeting + ". Graag terugsturen vóór " + deadline + ".",
        "Elk volgend werkblad is voor één regio. Elke rij is één actiepunt in één gebied: de regio zelf of een "
        "van haar gemeenten. De kolommen A tot en met H tonen de lijst zoals die op " + as_of +
            " was; ze zijn beveiligd en moeten blijven zoals ze zijn.",
        "Vul in kolom I (Nieuwe stand) een van de standen van de lijst in: " + states +
            ". Kolom J (Nieuwe toelichting) zegt in een paar zinnen wat er is gebeurd, kolom K wie het antwoord "
            "geeft.",
        "Laat een rij leeg als er niets veranderd is: de stand blijft dan zoals hij is. Een nieuwe toelichting "
        "hoort altijd bij een nieuwe stand; kies de huidige stand opnieuw als alleen de tekst verandert.",
        "Een gemeente die nog niet op het formulier staat, bij een actiepunt van de regio: gebruik een van de "
        "lege rijen onderaan, met de sleutel van het actiepunt in kolom A en de CBS-code van de gemeente "
        "(bijv. GM1883) in kolom E.",
        "Verwijder of verplaats geen rijen, kolommen of werkbladen. Sla het bestand op zoals "
        "het is (XLSX), of als CSV met puntkomma's of komma's, en stuur het terug. Elke rij wordt gecontroleerd "
        "voordat er iets wordt vastgelegd; een fout wordt gemeld met werkblad, rij en kolom.",
    };
}

std::string sheet_name(const Form& form) {
    std::string name;
    for (const char c : form.region_name)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) name += c;
    if (name.empty() || name.front() == '\'') name = form.region;
    // 31 characters at most, cut on a UTF-8 character boundary.
    if (name.size() > 31) {
        std::size_t cut = 31;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
    }
    return name;
}

}  // namespace actielijst::forms
