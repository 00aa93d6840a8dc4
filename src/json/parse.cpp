// parse_json: the exchange format (docs/json-format.md) into a Dataset. Shape,
// types, required and unknown members are checked here, each error naming the
// place; references between entries are resolved later by Store::merge.
#include <actielijst/error.hpp>
#include <actielijst/json.hpp>

#include "json/tree.hpp"
#include "util/check.hpp"

#include <initializer_list>
#include <vector>

namespace actielijst {
namespace {

using Json = detail::Node;
using detail::quote;

/// Longest document accepted; larger input is refused before parsing.
constexpr std::size_t max_document_bytes = std::size_t{1} << 30;
/// Deepest nesting the format needs is 5 (levels[].label.nl); anything much deeper is hostile.
constexpr int max_depth = 16;
/// Most members one object may have. The format's objects have at most 13; `meta` is
/// free-form. Members are looked up with a linear search, so without a cap a few
/// megabytes of members would cost minutes.
constexpr std::size_t max_members = 256;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw Error(Errc::invalid, where + ": " + what);
}

std::string type_of(const Json& j) {
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string " + quote(j.text());
    return std::string(j.is_object() ? "an object" : j.is_array() ? "an array" : j.is_boolean() ? "a boolean" : "null");
}

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
        const std::string what = e.what();
        if (what.rfind(where, 0) == 0) throw;  // already placed (from an Obj getter)
        throw Error(e.code(), where + "." + what);
    }
}

template <class T, class F>
std::vector<T> list(const Json& doc, const char* name, F&& read_one) {
    std::vector<T> out;
    const Json* it = doc.find(name);
    if (!it || it->is_null()) return out;
    if (!it->is_array()) fail(name, "expected an array, got " + type_of(*it));
    out.reserve(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string where = std::string(name) + "[" + std::to_string(i) + "]";
        out.push_back(make(where, [&] { return read_one((*it)[i], where); }));
    }
    return out;
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
    Obj o(j, w, {"key", "label", "kind", "levels", "unit", "since", "until"});
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
                     o.str("unit", false), period_of(o));
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
    Obj o(j, w, {"municipality", "role", "name", "email"});
    return Contact(o.str("municipality"), o.str("role"), o.str("name"), o.str("email", false));
}

Json parse_text(std::string_view text) {
    if (text.size() > max_document_bytes)
        throw Error(Errc::invalid, "document of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                                       std::to_string(max_document_bytes) + " bytes");
    return detail::parse_tree(text, max_depth, max_members);
}

}  // namespace

Dataset parse_json(std::string_view text) {
    if (const auto bad = detail::utf8_error_offset(text); bad != std::string_view::npos)
        throw Error(Errc::invalid, "document: invalid UTF-8 at byte " + std::to_string(bad));
    // JSON has no place for a raw NUL byte, and the parser would stop reading there,
    // silently dropping the rest of the document.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        throw Error(Errc::invalid, "document: NUL byte at byte " + std::to_string(nul));
    const Json doc = parse_text(text);
    if (!doc.is_object()) fail("document", "expected an object, got " + type_of(doc));
    Obj top(doc, "document",
            {"format", "format_version", "meta", "themes", "regions", "states", "meetings", "actions", "updates",
             "proposals", "indicators", "observations", "contacts"});
    if (top.str("format") != "actielijst")
        fail("format", "expected \"actielijst\", got " + quote(top.str("format")));
    const auto version = top.integer("format_version");
    if (!version) fail("format_version", "required member is missing");
    if (*version > json_format_version)
        throw Error(Errc::version, "format_version: document version " + std::to_string(*version) +
                                       " is newer than this actielijst reads (" + std::to_string(json_format_version) +
                                       ")");
    if (*version < 1) fail("format_version", "expected 1, got " + std::to_string(*version));
    Dataset d;
    d.meta = read_meta(doc);
    d.themes = list<Theme>(doc, "themes", read_theme);
    d.regions = list<Region>(doc, "regions", read_region);
    d.states = list<ProgressState>(doc, "states", read_state);
    d.meetings = list<Meeting>(doc, "meetings", read_meeting);
    d.actions = list<ActionPoint>(
        doc, "actions", [&](const Json& j, const std::string& w) { return read_action(j, w, d.due_changes); });
    d.updates = list<StatusUpdate>(doc, "updates", read_update);
    d.proposals = list<Proposal>(
        doc, "proposals", [&](const Json& j, const std::string& w) { return read_proposal(j, w, d.proposal_events); });
    d.indicators = list<Indicator>(doc, "indicators", read_indicator);
    d.observations = list<Observation>(doc, "observations", read_observation);
    d.contacts = list<Contact>(doc, "contacts", read_contact);
    return d;
}

}  // namespace actielijst
