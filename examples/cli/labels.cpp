#include "labels.hpp"

namespace cli {
namespace {

template <class Map>
const std::string& find_or(const Map& map, const std::string& key) {
    const auto it = map.find(key);
    return it == map.end() ? key : it->second;
}

template <class Things, class Key, class Text>
void fill(std::map<std::string, std::string, std::less<>>& map, const Things& things, Key key, Text text) {
    for (const auto& t : things) map.insert_or_assign(key(t), text(t));
}

}  // namespace

Labels::Labels(const actielijst::Store& store, std::string language) : language_(std::move(language)) {
    add(store.definitions());
}

Labels::Labels(const actielijst::View& view, std::string language) : language_(std::move(language)) {
    actielijst::Dataset d;
    d.themes = view.themes();
    d.regions = view.regions();
    d.states = view.states();
    d.indicators = view.indicators();
    add(d);
}

void Labels::add(const actielijst::Dataset& d) {
    const auto label = [this](const auto& t) { return t.label().in(language_); };
    fill(states_, d.states, [](const auto& s) { return s.key(); }, label);
    fill(themes_, d.themes, [](const auto& t) { return t.key(); }, label);
    fill(indicators_, d.indicators, [](const auto& i) { return i.key(); }, label);
    fill(regions_, d.regions, [](const auto& r) { return r.code(); }, [](const auto& r) { return r.name(); });
}

const std::string& Labels::state(const std::string& key) const { return find_or(states_, key); }
const std::string& Labels::region(const std::string& code) const { return find_or(regions_, code); }
const std::string& Labels::theme(const std::string& key) const { return find_or(themes_, key); }
const std::string& Labels::indicator(const std::string& key) const { return find_or(indicators_, key); }

std::string_view Labels::kind(actielijst::RegionKind kind) const noexcept {
    const bool nl = language_ == "nl";
    switch (kind) {
        case actielijst::RegionKind::province: return nl ? "provincie" : "province";
        case actielijst::RegionKind::corop: return nl ? "COROP-regio" : "COROP region";
        case actielijst::RegionKind::municipality: return nl ? "gemeente" : "municipality";
    }
    return "";
}

std::string_view Labels::proposal_state(actielijst::ProposalState state) const noexcept {
    const bool nl = language_ == "nl";
    switch (state) {
        case actielijst::ProposalState::open: return "open";
        case actielijst::ProposalState::adopted: return nl ? "aangenomen" : "adopted";
        case actielijst::ProposalState::rejected: return nl ? "verworpen" : "rejected";
        case actielijst::ProposalState::withdrawn: return nl ? "ingetrokken" : "withdrawn";
    }
    return "";
}

std::string_view Labels::severity(actielijst::Severity severity) const noexcept {
    const bool nl = language_ == "nl";
    switch (severity) {
        case actielijst::Severity::info: return "info";
        case actielijst::Severity::warning: return nl ? "waarschuwing" : "warning";
        case actielijst::Severity::alert: return nl ? "alarm" : "alert";
    }
    return "";
}

CLI::Validator language_choice() { return CLI::IsMember({"nl", "en"}); }

}  // namespace cli
