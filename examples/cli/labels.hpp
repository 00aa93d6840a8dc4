// actielijst CLI — what a person reads instead of keys: the list's own labels of its
// states, themes and indicators and the names of its regions, in the language of
// --language (Dutch by default, as the report), and the words for the library's
// fixed kinds (region kinds, proposal states, severities). --json keeps the keys.
#pragma once

#include <actielijst.hpp>
#include <actielijst/rules.hpp>

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <string_view>

namespace cli {

class Labels {
public:
    /// From the list's definitions (Store::definitions(): no history is read).
    Labels(const actielijst::Store& store, std::string language);
    /// From a picture's definitions, e.g. the View a command already holds.
    Labels(const actielijst::View& view, std::string language);

    const std::string& language() const noexcept { return language_; }

    /// The state's label, or the key itself for a state the list does not define.
    const std::string& state(const std::string& key) const;
    /// The region's name, or the code itself for an unknown one.
    const std::string& region(const std::string& code) const;
    /// The theme's label, or the key itself.
    const std::string& theme(const std::string& key) const;
    /// The indicator's label, or the key itself.
    const std::string& indicator(const std::string& key) const;

    std::string_view kind(actielijst::RegionKind kind) const noexcept;
    std::string_view proposal_state(actielijst::ProposalState state) const noexcept;
    std::string_view severity(actielijst::Severity severity) const noexcept;

private:
    void add(const actielijst::Dataset& definitions);
    std::string language_;
    std::map<std::string, std::string, std::less<>> states_, regions_, themes_, indicators_;
};

/// --language: "nl" or "en"; anything else is a usage error naming the option.
CLI::Validator language_choice();

}  // namespace cli
