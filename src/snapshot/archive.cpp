// The archive inside a snapshot: plain mirror structs of the model, serialized with
// Boost.Serialization (text or binary archive, no Boost header: the envelope says
// what the payload is). Loading rebuilds every object through its public,
// validating constructor and then the View constructor re-checks the references.
//
// Boost's own std::string and std::vector loaders read a length and allocate it
// before reading the elements, so a crafted length allocates gigabytes. Here
// strings are a length (capped at 1 MiB, the longest text the core accepts) and raw
// bytes, and lists are a count and elements appended one by one (no reserve), so a
// lie about a size fails at the end of the input instead of in the allocator.
#include "snapshot/envelope.hpp"
#include "store/latest.hpp"

#include <actielijst/error.hpp>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <cctype>
#include <cstdint>
#include <istream>
#include <new>
#include <ostream>
#include <streambuf>
#include <string>
#include <variant>
#include <vector>

namespace actielijst::snapshot {
namespace {

constexpr std::uint64_t max_string = std::uint64_t{1} << 20;
constexpr std::uint64_t max_count = std::uint64_t{1} << 24;

[[noreturn]] void newer(const char* what, unsigned version, unsigned known) {
    throw Error(Errc::version, std::string("written by a newer version of actielijst (") + what + " version " +
                                   std::to_string(version) + ", this library reads up to " + std::to_string(known) +
                                   ")");
}

template <class Ar>
void text(Ar& ar, std::string& s) {
    if constexpr (Ar::is_loading::value) {
        std::uint64_t n = 0;
        ar >> n;
        if (n > max_string) throw Error(Errc::invalid, "a text of " + std::to_string(n) + " bytes (limit 1 MiB)");
        s.assign(static_cast<std::size_t>(n), '\0');
        if (n > 0) ar.load_binary(s.data(), static_cast<std::size_t>(n));
    } else {
        const std::uint64_t n = s.size();
        ar << n;
        if (n > 0) ar.save_binary(s.data(), s.size());
    }
}

/// A bool as a byte: Boost's binary archive copies the byte into a bool, and a
/// value other than 0 or 1 there is undefined behaviour.
template <class Ar>
void flag(Ar& ar, bool& b) {
    std::uint8_t v = b ? 1 : 0;
    ar & v;
    if constexpr (Ar::is_loading::value) {
        if (v > 1) throw Error(Errc::invalid, "a flag of value " + std::to_string(v));
        b = v == 1;
    }
}

template <class Ar, class T, class F>
void list(Ar& ar, std::vector<T>& v, F&& item) {
    if constexpr (Ar::is_loading::value) {
        std::uint64_t n = 0;
        ar >> n;
        if (n > max_count) throw Error(Errc::invalid, "a list of " + std::to_string(n) + " entries (limit 2^24)");
        v.clear();
        for (std::uint64_t i = 0; i < n; ++i) {
            T t{};
            item(t);
            v.push_back(std::move(t));
        }
    } else {
        const std::uint64_t n = v.size();
        ar << n;
        for (auto& t : v) item(t);
    }
}

template <class Ar, class T>
void objects(Ar& ar, std::vector<T>& v) {
    list(ar, v, [&](T& t) { ar & t; });
}

template <class Ar>
void texts(Ar& ar, std::vector<std::string>& v) {
    list(ar, v, [&](std::string& s) { text(ar, s); });
}

struct DateM {
    std::int32_t y = 1970, m = 1, d = 1;
    static DateM of(const Date& date) { return {date.year(), date.month(), date.day()}; }
    Date get(const char* field) const { return Date(y, m, d, field); }
};

template <class Ar>
void date(Ar& ar, DateM& d) {
    ar & d.y & d.m & d.d;
}

template <class Ar>
void label(Ar& ar, std::string& nl, std::string& en) {
    text(ar, nl);
    text(ar, en);
}

#define ACTIELIJST_MIRROR(Type, known)                                 \
    template <class Ar>                                                \
    void serialize(Ar& ar, const unsigned version) {                   \
        if (version > known) newer(#Type, version, known);             \
        io(ar);                                                        \
    }

/// The same for a mirror that grew: io(ar, version) reads what that version wrote.
#define ACTIELIJST_MIRROR_VERSIONED(Type, known)                       \
    template <class Ar>                                                \
    void serialize(Ar& ar, const unsigned version) {                   \
        if (version > known) newer(#Type, version, known);             \
        io(ar, version);                                               \
    }

struct MetaM {
    std::string key, text_value;
    std::uint8_t tag = 0;
    bool boolean = false;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, key);
        ar & tag;
        if (tag == 0) text(ar, text_value);
        else flag(ar, boolean);
    }
    ACTIELIJST_MIRROR(MetaEntry, 1)
};

struct ThemeM {
    std::string key, nl, en;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, key);
        label(ar, nl, en);
    }
    ACTIELIJST_MIRROR(Theme, 1)
};

struct RegionM {
    std::string code, name, parent;
    std::int32_t kind = 0;
    std::vector<std::string> aliases;
    bool has_since = false;  // version 2: the date it joined the list
    DateM since;
    template <class Ar>
    void io(Ar& ar, unsigned version) {
        text(ar, code);
        text(ar, name);
        ar & kind;
        text(ar, parent);
        texts(ar, aliases);
        if (version < 2) return;
        flag(ar, has_since);
        if (has_since) date(ar, since);
    }
    ACTIELIJST_MIRROR_VERSIONED(Region, 2)
};

struct StateM {
    std::string key, nl, en;
    std::int32_t category = 0;
    bool has_since = false;  // version 2: the date it came into use
    DateM since;
    template <class Ar>
    void io(Ar& ar, unsigned version) {
        text(ar, key);
        ar & category;
        label(ar, nl, en);
        if (version < 2) return;
        flag(ar, has_since);
        if (has_since) date(ar, since);
    }
    ACTIELIJST_MIRROR_VERSIONED(ProgressState, 2)
};

struct MeetingM {
    std::string key, title;
    DateM date_;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, key);
        date(ar, date_);
        text(ar, title);
    }
    ACTIELIJST_MIRROR(Meeting, 1)
};

struct OwnerM {
    std::string name;
    std::int32_t role = 0;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, name);
        ar & role;
    }
    ACTIELIJST_MIRROR(Owner, 1)
};

struct ActionM {
    std::string key, theme, title, goal;
    std::vector<OwnerM> owners;
    std::vector<std::string> scope, see_also;
    bool has_due = false;
    DateM due;
    bool has_since = false;  // version 2: the date it joined the list
    DateM since;
    template <class Ar>
    void io(Ar& ar, unsigned version) {
        text(ar, key);
        text(ar, theme);
        text(ar, title);
        text(ar, goal);
        objects(ar, owners);
        texts(ar, scope);
        flag(ar, has_due);
        if (has_due) date(ar, due);
        texts(ar, see_also);
        if (version < 2) return;
        flag(ar, has_since);
        if (has_since) date(ar, since);
    }
    ACTIELIJST_MIRROR_VERSIONED(ActionPoint, 2)
};

struct StatusM {
    std::string action, scope, state, body, author, meeting;
    DateM as_of;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, action);
        text(ar, scope);
        text(ar, state);
        text(ar, body);
        date(ar, as_of);
        text(ar, author);
        text(ar, meeting);
    }
    ACTIELIJST_MIRROR(StatusUpdate, 1)
};

struct ProposalM {
    std::string key, action, body, meeting;
    std::int32_t state = 0, kind = 0;
    bool has_decided = false;
    DateM decided;
    // version 2: proposals are history, so a picture knows when each was tabled and
    // which meeting took its latest decision, in which words
    bool has_tabled = false;
    DateM tabled;
    std::string decided_meeting, decision;
    template <class Ar>
    void io(Ar& ar, unsigned version) {
        text(ar, key);
        text(ar, action);
        text(ar, body);
        ar & state & kind;
        text(ar, meeting);
        flag(ar, has_decided);
        if (has_decided) date(ar, decided);
        if (version < 2) return;
        flag(ar, has_tabled);
        if (has_tabled) date(ar, tabled);
        text(ar, decided_meeting);
        text(ar, decision);
    }
    ACTIELIJST_MIRROR_VERSIONED(Proposal, 2)
};

struct LevelM {
    std::string key, nl, en;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, key);
        label(ar, nl, en);
    }
    ACTIELIJST_MIRROR(Level, 1)
};

struct IndicatorM {
    std::string key, nl, en, unit;
    std::int32_t kind = 0;
    std::vector<LevelM> levels;
    bool has_since = false;  // version 2: the date it is monitored from
    DateM since;
    std::vector<std::string> actions;  // version 3: the actions it measures (before: none)
    template <class Ar>
    void io(Ar& ar, unsigned version) {
        text(ar, key);
        label(ar, nl, en);
        ar & kind;
        objects(ar, levels);
        text(ar, unit);
        if (version < 2) return;
        flag(ar, has_since);
        if (has_since) date(ar, since);
        if (version < 3) return;
        texts(ar, actions);
    }
    ACTIELIJST_MIRROR_VERSIONED(Indicator, 3)
};

struct ObservationM {
    std::string indicator, region, level, source, note;
    DateM as_of;
    bool has_value = false, has_count = false, at_least = false;
    double value = 0;
    std::int64_t count = 0;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, indicator);
        text(ar, region);
        date(ar, as_of);
        text(ar, level);
        flag(ar, has_value);
        if (has_value) ar & value;
        flag(ar, has_count);
        if (has_count) ar & count;
        flag(ar, at_least);
        text(ar, source);
        text(ar, note);
    }
    ACTIELIJST_MIRROR(Observation, 1)
};

struct DueChangeM {
    std::string action;
    bool has_from = false, has_to = false;
    DateM from, to, noted;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, action);
        flag(ar, has_from);
        if (has_from) date(ar, from);
        flag(ar, has_to);
        if (has_to) date(ar, to);
        date(ar, noted);
    }
    ACTIELIJST_MIRROR(DueChange, 1)
};

struct DueMovesM {
    std::string action;
    std::int32_t moves = 0;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, action);
        ar & moves;
        if constexpr (Ar::is_loading::value)
            if (moves < 0) throw Error(Errc::invalid, "a negative count of due-date moves");
    }
    ACTIELIJST_MIRROR(DueMoves, 1)
};

/// An action outside a scoped View's selection that its actions refer to.
struct ReferencedM {
    std::string key, title;
    bool all_closed = false;
    template <class Ar>
    void io(Ar& ar) {
        text(ar, key);
        text(ar, title);
        flag(ar, all_closed);
    }
    ACTIELIJST_MIRROR(Referenced, 1)
};

/// The whole View. Its version is the snapshot's data version.
struct ViewM {
    DateM as_of;
    std::vector<MetaM> meta;
    std::vector<ThemeM> themes;
    std::vector<RegionM> regions;
    std::vector<StateM> states;
    std::vector<MeetingM> meetings;
    std::vector<ActionM> actions;
    std::vector<StatusM> statuses;
    std::vector<ProposalM> proposals;
    std::vector<IndicatorM> indicators;
    std::vector<ObservationM> observations;
    std::vector<DueChangeM> due_changes;
    // version 2: a view holds each action's latest due-date change and the count of
    // its moves, not the whole history
    std::vector<DueMovesM> due_moves;
    // version 3: a scoped View (Store::view(date, filter)) keeps its filter and what
    // its actions refer to outside it
    std::string selection;
    std::vector<ReferencedM> referenced;
    template <class Ar>
    void io(Ar& ar, unsigned version) {
        date(ar, as_of);
        objects(ar, meta);
        objects(ar, themes);
        objects(ar, regions);
        objects(ar, states);
        objects(ar, meetings);
        objects(ar, actions);
        objects(ar, statuses);
        objects(ar, proposals);
        objects(ar, indicators);
        objects(ar, observations);
        objects(ar, due_changes);
        if (version >= 2) objects(ar, due_moves);
        if (version >= 3) {
            text(ar, selection);
            objects(ar, referenced);
        }
        version_ = version;
    }
    unsigned version_ = 3;  ///< the version read (3 when written by this library)
    ACTIELIJST_MIRROR_VERSIONED(View, 3)
};

#undef ACTIELIJST_MIRROR

}  // namespace
}  // namespace actielijst::snapshot

#define ACTIELIJST_SNAPSHOT_CLASS(T)                                                \
    BOOST_CLASS_VERSION(actielijst::snapshot::T, 1)                                 \
    BOOST_CLASS_TRACKING(actielijst::snapshot::T, boost::serialization::track_never)
ACTIELIJST_SNAPSHOT_CLASS(MetaM)
ACTIELIJST_SNAPSHOT_CLASS(ThemeM)
ACTIELIJST_SNAPSHOT_CLASS(MeetingM)
ACTIELIJST_SNAPSHOT_CLASS(OwnerM)
ACTIELIJST_SNAPSHOT_CLASS(StatusM)
ACTIELIJST_SNAPSHOT_CLASS(LevelM)
ACTIELIJST_SNAPSHOT_CLASS(ObservationM)
ACTIELIJST_SNAPSHOT_CLASS(DueChangeM)
ACTIELIJST_SNAPSHOT_CLASS(DueMovesM)
ACTIELIJST_SNAPSHOT_CLASS(ReferencedM)
#undef ACTIELIJST_SNAPSHOT_CLASS
BOOST_CLASS_VERSION(actielijst::snapshot::ViewM, 3)
BOOST_CLASS_TRACKING(actielijst::snapshot::ViewM, boost::serialization::track_never)
BOOST_CLASS_VERSION(actielijst::snapshot::RegionM, 2)
BOOST_CLASS_TRACKING(actielijst::snapshot::RegionM, boost::serialization::track_never)
BOOST_CLASS_VERSION(actielijst::snapshot::StateM, 2)
BOOST_CLASS_TRACKING(actielijst::snapshot::StateM, boost::serialization::track_never)
BOOST_CLASS_VERSION(actielijst::snapshot::IndicatorM, 3)
BOOST_CLASS_TRACKING(actielijst::snapshot::IndicatorM, boost::serialization::track_never)
BOOST_CLASS_VERSION(actielijst::snapshot::ActionM, 2)
BOOST_CLASS_TRACKING(actielijst::snapshot::ActionM, boost::serialization::track_never)
BOOST_CLASS_VERSION(actielijst::snapshot::ProposalM, 2)
BOOST_CLASS_TRACKING(actielijst::snapshot::ProposalM, boost::serialization::track_never)

namespace actielijst::snapshot {
namespace {

template <class E>
E enum_of(std::int32_t v, std::int32_t high, const std::string& field) {
    if (v < 0 || v > high) throw Error(Errc::invalid, field, "unknown value " + std::to_string(v));
    return static_cast<E>(v);
}

std::string at(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

/// Runs `make`, putting the entry's place in front of an Error's place.
template <class F>
auto entry(const std::string& where, F&& make) {
    try {
        return make();
    } catch (const Error& e) {
        throw e.within(where);
    }
}

/// A view's definitions carry only when they joined the list: a view never shows an
/// `until` (what is on the list on its date has not left it yet).
DateM since_of(const Period& p) { return p.since ? DateM::of(*p.since) : DateM{}; }

Period period_of(bool has_since, const DateM& since) {
    return has_since ? Period{since.get("since"), std::nullopt} : Period{};
}

ViewM mirror(const View& v) {
    ViewM m;
    m.as_of = DateM::of(v.as_of());
    for (const auto& e : v.meta()) {
        MetaM x;
        x.key = e.key;
        if (const auto* s = std::get_if<std::string>(&e.value)) x.text_value = *s;
        else {
            x.tag = 1;
            x.boolean = std::get<bool>(e.value);
        }
        m.meta.push_back(std::move(x));
    }
    for (const auto& t : v.themes()) m.themes.push_back({t.key(), t.label().nl(), t.label().en()});
    for (const auto& r : v.regions())
        m.regions.push_back({r.code(), r.name(), r.parent(), static_cast<std::int32_t>(r.kind()), r.aliases(),
                             r.period().since.has_value(), since_of(r.period())});
    for (const auto& s : v.states())
        m.states.push_back({s.key(), s.label().nl(), s.label().en(), static_cast<std::int32_t>(s.category()),
                            s.period().since.has_value(), since_of(s.period())});
    for (const auto& g : v.meetings()) m.meetings.push_back({g.key(), g.title(), DateM::of(g.date())});
    for (const auto& a : v.actions()) {
        ActionM x{a.key(), a.theme(), a.title(), a.goal(), {}, a.scope(), a.see_also(), a.due().has_value(), {},
                  a.since().has_value(), since_of(a.period())};
        for (const auto& o : a.owners()) x.owners.push_back({o.name(), static_cast<std::int32_t>(o.role())});
        if (a.due()) x.due = DateM::of(*a.due());
        m.actions.push_back(std::move(x));
    }
    for (const auto& s : v.statuses())
        m.statuses.push_back(
            {s.action(), s.scope(), s.state(), s.text(), s.author(), s.meeting(), DateM::of(s.as_of())});
    for (const auto& p : v.proposals()) {
        ProposalM x{p.key(),  p.action(), p.text(), p.meeting(), static_cast<std::int32_t>(p.state()),
                    static_cast<std::int32_t>(p.kind()), p.decided().has_value(), {}, p.tabled().has_value(), {},
                    p.decided_meeting(), p.decision()};
        if (p.decided()) x.decided = DateM::of(*p.decided());
        if (p.tabled()) x.tabled = DateM::of(*p.tabled());
        m.proposals.push_back(std::move(x));
    }
    for (const auto& i : v.indicators()) {
        IndicatorM x{i.key(), i.label().nl(), i.label().en(), i.unit(), static_cast<std::int32_t>(i.kind()), {},
                     i.period().since.has_value(), since_of(i.period()), i.actions()};
        for (const auto& l : i.levels()) x.levels.push_back({l.key(), l.label().nl(), l.label().en()});
        m.indicators.push_back(std::move(x));
    }
    for (const auto& o : v.observations()) {
        const auto& val = o.value();
        m.observations.push_back({o.indicator(), o.region(), val.level, o.source(), o.note(), DateM::of(o.as_of()),
                                  val.value.has_value(), val.count.has_value(), val.at_least, val.value.value_or(0),
                                  val.count.value_or(0)});
    }
    for (const auto& c : v.due_changes()) {
        DueChangeM x{c.action, c.from.has_value(), c.to.has_value(), {}, {}, DateM::of(c.noted)};
        if (c.from) x.from = DateM::of(*c.from);
        if (c.to) x.to = DateM::of(*c.to);
        m.due_changes.push_back(std::move(x));
    }
    for (const auto& [action, moves] : v.due_moves()) m.due_moves.push_back({action, moves});
    m.selection = v.selection();
    for (const auto& r : v.referenced()) m.referenced.push_back({r.key, r.title, r.all_closed});
    return m;
}

View rebuild(ViewM& m) {
    ViewData d;
    d.as_of = m.as_of.get("as_of");
    for (std::size_t i = 0; i < m.meta.size(); ++i) {
        auto& x = m.meta[i];
        if (x.tag > 1) throw Error(Errc::invalid, at("meta", i) + ": unknown value kind " + std::to_string(x.tag));
        if (x.tag == 0) d.meta.push_back({std::move(x.key), std::move(x.text_value)});
        else d.meta.push_back({std::move(x.key), x.boolean});
    }
    for (std::size_t i = 0; i < m.themes.size(); ++i) {
        auto& x = m.themes[i];
        d.themes.push_back(entry(at("themes", i), [&] { return Theme(x.key, Label(x.nl, x.en)); }));
    }
    for (std::size_t i = 0; i < m.regions.size(); ++i) {
        auto& x = m.regions[i];
        d.regions.push_back(entry(at("regions", i), [&] {
            return Region(x.code, x.name, enum_of<RegionKind>(x.kind, 2, "kind"), x.parent, x.aliases,
                          period_of(x.has_since, x.since));
        }));
    }
    for (std::size_t i = 0; i < m.states.size(); ++i) {
        auto& x = m.states[i];
        d.states.push_back(entry(at("states", i), [&] {
            return ProgressState(x.key, enum_of<StateCategory>(x.category, 4, "category"), Label(x.nl, x.en),
                                 period_of(x.has_since, x.since));
        }));
    }
    for (std::size_t i = 0; i < m.meetings.size(); ++i) {
        auto& x = m.meetings[i];
        d.meetings.push_back(entry(at("meetings", i), [&] { return Meeting(x.key, x.date_.get("date"), x.title); }));
    }
    for (std::size_t i = 0; i < m.actions.size(); ++i) {
        auto& x = m.actions[i];
        d.actions.push_back(entry(at("actions", i), [&] {
            std::vector<Owner> owners;
            for (std::size_t k = 0; k < x.owners.size(); ++k)
                owners.push_back(entry(at("owners", k), [&] {
                    return Owner(x.owners[k].name, enum_of<OwnerRole>(x.owners[k].role, 1, "role"));
                }));
            std::optional<Date> due;
            if (x.has_due) due = x.due.get("due");
            return ActionPoint(x.key, x.theme, x.title, x.goal, std::move(owners), x.scope, due, x.see_also,
                               period_of(x.has_since, x.since));
        }));
    }
    for (std::size_t i = 0; i < m.statuses.size(); ++i) {
        auto& x = m.statuses[i];
        d.statuses.push_back(entry(at("statuses", i), [&] {
            return StatusUpdate(x.action, x.scope, x.state, x.body, x.as_of.get("as_of"), x.author, x.meeting);
        }));
    }
    for (std::size_t i = 0; i < m.proposals.size(); ++i) {
        auto& x = m.proposals[i];
        d.proposals.push_back(entry(at("proposals", i), [&] {
            std::optional<Date> decided;
            if (x.has_decided) decided = x.decided.get("decided");
            std::optional<Date> tabled;
            if (x.has_tabled) tabled = x.tabled.get("tabled");
            return Proposal(x.key, x.action, x.body, enum_of<ProposalState>(x.state, 3, "state"),
                            enum_of<ProposalKind>(x.kind, 1, "kind"), x.meeting, decided, tabled, x.decided_meeting,
                            x.decision);
        }));
    }
    for (std::size_t i = 0; i < m.indicators.size(); ++i) {
        auto& x = m.indicators[i];
        d.indicators.push_back(entry(at("indicators", i), [&] {
            std::vector<Level> levels;
            for (std::size_t k = 0; k < x.levels.size(); ++k)
                levels.push_back(entry(at("levels", k), [&] {
                    return Level(x.levels[k].key, Label(x.levels[k].nl, x.levels[k].en));
                }));
            return Indicator(x.key, Label(x.nl, x.en), enum_of<IndicatorKind>(x.kind, 2, "kind"), std::move(levels),
                             x.unit, period_of(x.has_since, x.since), std::move(x.actions));
        }));
    }
    for (std::size_t i = 0; i < m.observations.size(); ++i) {
        auto& x = m.observations[i];
        d.observations.push_back(entry(at("observations", i), [&] {
            ObservationValue val{x.level, std::nullopt, std::nullopt, x.at_least};
            if (x.has_value) val.value = x.value;
            if (x.has_count) val.count = x.count;
            return Observation(x.indicator, x.region, x.as_of.get("as_of"), val, x.source, x.note);
        }));
    }
    for (std::size_t i = 0; i < m.due_changes.size(); ++i) {
        auto& x = m.due_changes[i];
        d.due_changes.push_back(entry(at("due_changes", i), [&] {
            DueChange c{x.action, std::nullopt, std::nullopt, x.noted.get("noted")};
            if (x.has_from) c.from = x.from.get("from");
            if (x.has_to) c.to = x.to.get("to");
            return c;
        }));
    }
    // Version 1 held every change up to its date, from which the view counts the moves,
    // and the latest observation per level, of which only the latest level stands.
    if (m.version_ < 2) d.observations = detail::latest_per_region(std::move(d.observations));
    if (m.version_ >= 2) {
        d.due_moves.emplace();
        for (std::size_t i = 0; i < m.due_moves.size(); ++i)
            if (!d.due_moves->emplace(std::move(m.due_moves[i].action), m.due_moves[i].moves).second)
                throw Error(Errc::invalid, at("due_moves", i) + ": a second count for one action");
    }
    d.selection = std::move(m.selection);
    for (auto& r : m.referenced) d.referenced.push_back({std::move(r.key), std::move(r.title), r.all_closed});
    return View(std::move(d));
}

/// A read-only stream buffer over the payload (no copy).
class MemoryBuf : public std::streambuf {
public:
    explicit MemoryBuf(std::string_view bytes) {
        char* p = const_cast<char*>(bytes.data());
        setg(p, p, p + bytes.size());
    }
};

/// A write-only stream buffer appending to a string, which remembers a failed
/// allocation: streams swallow exceptions of their buffer (and Boost then reports an
/// "output stream error"), so encode() asks the sink afterwards and reports running
/// out of memory as std::bad_alloc. (Making the stream rethrow is no option: the text
/// archive's destructor writes a final newline, and a throw there terminates.)
class StringSink : public std::streambuf {
public:
    explicit StringSink(std::string& out) : out_(out) {}
    bool failed() const noexcept { return failed_; }

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        try {
            out_.push_back(traits_type::to_char_type(c));
        } catch (const std::bad_alloc&) {
            failed_ = true;
            return traits_type::eof();
        }
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        try {
            out_.append(s, static_cast<std::size_t>(n));
        } catch (const std::bad_alloc&) {
            failed_ = true;
            return 0;
        }
        return n;
    }

private:
    std::string& out_;
    bool failed_ = false;
};

constexpr unsigned archive_flags = boost::archive::no_header | boost::archive::no_codecvt;

}  // namespace

std::string encode(const View& view, SnapshotFormat format) {
    const ViewM m = mirror(view);
    std::string bytes;
    StringSink sink(bytes);
    std::ostream out(&sink);
    try {
        if (format == SnapshotFormat::text) {
            boost::archive::text_oarchive ar(out, archive_flags);
            ar << m;
        } else {
            boost::archive::binary_oarchive ar(sink, archive_flags);
            ar << m;
        }
    } catch (const boost::archive::archive_exception&) {
        if (sink.failed()) throw std::bad_alloc();
        throw;
    }
    if (sink.failed() || !out) throw std::bad_alloc();
    return bytes;
}

View decode(std::string_view payload, SnapshotFormat format) {
    ViewM m;
    MemoryBuf buf(payload);
    try {
        if (format == SnapshotFormat::text) {
            std::istream in(&buf);
            in.exceptions(std::ios::badbit);  // a std::bad_alloc inside a read stays one
            boost::archive::text_iarchive ar(in, archive_flags);
            ar >> m;
        } else {
            boost::archive::binary_iarchive ar(buf, archive_flags);
            ar >> m;
        }
    } catch (const Error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(Errc::invalid, std::string("corrupt payload: ") + e.what());
    }
    // A text archive ends with a newline.
    while (format == SnapshotFormat::text && buf.in_avail() > 0 && std::isspace(buf.sgetc()) != 0) buf.sbumpc();
    if (buf.in_avail() > 0)
        throw Error(Errc::invalid, "corrupt payload: " + std::to_string(buf.in_avail()) + " bytes left over");
    return rebuild(m);
}

}  // namespace actielijst::snapshot
