// actielijst CLI — output: JSON for scripts, and a progress line on a terminal.
#pragma once

#include "labels.hpp"

#include <actielijst.hpp>
#include <actielijst/rules.hpp>

#include <actielijst/changes.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace cli {

/// Prints `value` indented, with a final newline, to stdout; Error(Errc::io) with
/// the reason when standard output cannot be written.
void print_json(const nlohmann::ordered_json& value);

/// A JSON object written member by member, its arrays element by element, in the
/// layout of print_json: a listing of any length is never held whole.
class JsonStream {
public:
    explicit JsonStream(std::ostream& out) : out_(out) {}
    void member(std::string_view key, const nlohmann::ordered_json& value);
    void begin_array(std::string_view key);
    void element(const nlohmann::ordered_json& value);
    void end_array();
    /// Closes the object, with a final newline.
    void finish();

private:
    void next_member(std::string_view key);
    std::ostream& out_;
    bool first_member_ = true;
    bool first_element_ = true;
};

nlohmann::ordered_json to_json(const actielijst::Region& region);
nlohmann::ordered_json to_json(const actielijst::StatusUpdate& update);
nlohmann::ordered_json to_json(const actielijst::Proposal& proposal);
nlohmann::ordered_json to_json(const actielijst::Finding& finding);
nlohmann::ordered_json to_json(const actielijst::MergeSummary& summary);
nlohmann::ordered_json to_json(const actielijst::ActionPoint& action);
nlohmann::ordered_json to_json(const actielijst::Observation& observation);
nlohmann::ordered_json to_json(const actielijst::StatusChange& change);
/// "  status changed  wonen-registratie / CR39: stalled -> in_progress  (closed)" and a newline.
void print_status_change(std::ostream& out, const actielijst::StatusChange& change, const Labels& labels);

/// A one-line phase indicator on stderr ("⠋ validating limburg.json  1.2 s"),
/// redrawn by a thread every 100 ms while a long call runs, erased when done.
/// Does nothing unless enabled (the CLI enables it only when stderr is a terminal),
/// so pipes and logs never see control characters.
class Progress {
public:
    explicit Progress(bool enabled);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    ~Progress();

    /// Starts a new phase; its elapsed time restarts.
    void phase(std::string text);
    /// Updates the text of the current phase (e.g. a percentage) without restarting it.
    void detail(std::string text);

private:
    void draw_loop();
    void draw_locked();  ///< with mutex_ held

    bool enabled_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::string text_;
    std::size_t frame_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::thread thread_;
};

/// True when stderr is a terminal.
bool stderr_is_terminal();

}  // namespace cli
