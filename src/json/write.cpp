// to_json: a Dataset in the canonical layout of docs/json-format.md. Member order
// is fixed and absent optional members are left out, so equal datasets give
// byte-identical documents.
//
// The document is streamed into the output as it is written, in blocks, rather
// than built as a nlohmann::json tree: a tree's destructor allocates (nlohmann
// destroys nested values through a heap stack), so running out of memory while
// exporting would end the process instead of reporting ENOMEM; and the text of a
// large store is never held whole.
#include <actielijst/error.hpp>
#include <actielijst/json.hpp>

#include "json/document.hpp"
#include "util/check.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {
namespace detail {

/// Writes JSON two-space indented, one member or element per line, the layout
/// nlohmann::json::dump(2) gives. The text gathers in a block that is passed on to
/// the target stream whenever it grows past 16 KiB, between values.
class JsonWriter {
public:
    explicit JsonWriter(std::ostream& target) : target_(target) {}

    /// Ends the document with a line end and passes the rest on.
    void finish() {
        out_ += '\n';
        pass_on();
    }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The name of the next member of the current object.
    void key(std::string_view name) {
        element();
        string(name);
        out_ += ": ";
        pending_key_ = true;
    }

    void value(std::string_view text) {
        element();
        string(text);
    }
    void value(const char* text) { value(std::string_view(text)); }
    void value(bool b) {
        element();
        out_ += b ? "true" : "false";
    }
    void value(std::int64_t n) {
        element();
        out_ += std::to_string(n);
    }
    void value(double d) {
        element();
        // Whole numbers are written without a fraction, so a count reads as 4, not 4.0.
        if (std::nearbyint(d) == d && std::fabs(d) < 9007199254740992.0) {
            out_ += std::to_string(static_cast<std::int64_t>(d));
            return;
        }
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, d);  // shortest text that reads back exactly
        out_.append(buf, r.ptr);
    }

    template <class T>
    void member(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

private:
    struct Level {
        char close;
        bool empty = true;
    };

    static constexpr std::size_t block = 16384;

    void pass_on() {
        if (!target_.write(out_.data(), static_cast<std::streamsize>(out_.size())))
            throw Error(Errc::io, "cannot write the export: the output stream is in a failed state");
        out_.clear();
    }

    /// Starts a value: after a member name it continues the line; in an array or at
    /// the top it starts a new, indented line.
    void element() {
        if (pending_key_) {
            pending_key_ = false;
            return;
        }
        if (out_.size() >= block) pass_on();
        if (levels_.empty()) return;
        out_ += levels_.back().empty ? "\n" : ",\n";
        levels_.back().empty = false;
        indent(levels_.size());
    }
    void open(char c) {
        element();
        out_ += c;
        levels_.push_back({c == '{' ? '}' : ']'});
    }
    void close(char c) {
        const bool empty = levels_.back().empty;
        levels_.pop_back();
        if (!empty) {
            out_ += '\n';
            indent(levels_.size());
        }
        out_ += c;
    }
    void indent(std::size_t depth) { out_.append(2 * depth, ' '); }

    /// A JSON string: quotes, backslashes and control characters escaped, UTF-8 as is.
    void string(std::string_view s) {
        static constexpr char hex[] = "0123456789abcdef";
        out_ += '"';
        for (char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default:
                    if (c < 0x20) {
                        out_ += "\\u00";
                        out_ += hex[c >> 4];
                        out_ += hex[c & 0xF];
                    } else {
                        out_ += ch;
                    }
            }
        }
        out_ += '"';
    }

    std::ostream& target_;
    std::string out_;
    std::vector<Level> levels_;
    bool pending_key_ = false;
};

}  // namespace detail

namespace {

using Writer = detail::JsonWriter;

void label(Writer& w, std::string_view name, const Label& l) {
    w.key(name);
    w.begin_object();
    w.member("nl", l.nl());
    if (!l.en().empty()) w.member("en", l.en());
    w.end_object();
}

void strings(Writer& w, std::string_view name, const std::vector<std::string>& items) {
    w.key(name);
    w.begin_array();
    for (const auto& s : items) w.value(s);
    w.end_array();
}

template <class T, class F>
void list(Writer& w, std::string_view name, const std::vector<T>& items, F&& one) {
    w.key(name);
    w.begin_array();
    for (const auto& item : items) {
        w.begin_object();
        one(w, item);
        w.end_object();
    }
    w.end_array();
}

void period(Writer& w, const Period& p) {
    if (p.since) w.member("since", p.since->iso());
    if (p.until) w.member("until", p.until->iso());
}

void region(Writer& w, const Region& r) {
    w.member("code", r.code());
    w.member("name", r.name());
    w.member("kind", to_string(r.kind()));
    if (!r.parent().empty()) w.member("parent", r.parent());
    if (!r.aliases().empty()) strings(w, "aliases", r.aliases());
    period(w, r.period());
}

void action(Writer& w, const ActionPoint& a, const std::vector<const DueChange*>& due_changes) {
    w.member("key", a.key());
    w.member("theme", a.theme());
    w.member("title", a.title());
    w.member("goal", a.goal());
    if (!a.owners().empty())
        list(w, "owners", a.owners(), [](Writer& o, const Owner& owner) {
            o.member("name", owner.name());
            o.member("role", to_string(owner.role()));
        });
    if (!a.scope().empty()) strings(w, "scope", a.scope());
    if (a.due()) w.member("due", a.due()->iso());
    if (!a.see_also().empty()) strings(w, "see_also", a.see_also());
    period(w, a.period());
    if (!due_changes.empty()) {
        w.key("due_changes");
        w.begin_array();
        for (const auto* c : due_changes) {
            w.begin_object();
            if (c->from) w.member("from", c->from->iso());
            if (c->to) w.member("to", c->to->iso());
            w.member("noted", c->noted.iso());
            w.end_object();
        }
        w.end_array();
    }
}

void update(Writer& w, const StatusUpdate& u) {
    w.member("action", u.action());
    w.member("scope", u.scope());
    w.member("state", u.state());
    w.member("text", u.text());
    w.member("as_of", u.as_of().iso());
    if (!u.author().empty()) w.member("author", u.author());
    if (!u.meeting().empty()) w.member("meeting", u.meeting());
}

/// A proposal with its decisions: `state`, `decided`, `decided_meeting` and
/// `decision` summarise the latest one, `decisions` lists them all.
void proposal(Writer& w, const Proposal& p, const std::vector<const ProposalEvent*>& decisions) {
    w.member("key", p.key());
    w.member("action", p.action());
    w.member("text", p.text());
    w.member("state", to_string(p.state()));
    if (p.tabled()) w.member("tabled", p.tabled()->iso());
    if (!p.meeting().empty()) w.member("meeting", p.meeting());
    if (p.decided()) w.member("decided", p.decided()->iso());
    if (!p.decided_meeting().empty()) w.member("decided_meeting", p.decided_meeting());
    if (!p.decision().empty()) w.member("decision", p.decision());
    if (p.kind() != ProposalKind::proposal) w.member("kind", to_string(p.kind()));
    if (!decisions.empty()) {
        w.key("decisions");
        w.begin_array();
        for (const auto* e : decisions) {
            w.begin_object();
            w.member("state", to_string(e->state));
            w.member("date", e->date.iso());
            if (!e->meeting.empty()) w.member("meeting", e->meeting);
            if (!e->text.empty()) w.member("text", e->text);
            w.end_object();
        }
        w.end_array();
    }
}

void indicator(Writer& w, const Indicator& i) {
    w.member("key", i.key());
    label(w, "label", i.label());
    w.member("kind", to_string(i.kind()));
    if (!i.levels().empty())
        list(w, "levels", i.levels(), [](Writer& l, const Level& level) {
            l.member("key", level.key());
            label(l, "label", level.label());
        });
    if (!i.unit().empty()) w.member("unit", i.unit());
    period(w, i.period());
    if (!i.actions().empty()) strings(w, "actions", i.actions());
}

void observation(Writer& w, const Observation& o) {
    w.member("indicator", o.indicator());
    w.member("region", o.region());
    w.member("as_of", o.as_of().iso());
    const auto& v = o.value();
    if (!v.level.empty()) w.member("level", v.level);
    if (v.value) w.member("value", *v.value);
    if (v.count) w.member("count", *v.count);
    if (v.at_least) w.member("at_least", true);
    if (!o.source().empty()) w.member("source", o.source());
    if (!o.note().empty()) w.member("note", o.note());
}

}  // namespace

namespace detail {

DocumentWriter::DocumentWriter(std::ostream& out) : w_(std::make_unique<JsonWriter>(out)) {}
DocumentWriter::~DocumentWriter() = default;

void DocumentWriter::head(const std::vector<MetaEntry>& meta, const std::vector<Theme>& themes,
                          const std::vector<Region>& regions, const std::vector<ProgressState>& states,
                          const std::vector<Meeting>& meetings) {
    Writer& w = *w_;
    w.begin_object();
    w.member("format", "actielijst");
    w.member("format_version", std::int64_t{json_format_version});
    w.key("meta");
    w.begin_object();
    for (const auto& m : meta) {
        if (const auto* text = std::get_if<std::string>(&m.value))
            w.member(m.key, *text);
        else
            w.member(m.key, std::get<bool>(m.value));
    }
    w.end_object();
    list(w, "themes", themes, [](Writer& t, const Theme& theme) {
        t.member("key", theme.key());
        label(t, "label", theme.label());
    });
    list(w, "regions", regions, region);
    list(w, "states", states, [](Writer& s, const ProgressState& state) {
        s.member("key", state.key());
        s.member("category", to_string(state.category()));
        label(s, "label", state.label());
        period(s, state.period());
    });
    list(w, "meetings", meetings, [](Writer& m, const Meeting& meeting) {
        m.member("key", meeting.key());
        m.member("date", meeting.date().iso());
        if (!meeting.title().empty()) m.member("title", meeting.title());
    });
}

void DocumentWriter::begin(std::string_view name) {
    w_->key(name);
    w_->begin_array();
}
void DocumentWriter::end() { w_->end_array(); }

/// One object of the current list, written by `one`.
template <class F>
void element(JsonWriter& w, F&& one) {
    w.begin_object();
    one(w);
    w.end_object();
}

void DocumentWriter::add(const ActionPoint& a, const std::vector<const DueChange*>& due) {
    element(*w_, [&](Writer& w) { action(w, a, due); });
}
void DocumentWriter::add(const StatusUpdate& u) {
    element(*w_, [&](Writer& w) { update(w, u); });
}
void DocumentWriter::add(const Proposal& p, const std::vector<const ProposalEvent*>& decisions) {
    element(*w_, [&](Writer& w) { proposal(w, p, decisions); });
}
void DocumentWriter::add(const Indicator& i) {
    element(*w_, [&](Writer& w) { indicator(w, i); });
}
void DocumentWriter::add(const Observation& o) {
    element(*w_, [&](Writer& w) { observation(w, o); });
}
void DocumentWriter::add(const Contact& contact) {
    element(*w_, [&](Writer& c) {
        c.member("municipality", contact.municipality());
        c.member("role", contact.role());
        c.member("name", contact.name());
        if (!contact.email().empty()) c.member("email", contact.email());
    });
}

void DocumentWriter::finish() {
    w_->end_object();
    w_->finish();
}

}  // namespace detail

void to_json(const Dataset& d, std::ostream& out) {
    // Due-date changes are written inside their action, in the order they are listed,
    // so each must belong to an action of the dataset.
    std::map<std::string_view, std::vector<const DueChange*>> due_changes;
    if (!d.due_changes.empty())
        for (const auto& a : d.actions) due_changes.try_emplace(a.key());
    for (std::size_t i = 0; i < d.due_changes.size(); ++i) {
        const auto& c = d.due_changes[i];
        const auto it = due_changes.find(c.action);
        if (it == due_changes.end())
            throw Error(Errc::invalid, "due_changes[" + std::to_string(i) + "].action", "action " + detail::quote(c.action) +
                                           " is not in the dataset, and JSON keeps due-date changes inside their action");
        it->second.push_back(&c);
    }
    // Decisions likewise sit inside their proposal.
    std::map<std::string_view, std::vector<const ProposalEvent*>> decisions;
    if (!d.proposal_events.empty())
        for (const auto& p : d.proposals) decisions.try_emplace(p.key());
    for (std::size_t i = 0; i < d.proposal_events.size(); ++i) {
        const auto& e = d.proposal_events[i];
        const auto it = decisions.find(e.proposal);
        if (it == decisions.end())
            throw Error(Errc::invalid, "proposal_events[" + std::to_string(i) + "].proposal", "proposal " +
                                           detail::quote(e.proposal) +
                                           " is not in the dataset, and JSON keeps decisions inside their proposal");
        it->second.push_back(&e);
    }
    const std::vector<const DueChange*> none;
    const std::vector<const ProposalEvent*> no_decisions;
    // Everything above is checked before the first byte is written.
    detail::DocumentWriter doc(out);
    doc.head(d.meta, d.themes, d.regions, d.states, d.meetings);
    doc.begin("actions");
    for (const auto& a : d.actions) {
        const auto it = due_changes.empty() ? due_changes.end() : due_changes.find(a.key());
        doc.add(a, it == due_changes.end() ? none : it->second);
    }
    doc.end();
    doc.begin("updates");
    for (const auto& u : d.updates) doc.add(u);
    doc.end();
    doc.begin("proposals");
    for (const auto& p : d.proposals) {
        const auto it = decisions.empty() ? decisions.end() : decisions.find(p.key());
        doc.add(p, it == decisions.end() ? no_decisions : it->second);
    }
    doc.end();
    doc.begin("indicators");
    for (const auto& i : d.indicators) doc.add(i);
    doc.end();
    doc.begin("observations");
    for (const auto& o : d.observations) doc.add(o);
    doc.end();
    if (!d.contacts.empty()) {
        doc.begin("contacts");
        for (const auto& c : d.contacts) doc.add(c);
        doc.end();
    }
    doc.finish();
}

std::string to_json(const Dataset& d) {
    std::ostringstream out;
    out.exceptions(std::ios::badbit);  // running out of memory throws bad_alloc instead of cutting the text short
    to_json(d, out);
    return std::move(out).str();
}

}  // namespace actielijst
