// to_json: a Dataset in the canonical layout of docs/json-format.md. Member order
// is fixed and absent optional members are left out, so equal datasets give
// byte-identical documents.
#include <actielijst/json.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

namespace actielijst {
namespace {

using Json = nlohmann::ordered_json;

Json label(const Label& l) {
    Json j{{"nl", l.nl()}};
    if (!l.en().empty()) j["en"] = l.en();
    return j;
}

Json number(double v) {
    // Whole numbers are written without a fraction, so a count reads as 4, not 4.0.
    if (std::nearbyint(v) == v && std::fabs(v) < 9007199254740992.0) return static_cast<std::int64_t>(v);
    return v;
}

template <class T, class F>
Json array(const std::vector<T>& items, F&& one) {
    Json out = Json::array();
    for (const auto& item : items) out.push_back(one(item));
    return out;
}

Json strings(const std::vector<std::string>& items) { return array(items, [](const std::string& s) { return s; }); }

Json region(const Region& r) {
    Json j{{"code", r.code()}, {"name", r.name()}, {"kind", to_string(r.kind())}};
    if (!r.parent().empty()) j["parent"] = r.parent();
    if (!r.aliases().empty()) j["aliases"] = strings(r.aliases());
    return j;
}

Json action(const ActionPoint& a) {
    Json j{{"key", a.key()}, {"theme", a.theme()}, {"title", a.title()}, {"goal", a.goal()}};
    if (!a.owners().empty())
        j["owners"] = array(a.owners(), [](const Owner& o) { return Json{{"name", o.name()}, {"role", to_string(o.role())}}; });
    if (!a.scope().empty()) j["scope"] = strings(a.scope());
    if (a.due()) j["due"] = a.due()->iso();
    if (!a.see_also().empty()) j["see_also"] = strings(a.see_also());
    return j;
}

Json update(const StatusUpdate& u) {
    Json j{{"action", u.action()}, {"scope", u.scope()}, {"state", u.state()}, {"text", u.text()},
           {"as_of", u.as_of().iso()}};
    if (!u.author().empty()) j["author"] = u.author();
    if (!u.meeting().empty()) j["meeting"] = u.meeting();
    return j;
}

Json proposal(const Proposal& p) {
    Json j{{"key", p.key()}, {"action", p.action()}, {"text", p.text()}, {"state", to_string(p.state())}};
    if (!p.meeting().empty()) j["meeting"] = p.meeting();
    if (p.decided()) j["decided"] = p.decided()->iso();
    if (p.kind() != ProposalKind::proposal) j["kind"] = to_string(p.kind());
    return j;
}

Json indicator(const Indicator& i) {
    Json j{{"key", i.key()}, {"label", label(i.label())}, {"kind", to_string(i.kind())}};
    if (!i.levels().empty())
        j["levels"] = array(i.levels(), [](const Level& l) { return Json{{"key", l.key()}, {"label", label(l.label())}}; });
    if (!i.unit().empty()) j["unit"] = i.unit();
    return j;
}

Json observation(const Observation& o) {
    Json j{{"indicator", o.indicator()}, {"region", o.region()}, {"as_of", o.as_of().iso()}};
    const auto& v = o.value();
    if (!v.level.empty()) j["level"] = v.level;
    if (v.value) j["value"] = number(*v.value);
    if (v.count) j["count"] = *v.count;
    if (v.at_least) j["at_least"] = true;
    if (!o.source().empty()) j["source"] = o.source();
    if (!o.note().empty()) j["note"] = o.note();
    return j;
}

}  // namespace

std::string to_json(const Dataset& d) {
    Json doc{{"format", "actielijst"}, {"format_version", json_format_version}};
    Json meta = Json::object();
    for (const auto& m : d.meta) std::visit([&](const auto& v) { meta[m.key] = v; }, m.value);
    doc["meta"] = std::move(meta);
    doc["themes"] = array(d.themes, [](const Theme& t) { return Json{{"key", t.key()}, {"label", label(t.label())}}; });
    doc["regions"] = array(d.regions, region);
    doc["states"] = array(d.states, [](const ProgressState& s) {
        return Json{{"key", s.key()}, {"category", to_string(s.category())}, {"label", label(s.label())}};
    });
    doc["meetings"] = array(d.meetings, [](const Meeting& m) {
        Json j{{"key", m.key()}, {"date", m.date().iso()}};
        if (!m.title().empty()) j["title"] = m.title();
        return j;
    });
    doc["actions"] = array(d.actions, action);
    doc["updates"] = array(d.updates, update);
    doc["proposals"] = array(d.proposals, proposal);
    doc["indicators"] = array(d.indicators, indicator);
    doc["observations"] = array(d.observations, observation);
    if (!d.contacts.empty())
        doc["contacts"] = array(d.contacts, [](const Contact& c) {
            Json j{{"municipality", c.municipality()}, {"role", c.role()}, {"name", c.name()}};
            if (!c.email().empty()) j["email"] = c.email();
            return j;
        });
    return doc.dump(2) + "\n";
}

}  // namespace actielijst
