#include "output.hpp"

#include <cstdio>
#include <ostream>
#include <unistd.h>

namespace cli {

void print_json(const nlohmann::ordered_json& value) {
    actielijst::write_stdout([&](std::ostream& out) { out << value.dump(2) << "\n"; });
}

namespace {
/// `value` as dump(2) writes it, each line after the first indented by `depth` levels.
void nested(std::ostream& out, const nlohmann::ordered_json& value, int depth) {
    const std::string text = value.dump(2);
    const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    for (const char c : text) {
        out << c;
        if (c == '\n') out << indent;
    }
}
}  // namespace

void JsonStream::next_member(std::string_view key) {
    out_ << (first_member_ ? "{\n  " : ",\n  ") << nlohmann::ordered_json(std::string(key)).dump() << ": ";
    first_member_ = false;
}

void JsonStream::member(std::string_view key, const nlohmann::ordered_json& value) {
    next_member(key);
    nested(out_, value, 1);
}

void JsonStream::begin_array(std::string_view key) {
    next_member(key);
    out_ << '[';
    first_element_ = true;
}

void JsonStream::element(const nlohmann::ordered_json& value) {
    out_ << (first_element_ ? "\n    " : ",\n    ");
    first_element_ = false;
    nested(out_, value, 2);
}

void JsonStream::end_array() { out_ << (first_element_ ? "]" : "\n  ]"); }

void JsonStream::finish() { out_ << (first_member_ ? "{}\n" : "\n}\n"); }

namespace {
nlohmann::ordered_json date_or_null(const std::optional<actielijst::Date>& date) {
    return date ? nlohmann::ordered_json(date->iso()) : nlohmann::ordered_json(nullptr);
}
nlohmann::ordered_json text_or_null(const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}
}  // namespace

nlohmann::ordered_json to_json(const actielijst::Region& region) {
    return {{"code", region.code()},
            {"name", region.name()},
            {"kind", std::string(actielijst::to_string(region.kind()))},
            {"parent", text_or_null(region.parent())},
            {"aliases", region.aliases()},
            {"since", region.period().since ? nlohmann::ordered_json(region.period().since->iso()) : nullptr},
            {"until", region.period().until ? nlohmann::ordered_json(region.period().until->iso()) : nullptr}};
}

nlohmann::ordered_json to_json(const actielijst::StatusUpdate& update) {
    return {{"action", update.action()},   {"scope", update.scope()},
            {"state", update.state()},     {"text", update.text()},
            {"as_of", update.as_of().iso()}, {"author", text_or_null(update.author())},
            {"meeting", text_or_null(update.meeting())}};
}

nlohmann::ordered_json to_json(const actielijst::StatusChange& change) {
    const auto side = [](const std::optional<actielijst::StatusUpdate>& u) {
        return u ? to_json(*u) : nlohmann::ordered_json(nullptr);
    };
    return {{"kind", std::string(actielijst::to_string(change.kind))},
            {"action", change.action},
            {"scope", change.scope},
            {"closed", change.closed},
            {"before", side(change.before)},
            {"after", side(change.after)}};
}

void print_status_change(std::ostream& out, const actielijst::StatusChange& change, const Labels& labels) {
    out << "  status " << actielijst::to_string(change.kind) << "  " << change.action << " / "
        << labels.region(change.scope) << ": " << (change.before ? labels.state(change.before->state()) : "-")
        << " -> " << (change.after ? labels.state(change.after->state()) : "-");
    if (change.closed) out << "  (closed)";
    out << "\n";
}

nlohmann::ordered_json to_json(const actielijst::Proposal& proposal) {
    return {{"key", proposal.key()},
            {"action", proposal.action()},
            {"text", proposal.text()},
            {"state", std::string(actielijst::to_string(proposal.state()))},
            {"kind", std::string(actielijst::to_string(proposal.kind()))},
            {"meeting", text_or_null(proposal.meeting())},
            {"tabled", date_or_null(proposal.tabled())},
            {"decided", date_or_null(proposal.decided())},
            {"decided_meeting", text_or_null(proposal.decided_meeting())},
            {"decision", text_or_null(proposal.decision())}};
}

nlohmann::ordered_json to_json(const actielijst::Finding& finding) {
    auto reasons = nlohmann::ordered_json::array();
    for (const auto& r : finding.reasons) reasons.push_back({{"expression", r.expression}, {"detail", r.detail}});
    return {{"rule", finding.rule},
            {"severity", std::string(actielijst::to_string(finding.severity))},
            {"section", finding.section},
            {"target", std::string(actielijst::to_string(finding.target))},
            {"action", text_or_null(finding.action)},
            {"region", text_or_null(finding.region)},
            {"message", finding.message},
            {"reasons", reasons}};
}

nlohmann::ordered_json to_json(const actielijst::MergeSummary& s) {
    return {{"definitions_added", s.definitions_added},   {"updates_added", s.updates_added},
            {"updates_unchanged", s.updates_unchanged},   {"observations_written", s.observations_written},
            {"contacts_written", s.contacts_written},     {"due_changes_written", s.due_changes_written},
            {"decisions_added", s.decisions_added}};
}

nlohmann::ordered_json to_json(const actielijst::ActionPoint& a) {
    auto owners = nlohmann::ordered_json::array();
    for (const auto& w : a.owners())
        owners.push_back({{"name", w.name()}, {"role", std::string(actielijst::to_string(w.role()))}});
    return {{"key", a.key()},     {"theme", a.theme()},        {"title", a.title()},
            {"goal", a.goal()},   {"owners", owners},          {"scope", a.scope()},
            {"due", date_or_null(a.due())}, {"see_also", a.see_also()}};
}

nlohmann::ordered_json to_json(const actielijst::Observation& o) {
    const auto& v = o.value();
    return {{"indicator", o.indicator()},
            {"region", o.region()},
            {"as_of", o.as_of().iso()},
            {"level", text_or_null(v.level)},
            {"value", v.value ? nlohmann::ordered_json(*v.value) : nlohmann::ordered_json(nullptr)},
            {"count", v.count ? nlohmann::ordered_json(*v.count) : nlohmann::ordered_json(nullptr)},
            {"at_least", v.at_least},
            {"source", text_or_null(o.source())},
            {"note", text_or_null(o.note())}};
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(bool enabled) : enabled_(enabled), started_(std::chrono::steady_clock::now()) {
    if (enabled_) thread_ = std::thread([this] { draw_loop(); });
}

Progress::~Progress() {
    if (!enabled_) return;
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    std::fputs("\r\033[K", stderr);  // erase the line
    std::fflush(stderr);
}

void Progress::phase(std::string text) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    text_ = std::move(text);
    started_ = std::chrono::steady_clock::now();
    draw_locked();  // at once, so even a short phase is seen
}

void Progress::detail(std::string text) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    if (text == text_) return;
    text_ = std::move(text);
    draw_locked();
}

void Progress::draw_locked() {
    static constexpr const char* frames[] = {"|", "/", "-", "\\"};
    if (text_.empty()) return;
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    std::fprintf(stderr, "\r\033[K%s %s  %.1f s", frames[frame_++ % 4], text_.c_str(), elapsed);
    std::fflush(stderr);
}

void Progress::draw_loop() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stop_; })) draw_locked();
}

}  // namespace cli
