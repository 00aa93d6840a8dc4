// parse_json: the exchange format (docs/json-format.md) into a Dataset. Shape,
// types, required and unknown members are checked here, each error naming the
// place; references between entries are resolved later by Store::merge.
//
// The document is never held as one tree: each element of a top-level list is
// built, converted and freed as it is read, and of the other members only what the
// format can use is held (scalars; `meta` with its scalar values; arrays and objects
// anywhere else only as their type, for the error). An element is built within
// limits (docs/json-format.md, "Limits"); one past them is refused as it is read,
// without being built. Errors wait until the whole text has been read, so that the
// error reported is the one a check of the whole tree would find first: bytes (UTF-8,
// NUL, size), then syntax, then the members in a fixed order; an element past a limit
// reports the limit, whatever else is wrong with it. Once an error is known, nothing
// more is added to the Dataset (it is never returned).
#include <actielijst/error.hpp>
#include <actielijst/json.hpp>

#include "json/tree.hpp"
#include "util/check.hpp"

#include <array>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <istream>
#include <streambuf>
#include <vector>

namespace actielijst {
namespace {

using Json = detail::Node;
using detail::quote;

/// Longest document accepted; larger input is refused before parsing.
constexpr std::size_t max_document_bytes = std::size_t{1} << 30;
/// What a document may hold (docs/json-format.md, "Limits"):
constexpr detail::TreeLimits limits{
    // Deepest nesting the format needs is 5 (indicators[].levels[].label.nl); anything
    // much deeper is hostile.
    16,
    // Most members one object may have. The format's objects have at most 13; `meta`
    // is free-form. Members are looked up with a linear search, so without a cap a few
    // megabytes of members would cost minutes.
    256,
    // Most elements of one array inside an entry (scope, owners, aliases, see_also,
    // due_changes, decisions, levels, an indicator's actions). The Netherlands has 342
    // municipalities; a list of 10,000 is no list of this format, and held as a tree it
    // costs ~1 MiB.
    10000,
    // Most values (at any depth) of one entry of a list: its tree costs ~112 bytes a
    // value, so 100,000 bound one entry to ~20 MiB; a real entry has tens to hundreds.
    100000,
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw Error(Errc::invalid, where, what);
}

std::string type_of(const Json& j) {
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string " + quote(j.text());
    return std::string(j.is_object() ? "an object" : j.is_array() ? "an array" : j.is_boolean() ? "a boolean" : "null");
}

/// type_of without the value: for contacts, which are personal data and whose
/// values never appear in a message.
std::string type_of_private(const Json& j) { return j.is_string() ? "a string" : type_of(j); }

/// One JSON object being read: typed getters that name the member on error, and a
/// check that the object has no member the format does not define.
class Obj {
public:
    Obj(const Json& j, std::string where, std::initializer_list<const char*> members) : j_(j), where_(std::move(where)) {
        if (!j.is_object()) fail(where_, "expected an object, got " + type_of(j));
        for (std::size_t i = 0; i < j.size(); ++i) {
            const std::string& key = j.name(i);
            bool known = false;
            for (const char* m : members) known = known || key == m;
            if (!known) fail(where_ + "." + detail::printable_name(key), "unknown member (a typo?)");
        }
    }

    const std::string& where() const { return where_; }
    std::string at(const char* key) const { return where_ + "." + key; }

    const Json* get(const char* key, bool required) const {
        const Json* v = j_.find(key);
        if (!v || v->is_null()) {
            if (required) fail(at(key), "required member is missing");
            return nullptr;
        }
        return v;
    }
    std::string str(const char* key, bool required = true) const {
        const Json* v = get(key, required);
        if (!v) return {};
        if (!v->is_string()) fail(at(key), "expected a string, got " + type_of(*v));
        return v->text();
    }
    std::optional<Date> date(const char* key, bool required = true) const {
        const Json* v = get(key, required);
        if (!v) return std::nullopt;
        if (!v->is_string()) fail(at(key), "expected a date string YYYY-MM-DD, got " + type_of(*v));
        return Date::parse(v->text(), at(key));
    }
    bool boolean(const char* key) const {
        const Json* v = get(key, false);
        if (!v) return false;
        if (!v->is_boolean()) fail(at(key), "expected true or false, got " + type_of(*v));
        return v->as_bool();
    }
    std::optional<double> number(const char* key) const {
        const Json* v = get(key, false);
        if (!v) return std::nullopt;
        if (!v->is_number()) fail(at(key), "expected a number, got " + type_of(*v));
        // A whole number beyond 2^53 would be rounded silently when stored as a double.
        const double d = v->as_double();
        constexpr std::uint64_t exact = std::uint64_t{1} << 53;
        const bool too_large = v->is_number_unsigned() ? v->as_uint64() > exact
                               : v->is_number_integer() ? v->as_int64() < -static_cast<std::int64_t>(exact)
                                                         : false;
        if (too_large) fail(at(key), "whole number too large to store exactly (the limit is 2^53)");
        return d;
    }
    std::optional<std::int64_t> integer(const char* key) const {
        const Json* v = get(key, false);
        if (!v) return std::nullopt;
        if (!v->is_number_integer()) fail(at(key), "expected a whole number, got " + type_of(*v));
        if (v->is_number_unsigned() && v->as_uint64() > static_cast<std::uint64_t>(INT64_MAX))
            fail(at(key), "number too large");
        return v->as_int64();
    }
    std::vector<std::string> strings(const char* key) const {
        std::vector<std::string> out;
        const Json* v = get(key, false);
        if (!v) return out;
        if (!v->is_array()) fail(at(key), "expected an array of strings, got " + type_of(*v));
        for (std::size_t i = 0; i < v->size(); ++i) {
            const auto& e = (*v)[i];
            if (!e.is_string()) fail(at(key) + "[" + std::to_string(i) + "]", "expected a string, got " + type_of(e));
            out.push_back(e.text());
        }
        return out;
    }
    Label label(const char* key) const {
        const Json* v = get(key, true);
        Obj l(*v, at(key), {"nl", "en"});
        return Label(l.str("nl"), l.str("en", false), at(key));
    }
    /// A member that must be one of an enum's names.
    template <class E>
    E choice(const char* key, E (*parse)(std::string_view, std::string_view), std::optional<E> fallback = std::nullopt) const {
        // Absent or null takes the fallback; any string given, even "", must be a valid name.
        if (fallback && !get(key, false)) return *fallback;
        return parse(str(key), at(key));
    }

private:
    const Json& j_;
    std::string where_;
};

/// Runs a model constructor; its errors ("key: ...") get the entry's place in front.
template <class F>
auto make(const std::string& where, F&& construct) {
    try {
        return construct();
    } catch (const Error& e) {
        if (e.inside(where)) throw;  // already placed (from an Obj getter)
        throw e.within(where);
    }
}

std::vector<MetaEntry> read_meta(const Json& doc) {
    std::vector<MetaEntry> out;
    const Json* it = doc.find("meta");
    if (!it || it->is_null()) return out;
    if (!it->is_object()) fail("meta", "expected an object, got " + type_of(*it));
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string& key = it->name(i);
        const Json& value = (*it)[i];
        const std::string where = "meta." + detail::printable_name(key);
        detail::check_key(key, where);
        if (value.is_string()) {
            detail::check_text(value.text(), where, false);
            out.push_back({key, value.text()});
        } else if (value.is_boolean()) {
            out.push_back({key, value.as_bool()});
        } else {
            fail(where, "expected a string or a boolean, got " + type_of(value));
        }
    }
    return out;
}

Theme read_theme(const Json& j, const std::string& w) {
    Obj o(j, w, {"key", "label"});
    return Theme(o.str("key"), o.label("label"));
}

/// The optional `since` and `until` of a definition.
Period period_of(const Obj& o) { return {o.date("since", false), o.date("until", false)}; }

Region read_region(const Json& j, const std::string& w) {
    Obj o(j, w, {"code", "name", "kind", "parent", "aliases", "since", "until"});
    return Region(o.str("code"), o.str("name"), o.choice("kind", parse_region_kind), o.str("parent", false),
                  o.strings("aliases"), period_of(o));
}

ProgressState read_state(const Json& j, const std::string& w) {
    Obj o(j, w, {"key", "category", "label", "since", "until"});
    return ProgressState(o.str("key"), o.choice("category", parse_state_category), o.label("label"), period_of(o));
}

Meeting read_meeting(const Json& j, const std::string& w) {
    Obj o(j, w, {"key", "date", "title"});
    return Meeting(o.str("key"), *o.date("date"), o.str("title", false));
}

/// An action's `due_changes`, appended to `out` with the action's key.
void read_due_changes(const Obj& o, const std::string& action, std::vector<DueChange>& out) {
    const Json* list = o.get("due_changes", false);
    if (!list) return;
    if (!list->is_array()) fail(o.at("due_changes"), "expected an array, got " + type_of(*list));
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto where = o.at("due_changes") + "[" + std::to_string(i) + "]";
        Obj e((*list)[i], where, {"from", "to", "noted"});
        DueChange c{action, e.date("from", false), e.date("to", false), *e.date("noted")};
        if (!c.from && !c.to) fail(where, "from and to are both null: that is no change");
        if (c.from == c.to) fail(e.at("to"), "the same as from (" + c.to->iso() + "): that is no change");
        out.push_back(std::move(c));
    }
}

ActionPoint read_action(const Json& j, const std::string& w, std::vector<DueChange>& due_changes) {
    Obj o(j, w, {"key", "theme", "title", "goal", "owners", "scope", "due", "see_also", "due_changes", "since", "until"});
    std::vector<Owner> owners;
    if (const Json* list = o.get("owners", false)) {
        if (!list->is_array()) fail(o.at("owners"), "expected an array, got " + type_of(*list));
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto where = o.at("owners") + "[" + std::to_string(i) + "]";
            owners.push_back(make(where, [&] {
                Obj e((*list)[i], where, {"name", "role"});
                return Owner(e.str("name"), e.choice("role", parse_owner_role));
            }));
        }
    }
    ActionPoint a(o.str("key"), o.str("theme"), o.str("title"), o.str("goal"), std::move(owners), o.strings("scope"),
                  o.date("due", false), o.strings("see_also"), period_of(o));
    read_due_changes(o, a.key(), due_changes);
    return a;
}

StatusUpdate read_update(const Json& j, const std::string& w) {
    Obj o(j, w, {"action", "scope", "state", "text", "as_of", "author", "meeting"});
    return StatusUpdate(o.str("action"), o.str("scope"), o.str("state"), o.str("text"), *o.date("as_of"),
                        o.str("author", false), o.str("meeting", false));
}

/// A proposal's `decisions`, appended to `out` with the proposal's key.
void read_decisions(const Obj& o, const std::string& proposal, std::vector<ProposalEvent>& out) {
    const Json* list = o.get("decisions", false);
    if (!list) return;
    if (!list->is_array()) fail(o.at("decisions"), "expected an array, got " + type_of(*list));
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto where = o.at("decisions") + "[" + std::to_string(i) + "]";
        Obj e((*list)[i], where, {"state", "date", "meeting", "text"});
        ProposalEvent event{proposal, e.choice("state", parse_proposal_state), *e.date("date"), e.str("meeting", false),
                            e.str("text", false)};
        make(where, [&] {
            if (!event.meeting.empty()) detail::check_key(event.meeting, "meeting");
            detail::check_text(event.text, "text", false);
            return 0;
        });
        out.push_back(std::move(event));
    }
}

Proposal read_proposal(const Json& j, const std::string& w, std::vector<ProposalEvent>& decisions) {
    Obj o(j, w,
          {"key", "action", "text", "state", "kind", "meeting", "decided", "tabled", "decided_meeting", "decision",
           "decisions"});
    Proposal p(o.str("key"), o.str("action"), o.str("text"), o.choice("state", parse_proposal_state),
               o.choice("kind", parse_proposal_kind, std::optional(ProposalKind::proposal)), o.str("meeting", false),
               o.date("decided", false), o.date("tabled", false), o.str("decided_meeting", false),
               o.str("decision", false));
    read_decisions(o, p.key(), decisions);
    return p;
}

Indicator read_indicator(const Json& j, const std::string& w) {
    Obj o(j, w, {"key", "label", "kind", "levels", "unit", "since", "until", "actions"});
    std::vector<Level> levels;
    if (const Json* list = o.get("levels", false)) {
        if (!list->is_array()) fail(o.at("levels"), "expected an array, got " + type_of(*list));
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto where = o.at("levels") + "[" + std::to_string(i) + "]";
            levels.push_back(make(where, [&] {
                Obj e((*list)[i], where, {"key", "label"});
                return Level(e.str("key"), e.label("label"));
            }));
        }
    }
    return Indicator(o.str("key"), o.label("label"), o.choice("kind", parse_indicator_kind), std::move(levels),
                     o.str("unit", false), period_of(o), o.strings("actions"));
}

Observation read_observation(const Json& j, const std::string& w) {
    Obj o(j, w, {"indicator", "region", "as_of", "level", "value", "count", "at_least", "source", "note"});
    ObservationValue v;
    v.level = o.str("level", false);
    v.value = o.number("value");
    v.count = o.integer("count");
    v.at_least = o.boolean("at_least");
    return Observation(o.str("indicator"), o.str("region"), *o.date("as_of"), std::move(v), o.str("source", false),
                       o.str("note", false));
}

Contact read_contact(const Json& j, const std::string& w) {
    // Personal data: a message names the place and what is wrong, never a value, nor
    // a member name, which may be one (`{"J. Jansen": "j@venlo.nl"}`).
    if (!j.is_object()) fail(w, "expected an object, got " + type_of_private(j));
    for (std::size_t i = 0; i < j.size(); ++i)
        if (j.name(i) != "municipality" && j.name(i) != "role" && j.name(i) != "name" && j.name(i) != "email")
            fail(w, "member " + std::to_string(i + 1) +
                        " is not municipality, role, name or email (its name is not shown: it may be personal data)");
    Obj o(j, w, {"municipality", "role", "name", "email"});
    return Contact(o.str("municipality"), o.str("role"), o.str("name"), o.str("email", false));
}

/// One top-level list of the document: its name and how one element is read into a
/// Dataset (with what it brings along, such as an action's due-date changes).
struct ListReader {
    const char* name;
    void (*read)(Dataset& d, const Json& j, const std::string& where);
};

/// The lists in the order their errors are reported.
constexpr std::array<ListReader, 10> lists{{
    {"themes", [](Dataset& d, const Json& j, const std::string& w) { d.themes.push_back(read_theme(j, w)); }},
    {"regions", [](Dataset& d, const Json& j, const std::string& w) { d.regions.push_back(read_region(j, w)); }},
    {"states", [](Dataset& d, const Json& j, const std::string& w) { d.states.push_back(read_state(j, w)); }},
    {"meetings", [](Dataset& d, const Json& j, const std::string& w) { d.meetings.push_back(read_meeting(j, w)); }},
    {"actions",
     [](Dataset& d, const Json& j, const std::string& w) { d.actions.push_back(read_action(j, w, d.due_changes)); }},
    {"updates", [](Dataset& d, const Json& j, const std::string& w) { d.updates.push_back(read_update(j, w)); }},
    {"proposals",
     [](Dataset& d, const Json& j, const std::string& w) {
         d.proposals.push_back(read_proposal(j, w, d.proposal_events));
     }},
    {"indicators",
     [](Dataset& d, const Json& j, const std::string& w) { d.indicators.push_back(read_indicator(j, w)); }},
    {"observations",
     [](Dataset& d, const Json& j, const std::string& w) { d.observations.push_back(read_observation(j, w)); }},
    {"contacts", [](Dataset& d, const Json& j, const std::string& w) { d.contacts.push_back(read_contact(j, w)); }},
}};

/// Element `index` of list `l`, read into `d`; errors name the element.
void read_element(const ListReader& l, Dataset& d, const Json& j, std::size_t index) {
    const std::string where = std::string(l.name) + "[" + std::to_string(index) + "]";
    make(where, [&] {
        l.read(d, j, where);
        return 0;
    });
}

/// Builds the Dataset while the document is read: the elements of the lists are
/// converted as they arrive; the first error of each list is kept for the end.
class DatasetBuilder final : public detail::ElementSink {
public:
    Keep keep(const std::string& name, bool array) const override {
        if (array && find(name) != lists.size()) return Keep::elements;
        // meta's values are strings and booleans: an array or object there is an error
        // that needs only its type. Anything else that is an array or an object (an
        // unknown member, `format` given as an array, a list given as an object) is an
        // error too.
        if (!array && name == "meta") return Keep::scalars;
        return Keep::type;
    }

    void element(const std::string& name, std::size_t index, Json&& value) override {
        const std::size_t l = find(name);
        if (l >= first_error_) return;  // an error of this list or one before it is reported first
        try {
            if (first_error_ == lists.size()) {
                read_element(lists[l], data_, value, index);
            } else {
                // The document is refused: the element is read for its errors only.
                Dataset scratch;
                read_element(lists[l], scratch, value, index);
            }
        } catch (const Error&) {
            record(l, std::current_exception());
        }
    }

    void refuse(const std::string& name, std::size_t index, const Error& error) override {
        (void)index;  // the error names the place
        const std::size_t l = find(name);
        if (l < first_error_) record(l, std::make_exception_ptr(error));
    }

    /// The Dataset, once `doc` (the document without the elements streamed) has been
    /// checked in the order a check of the whole tree goes.
    Dataset finish(const Json& doc) {
        if (!doc.is_object()) fail("document", "expected an object, got " + type_of(doc));
        Obj top(doc, "document",
                {"format", "format_version", "meta", "themes", "regions", "states", "meetings", "actions", "updates",
                 "proposals", "indicators", "observations", "contacts"});
        if (top.str("format") != "actielijst")
            fail("format", "expected \"actielijst\", got " + quote(top.str("format")));
        const auto version = top.integer("format_version");
        if (!version) fail("format_version", "required member is missing");
        if (*version > json_format_version)
            throw Error(Errc::version, "format_version", "document version " + std::to_string(*version) +
                                           " is newer than this actielijst reads (" +
                                           std::to_string(json_format_version) + ")");
        if (*version < 1) fail("format_version", "expected 1, got " + std::to_string(*version));
        data_.meta = read_meta(doc);
        for (std::size_t l = 0; l < lists.size(); ++l) {
            if (errors_[l]) std::rethrow_exception(errors_[l]);
            // A list given as null or as something other than an array is in the tree.
            const Json* it = doc.find(lists[l].name);
            if (!it || it->is_null()) continue;
            if (!it->is_array())
                fail(lists[l].name, "expected an array, got " +
                                        (std::string_view(lists[l].name) == "contacts" ? type_of_private(*it) : type_of(*it)));
            for (std::size_t i = 0; i < it->size(); ++i) read_element(lists[l], data_, (*it)[i], i);
        }
        return std::move(data_);
    }

private:
    static std::size_t find(const std::string& name) {
        std::size_t l = 0;
        while (l < lists.size() && name != lists[l].name) ++l;
        return l;
    }

    /// The first error of list `l`, which comes before those of the lists after it:
    /// their elements need no more reading, and the Dataset is never returned.
    void record(std::size_t l, std::exception_ptr error) {
        errors_[l] = std::move(error);
        first_error_ = l;
        data_ = Dataset{};
    }

    Dataset data_;
    std::array<std::exception_ptr, lists.size()> errors_{};
    std::size_t first_error_ = lists.size();  // the first list with an error, in the order of `lists`
};

/// The bytes of a stream, checked as the string form checks a whole text before
/// parsing: valid UTF-8, no NUL byte, at most max_document_bytes. Hands the parser
/// only bytes that passed. Its errors are those of the string form, in its order:
/// invalid UTF-8 anywhere comes first, then a NUL byte, then the size; so when the
/// parser fails, drain() reads the rest for an error that comes before the parser's.
class CheckedInput final : public std::streambuf {
public:
    explicit CheckedInput(std::istream& in) : in_(in), buffer_(chunk_bytes + max_held) {}

    /// Reads what is left, checking only the bytes; throws their error, if any.
    void drain() {
        if (done_) return;
        setg(nullptr, nullptr, nullptr);
        while (fill()) {
        }
        conclude();
    }

protected:
    int_type underflow() override {
        while (gptr() == egptr()) {  // a chunk may hold no whole UTF-8 character yet
            if (done_ || !fill()) return traits_type::eof();
            if (nul_ != npos) drain();  // throws
        }
        return traits_type::to_int_type(*gptr());
    }

private:
    static constexpr std::size_t chunk_bytes = std::size_t{1} << 16;
    static constexpr std::size_t max_held = 3;  // the start of a UTF-8 sequence cut by a chunk's end
    static constexpr std::size_t npos = std::string_view::npos;

    /// Reads the next chunk behind the bytes held back and checks it; false at the
    /// end. The bytes checked become the get area, ending before a NUL byte.
    bool fill() {
        char* const base = buffer_.data();
        std::memmove(base, base + checked_, held_);
        offset_ += checked_;
        checked_ = 0;
        std::size_t n = held_;
        while (n == held_) {
            in_.read(base + n, static_cast<std::streamsize>(chunk_bytes));
            if (in_.bad()) stop(Error(Errc::io, "read error"));
            const auto got = static_cast<std::size_t>(in_.gcount());
            if (got == 0) break;
            n += got;
        }
        if (n == 0) {
            done_ = true;
            return false;
        }
        // Bytes at the end that begin a UTF-8 sequence without its continuation wait
        // for the next chunk, unless this is the end.
        std::size_t complete = n;
        if (n > held_) {
            for (std::size_t back = 1; back <= max_held && back <= n; ++back) {
                const auto c = static_cast<unsigned char>(base[n - back]);
                if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
                const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                if (len > back) complete = n - back;
                break;
            }
        }
        held_ = n - complete;
        const std::string_view text(base, complete);
        if (const auto bad = detail::utf8_error_offset(text); bad != npos)
            stop(Error(Errc::invalid, "document", "invalid UTF-8 at byte " + std::to_string(offset_ + bad)));
        std::size_t usable = complete;
        if (nul_ == npos) {
            if (const auto nul = text.find('\0'); nul != npos) {
                nul_ = offset_ + nul;
                usable = nul;
            }
        }
        checked_ = complete;
        if (offset_ + complete > max_document_bytes) conclude();
        setg(base, base, base + usable);
        return true;
    }

    /// At the end of the text, or where reading stops: the error of the bytes, if any.
    void conclude() {
        done_ = true;
        if (nul_ != npos) stop(Error(Errc::invalid, "document", "NUL byte at byte " + std::to_string(nul_)));
        if (offset_ + checked_ > max_document_bytes)
            stop(Error(Errc::invalid,
                       "document exceeds the limit of " + std::to_string(max_document_bytes) + " bytes"));
    }

    [[noreturn]] void stop(const Error& e) {
        done_ = true;
        setg(nullptr, nullptr, nullptr);
        throw e;
    }

    std::istream& in_;
    std::vector<char> buffer_;
    std::size_t offset_ = 0;   // of buffer_[0] in the document
    std::size_t checked_ = 0;  // bytes at the front of buffer_ that passed
    std::size_t held_ = 0;     // bytes behind those, held back for the next chunk
    std::size_t nul_ = npos;   // the first NUL byte's offset
    bool done_ = false;
};

}  // namespace

Dataset parse_json(std::string_view text) {
    if (const auto bad = detail::utf8_error_offset(text); bad != std::string_view::npos)
        throw Error(Errc::invalid, "document", "invalid UTF-8 at byte " + std::to_string(bad));
    // JSON has no place for a raw NUL byte, and the parser would stop reading there,
    // silently dropping the rest of the document.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        throw Error(Errc::invalid, "document", "NUL byte at byte " + std::to_string(nul));
    if (text.size() > max_document_bytes)
        throw Error(Errc::invalid, "document of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                                       std::to_string(max_document_bytes) + " bytes");
    DatasetBuilder builder;
    return builder.finish(detail::parse_tree(text, limits, &builder));
}

Dataset parse_json(std::istream& in) {
    CheckedInput checked(in);
    std::istream source(&checked);
    DatasetBuilder builder;
    Json doc;
    try {
        doc = detail::parse_tree(source, limits, &builder);
    } catch (const Error&) {
        checked.drain();  // an error in the bytes further on is reported first
        throw;
    }
    checked.drain();  // nothing is left after a document but white space
    return builder.finish(doc);
}

}  // namespace actielijst
