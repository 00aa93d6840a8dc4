#include "forms/layout.hpp"

#include <cctype>

namespace actielijst::forms {
namespace {

struct Headers {
    std::string_view nl;
    std::string_view en;
};

// Index = Column - 1. The headers are what a person reads; the checker also uses
// them to tell that no column was inserted, deleted or moved.
constexpr Headers headers[column_count] = {
    {"Actie (sleutel)", "Action (key)"},
    {"Thema", "Theme"},
    {"Actiepunt", "Action point"},
    {"Gebied", "Area"},
    {"Gebiedscode", "Area code"},
    {"Huidige stand", "Current state"},
    {"Huidige toelichting", "Current state of affairs"},
    {"Datum", "Date"},
    {"Nieuwe stand", "New state"},
    {"Nieuwe toelichting", "New state of affairs"},
    {"Ingevuld door", "Filled in by"},
};

bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

}  // namespace

std::string_view header(Column column, std::string_view language) {
    const auto& h = headers[column - 1];
    return language == "en" ? h.en : h.nl;
}

std::uint32_t column_of_header(std::string_view text) {
    text = trim(text);
    for (std::uint32_t c = 0; c < column_count; ++c)
        if (same_text(text, headers[c].nl) || same_text(text, headers[c].en)) return c + 1;
    return 0;
}

}  // namespace actielijst::forms
