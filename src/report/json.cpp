// render_json: the report model as JSON, members in a fixed order (docs/report.md),
// two-space indented, so equal reports give byte-identical documents.
#include <actielijst/report.hpp>

#include "report/stream.hpp"

#include <cstdio>
#include <ostream>
#include <string>

namespace actielijst {
namespace {

/// Writes into a block that is passed on to the target stream whenever it grows
/// past 16 KiB, between elements.
class Writer {
public:
    explicit Writer(std::ostream& target) : target_(target) {}

    /// Ends the document with a line end and passes the rest on.
    void finish() {
        out_ += '\n';
        report::write_checked(target_, out_);
        out_.clear();
    }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    Writer& key(std::string_view name) {
        element();
        string(name);
        out_ += ": ";
        pending_key_ = true;
        return *this;
    }
    void value(std::string_view s) {
        element();
        string(s);
    }
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(bool b) {
        element();
        out_ += b ? "true" : "false";
    }
    void value(std::int64_t n) {
        element();
        out_ += std::to_string(n);
    }
    void value(std::size_t n) { value(static_cast<std::int64_t>(n)); }
    void value(int n) { value(static_cast<std::int64_t>(n)); }
    void null() {
        element();
        out_ += "null";
    }
    void value(const std::optional<Date>& d) {
        if (d)
            value(d->iso());
        else
            null();
    }
    void strings(const std::vector<std::string>& v) {
        begin_array();
        for (const auto& s : v) value(s);
        end_array();
    }

private:
    static constexpr std::size_t block = 16384;

    void element() {
        if (pending_key_) {
            pending_key_ = false;
            return;
        }
        if (out_.size() >= block) {
            report::write_checked(target_, out_);
            out_.clear();
        }
        if (!first_.empty()) {
            if (!first_.back()) out_ += ',';
            first_.back() = false;
            newline();
        }
    }
    void open(char c) {
        element();
        out_ += c;
        first_.push_back(true);
    }
    void close(char c) {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty) newline();
        out_ += c;
    }
    void newline() {
        out_ += '\n';
        out_.append(first_.size() * 2, ' ');
    }
    void string(std::string_view s) {
        out_ += '"';
        for (char c : s) {
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                // Escaped so the document can be embedded in HTML or a script tag safely.
                case '<': out_ += "\\u003c"; break;
                case '>': out_ += "\\u003e"; break;
                case '&': out_ += "\\u0026"; break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20) {
                        char buf[8];
                        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                        out_ += buf;
                    } else {
                        out_ += c;
                    }
            }
        }
        out_ += '"';
    }

    std::ostream& target_;
    std::string out_;
    std::vector<bool> first_;
    bool pending_key_ = false;
};

void rollup(Writer& w, const Rollup& r) {
    w.begin_object();
    w.key("municipalities").value(r.municipalities);
    w.key("known").value(r.known);
    w.key("known_at_or_above").value(r.known_at_or_above);
    w.key("reported");
    if (r.reported)
        w.value(*r.reported);
    else
        w.null();
    w.key("reported_as_of").value(r.reported_as_of);
    w.end_object();
}

void proposal(Writer& w, const ReportProposal& p) {
    w.begin_object();
    w.key("key").value(p.key);
    w.key("action").value(p.action);
    w.key("action_title").value(p.action_title);
    w.key("kind").value(p.kind);
    w.key("kind_label").value(p.kind_label);
    w.key("state").value(p.state);
    w.key("state_label").value(p.state_label);
    w.key("text").value(p.text);
    w.key("meeting").value(p.meeting);
    w.key("decided").value(p.decided);
    w.end_object();
}

void action(Writer& w, const ReportAction& a) {
    w.begin_object();
    w.key("key").value(a.key);
    w.key("theme").value(a.theme);
    w.key("title").value(a.title);
    w.key("goal").value(a.goal);
    w.key("leads").strings(a.leads);
    w.key("supports").strings(a.supports);
    w.key("due").value(a.due);
    w.key("due_moves").value(a.due_moves);
    w.key("category").value(a.category);
    w.key("category_label").value(a.category_label);
    w.key("overall").value(a.overall);
    w.key("rag").value(a.rag);
    w.key("rag_label").value(a.rag_label);
    w.key("rag_rules").strings(a.rag_rules);
    w.key("scopes").begin_array();
    for (const auto& s : a.scopes) {
        w.begin_object();
        w.key("region").value(s.region);
        w.key("region_name").value(s.region_name);
        w.key("region_kind").value(s.region_kind);
        w.key("parent_name").value(s.parent_name);
        w.key("state").value(s.state);
        w.key("state_label").value(s.state_label);
        w.key("category").value(s.category);
        w.key("text").value(s.text);
        w.key("as_of").value(s.as_of);
        w.key("author").value(s.author);
        w.end_object();
    }
    w.end_array();
    w.key("rollups").begin_array();
    for (const auto& r : a.rollups) {
        w.begin_object();
        w.key("indicator").value(r.indicator);
        w.key("indicator_label").value(r.indicator_label);
        w.key("region").value(r.region);
        w.key("region_name").value(r.region_name);
        w.key("level").value(r.level);
        w.key("level_label").value(r.level_label);
        w.key("rollup");
        rollup(w, r.rollup);
        w.key("words").value(r.words);
        w.end_object();
    }
    w.end_array();
    w.key("proposals").begin_array();
    for (const auto& p : a.proposals) proposal(w, p);
    w.end_array();
    w.key("see_also").begin_array();
    for (const auto& s : a.see_also) {
        w.begin_object();
        w.key("action").value(s.action);
        w.key("title").value(s.title);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

}  // namespace

void render_json(const Report& r, std::ostream& target) {
    Writer w(target);
    w.begin_object();
    w.key("format").value("actielijst-report");
    w.key("format_version").value(2);
    w.key("language").value(r.language);
    w.key("title").value(r.title);
    w.key("as_of").value(r.as_of.iso());
    w.key("as_of_text").value(r.as_of_text);
    w.key("as_of_note").value(r.as_of_note);
    w.key("meeting").value(r.meeting);
    w.key("meeting_title").value(r.meeting_title);
    w.key("meeting_date").value(r.meeting_date);
    w.key("filter").value(r.filter);
    w.key("sections").strings(r.sections);

    const auto& s = r.summary;
    w.key("summary").begin_object();
    w.key("categories").strings(s.categories);
    w.key("category_labels").strings(s.category_labels);
    w.key("themes").begin_array();
    for (const auto& row : s.themes) {
        w.begin_object();
        w.key("theme").value(row.theme);
        w.key("label").value(row.label);
        w.key("counts").begin_array();
        for (auto c : row.counts) w.value(c);
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("actions").value(s.actions);
    w.key("statuses").value(s.statuses);
    w.key("open_proposals").value(s.open_proposals);
    w.key("rag").begin_object();
    for (std::size_t i = 0; i < 4; ++i) w.key(to_string(static_cast<Rag>(i))).value(s.rag[i]);
    w.end_object();
    w.key("findings").begin_object();
    for (std::size_t i = 0; i < 3; ++i) w.key(to_string(static_cast<Severity>(i))).value(s.findings[i]);
    w.end_object();
    w.end_object();

    w.key("overview").begin_object();
    w.key("columns").begin_array();
    for (const auto& c : r.columns) {
        w.begin_object();
        w.key("region").value(c.region);
        w.key("region_name").value(c.region_name);
        w.key("region_kind").value(c.region_kind);
        w.end_object();
    }
    w.end_array();
    w.key("rows").begin_array();
    for (const auto& t : r.themes)
        for (const auto& a : t.actions) {
            w.begin_object();
            w.key("action").value(a.key);
            w.key("theme").value(a.theme);
            w.key("reference").value(a.reference);
            w.key("rag").value(a.rag);
            w.key("rag_label").value(a.rag_label);
            w.key("category").value(a.category);
            w.key("overall").value(a.overall);
            w.key("cells").begin_array();
            for (const auto& c : a.cells) {
                w.begin_object();
                w.key("in_scope").value(c.in_scope);
                w.key("category").value(c.category);
                w.key("label").value(c.label);
                w.key("as_of").value(c.as_of);
                w.end_object();
            }
            w.end_array();
            w.end_object();
        }
    w.end_array();
    w.end_object();

    w.key("decisions").begin_array();
    for (const auto& p : r.decisions) proposal(w, p);
    w.end_array();

    w.key("signals").begin_array();
    for (const auto& f : r.signals) {
        w.begin_object();
        w.key("rule").value(f.rule);
        w.key("severity").value(f.severity);
        w.key("severity_label").value(f.severity_label);
        w.key("action").value(f.action);
        w.key("action_title").value(f.action_title);
        w.key("region").value(f.region);
        w.key("region_name").value(f.region_name);
        w.key("message").value(f.message);
        w.key("reasons").begin_array();
        for (std::size_t i = 0; i < f.reasons.size(); ++i) {
            w.begin_object();
            w.key("expression").value(f.reasons[i].expression);
            w.key("detail").value(f.reasons[i].detail);
            w.key("words").value(i < f.reason_words.size() ? f.reason_words[i] : std::string());
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();

    w.key("changes_from").value(r.changes_from);
    w.key("changes").begin_array();
    for (const auto& c : r.changes) {
        w.begin_object();
        w.key("what").value(c.what);
        w.key("kind").value(c.kind);
        w.key("kind_label").value(c.kind_label);
        w.key("subject").value(c.subject);
        w.key("region_name").value(c.region_name);
        w.key("before").value(c.before);
        w.key("after").value(c.after);
        w.end_object();
    }
    w.end_array();

    w.key("themes").begin_array();
    for (const auto& t : r.themes) {
        w.begin_object();
        w.key("key").value(t.key);
        w.key("label").value(t.label);
        w.key("actions").begin_array();
        for (const auto& a : t.actions) action(w, a);
        w.end_array();
        w.end_object();
    }
    w.end_array();

    w.key("coverage").begin_array();
    for (const auto& c : r.coverage) {
        w.begin_object();
        w.key("indicator").value(c.indicator);
        w.key("indicator_label").value(c.indicator_label);
        w.key("region").value(c.region);
        w.key("region_name").value(c.region_name);
        w.key("level_label").value(c.level_label);
        w.key("rollup");
        rollup(w, c.rollup);
        w.key("levels").begin_array();
        for (const auto& l : c.levels) {
            w.begin_object();
            w.key("level").value(l.level);
            w.key("level_label").value(l.level_label);
            w.key("count").value(l.count);
            w.end_object();
        }
        w.end_array();
        w.key("unknown").value(c.unknown);
        w.key("words").value(c.words);
        w.end_object();
    }
    w.end_array();

    w.key("monitoring").begin_array();
    for (const auto& o : r.monitoring) {
        w.begin_object();
        w.key("indicator").value(o.indicator);
        w.key("indicator_label").value(o.indicator_label);
        w.key("region").value(o.region);
        w.key("region_name").value(o.region_name);
        w.key("value").value(o.value);
        w.key("source").value(o.source);
        w.key("note").value(o.note);
        w.key("as_of").value(o.as_of.iso());
        w.key("age_days").value(o.age_days);
        w.end_object();
    }
    w.end_array();

    w.key("contacts").begin_array();
    for (const auto& c : r.contacts) {
        w.begin_object();
        w.key("municipality").value(c.municipality);
        w.key("municipality_name").value(c.municipality_name);
        w.key("role").value(c.role);
        w.key("name").value(c.name);
        w.key("email").value(c.email);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish();
}

std::string render_json(const Report& r) {
    return report::collect([&](std::ostream& out) { render_json(r, out); });
}

}  // namespace actielijst
