#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

// Model invariants: every constructor refuses bad input with Error(Errc::invalid)
// whose message starts with (or contains) the name of the offending field.

using namespace actielijst;
using test::contains;
using test::starts_with;

namespace {

// An independent calendar for checking Date against.
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_length(int y, int m) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
}

constexpr std::size_t mib = std::size_t{1} << 20;

ObservationValue level_value(std::string level) {
    ObservationValue v;
    v.level = std::move(level);
    return v;
}

ObservationValue number_value(double value) {
    ObservationValue v;
    v.value = value;
    return v;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Date

TEST_CASE("date: valid ISO dates parse into their parts and print back unchanged") {
    const Date d = Date::parse("2023-03-01");
    CHECK(d.year() == 2023);
    CHECK(d.month() == 3);
    CHECK(d.day() == 1);
    CHECK(d.iso() == "2023-03-01");
    CHECK(Date::parse("0001-01-01") == Date(1, 1, 1));
    CHECK(Date::parse("9999-12-31") == Date(9999, 12, 31));
    CHECK(Date(5, 1, 2).iso() == "0005-01-02");
    CHECK(Date::parse("2024-12-31").iso() == "2024-12-31");
}

TEST_CASE("date: text that is not YYYY-MM-DD is rejected naming the field and quoting the text") {
    for (const char* bad : {"", "2023-3-01", "2023-03-1", "20230301", "2023/03/01", "2023-03-01T00:00", " 2023-03-01",
                            "2023-03-01 ", "2023-0a-01", "+023-03-01", "-023-03-01", "2023-03-01\n", "abcd-ef-gh",
                            "2023--3-01"}) {
        CAPTURE(bad);
        const auto msg = test::error_of([&] { (void)Date::parse(bad, "as_of"); });
        CHECK_STARTS(msg, "as_of: expected a date YYYY-MM-DD, got \"");
    }
    // The default field name is "date".
    CHECK_STARTS(test::error_of([] { (void)Date::parse("1-1-2023"); }), "date: ");
}

TEST_CASE("date: well-formed text naming a day that does not exist is rejected naming the field") {
    for (const char* bad : {"2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "2023-01-00", "2023-01-32",
                            "0000-01-01", "1900-02-29", "2100-02-29"}) {
        CAPTURE(bad);
        const auto msg = test::error_of([&] { (void)Date::parse(bad, "due"); });
        CHECK_STARTS(msg, "due: no such date ");
        CHECK_HAS(msg, bad);
    }
    CHECK(test::error_of([] { (void)Date::parse("2023-02-29"); }) == "date: no such date 2023-02-29");
    CHECK_STARTS(test::error_of([] { Date(2023, 2, 29, "decided"); }), "decided: no such date 2023-02-29");
    CHECK_STARTS(test::error_of([] { Date(10000, 1, 1); }), "date: no such date");
    CHECK_STARTS(test::error_of([] { Date(2023, 6, 31); }), "date: no such date 2023-06-31");
}

TEST_CASE("date: leap years follow the Gregorian rule (every 4th year, not centuries, but every 400th)") {
    CHECK_NOTHROW(Date(2024, 2, 29));
    CHECK_NOTHROW(Date(2000, 2, 29));
    CHECK_NOTHROW(Date(1600, 2, 29));
    CHECK_NOTHROW(Date(4, 2, 29));
    CHECK_THROWS_AS(Date(2023, 2, 29), Error);
    CHECK_THROWS_AS(Date(1900, 2, 29), Error);
    CHECK_THROWS_AS(Date(2100, 2, 29), Error);
    CHECK_THROWS_AS(Date(2024, 2, 30), Error);
    CHECK(days_between(Date(2024, 1, 1), Date(2025, 1, 1)) == 366);
    CHECK(days_between(Date(2023, 1, 1), Date(2024, 1, 1)) == 365);
    CHECK(days_between(Date(2000, 1, 1), Date(2001, 1, 1)) == 366);
    CHECK(days_between(Date(1900, 1, 1), Date(1901, 1, 1)) == 365);
    CHECK(days_between(Date(2000, 1, 1), Date(2400, 1, 1)) == 146097);  // a full 400-year cycle
}

TEST_CASE("date: days() counts from 1970-01-01 at known points") {
    CHECK(Date(1970, 1, 1).days() == 0);
    CHECK(Date(1970, 1, 2).days() == 1);
    CHECK(Date(1969, 12, 31).days() == -1);
    CHECK(Date(2000, 3, 1).days() == 11017);
    CHECK(Date(2023, 3, 1).days() == 19417);
    CHECK(Date(1, 1, 1).days() == -719162);
    CHECK(Date(9999, 12, 31).days() == 2932896);
    CHECK(Date::from_days(0) == Date(1970, 1, 1));
    CHECK(Date::from_days(-1) == Date(1969, 12, 31));
    CHECK(Date::from_days(19417) == Date(2023, 3, 1));
}

TEST_CASE("date: days() and from_days() round trip over the whole range, one day at a time") {
    const std::int64_t first = Date(1, 1, 1).days();
    const std::int64_t last = Date(9999, 12, 31).days();
    int y = 1, m = 1, d = 1;  // the expected date, advanced independently of the library
    std::int64_t mismatches = 0;
    for (std::int64_t n = first; n <= last; ++n) {
        const Date date = Date::from_days(n);
        if (date.year() != y || date.month() != m || date.day() != d || date.days() != n) {
            if (mismatches++ < 5) {
                CAPTURE(n);
                CAPTURE(date.iso());
                CAPTURE(y);
                CAPTURE(m);
                CAPTURE(d);
                CHECK(false);
            }
        }
        if (n % 97 == 0 && Date::parse(date.iso()) != date) ++mismatches;
        if (++d > month_length(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                ++y;
            }
        }
    }
    CHECK(mismatches == 0);
    CHECK(y == 10000);  // the loop walked exactly to 9999-12-31
}

TEST_CASE("date: from_days() outside 0001-01-01..9999-12-31 is rejected") {
    CHECK_THROWS_AS(Date::from_days(Date(1, 1, 1).days() - 1), Error);
    CHECK_THROWS_AS(Date::from_days(Date(9999, 12, 31).days() + 1), Error);
}

TEST_CASE("date: days_between is signed and whole-day") {
    const Date a(2023, 3, 1), b(2023, 6, 1);
    CHECK(days_between(a, b) == 92);
    CHECK(days_between(b, a) == -92);
    CHECK(days_between(a, a) == 0);
    CHECK(days_between(Date(2023, 2, 28), Date(2023, 3, 1)) == 1);
    CHECK(days_between(Date(2024, 2, 28), Date(2024, 3, 1)) == 2);
    CHECK(days_between(Date(1969, 12, 31), Date(1970, 1, 1)) == 1);
}

TEST_CASE("date: ordering is chronological (year, then month, then day)") {
    CHECK(Date(2023, 1, 31) < Date(2023, 2, 1));
    CHECK(Date(2022, 12, 31) < Date(2023, 1, 1));
    CHECK(Date(2023, 2, 1) > Date(2022, 12, 31));
    CHECK(Date(2023, 3, 1) == Date::parse("2023-03-01"));
    CHECK(Date(2023, 3, 1) != Date(2023, 3, 2));
    CHECK(Date(2023, 3, 1) <= Date(2023, 3, 1));
    CHECK((Date(2023, 3, 1) <=> Date(2023, 3, 2)) < 0);
    std::vector<Date> dates{Date(2023, 3, 1), Date(1999, 12, 31), Date(2023, 2, 28), Date(2000, 1, 1), Date(2023, 10, 1)};
    std::sort(dates.begin(), dates.end());
    for (std::size_t i = 1; i < dates.size(); ++i) {
        CAPTURE(i);
        CHECK(dates[i - 1].days() < dates[i].days());
        CHECK(dates[i - 1].iso() < dates[i].iso());
    }
}

// ---------------------------------------------------------------------------------------------
// Label

TEST_CASE("label: an empty or blank Dutch text is rejected naming the field") {
    CHECK(test::error_of([] { Label(""); }) == "label.nl: must not be empty");
    CHECK_STARTS(test::error_of([] { Label(" \t\n", "Housing"); }), "label.nl: must not be empty");
    CHECK_STARTS(test::error_of([] { Label("", "Housing", "themes[2].label"); }), "themes[2].label.nl: must not be empty");
    CHECK_NOTHROW(Label("Wonen"));
    CHECK_NOTHROW(Label("Wonen", ""));
}

TEST_CASE("label: invalid UTF-8 is rejected with the byte offset, in Dutch and in English") {
    CHECK(test::error_of([] { Label("ab\xC3\x28"); }) == "label.nl: invalid UTF-8 at byte 2");
    CHECK(test::error_of([] { Label("Wonen", "x\xFF"); }) == "label.en: invalid UTF-8 at byte 1");
    // Overlong encodings, surrogates, code points above U+10FFFF and truncated sequences.
    CHECK_HAS(test::error_of([] { Label("\xC0\x80"); }), "label.nl: invalid UTF-8 at byte 0");
    CHECK_HAS(test::error_of([] { Label("a\xE0\x80\x80"); }), "label.nl: invalid UTF-8 at byte 1");
    CHECK_HAS(test::error_of([] { Label("ab\xED\xA0\x80"); }), "label.nl: invalid UTF-8 at byte 2");
    CHECK_HAS(test::error_of([] { Label("\xF4\x90\x80\x80"); }), "label.nl: invalid UTF-8 at byte 0");
    CHECK_HAS(test::error_of([] { Label("abc\xE2\x82"); }), "label.nl: invalid UTF-8 at byte 3");
    CHECK_HAS(test::error_of([] { Label("\x80"); }), "label.nl: invalid UTF-8 at byte 0");
    // Valid multi-byte text is fine.
    CHECK_NOTHROW(Label("Cre\xC3\xABren \xE2\x80\x94 \xF0\x9F\x98\x80", "\xE2\x82\xAC"));
}

TEST_CASE("label: in(\"en\") falls back to Dutch when there is no English text") {
    const Label both("Wonen", "Housing");
    CHECK(both.in("nl") == "Wonen");
    CHECK(both.in("en") == "Housing");
    CHECK(both.in("de") == "Wonen");
    const Label dutch("Wonen");
    CHECK(dutch.in("en") == "Wonen");
    CHECK(dutch.in("nl") == "Wonen");
    CHECK(dutch.en().empty());
}

// ---------------------------------------------------------------------------------------------
// Keys: Theme and Region

TEST_CASE("theme: keys are 1-64 characters from A-Z a-z 0-9 _ - .") {
    CHECK_NOTHROW(Theme("wonen", Label("Wonen")));
    CHECK_NOTHROW(Theme("A-Z_a.z-09", Label("x")));
    CHECK_NOTHROW(Theme(std::string(64, 'k'), Label("x")));
    CHECK_STARTS(test::error_of([] { Theme(std::string(65, 'k'), Label("x")); }), "key: longer than 64");
    CHECK(test::error_of([] { Theme("", Label("x")); }) == "key: must not be empty");
    for (const char* bad : {"wo nen", "wonen/", "wonen:", "w\xC3\xB6nen", "wonen\n", "thema#1", "a+b", "\"x\""}) {
        CAPTURE(bad);
        CHECK_STARTS(test::error_of([&] { Theme(bad, Label("x")); }), "key: invalid key ");
    }
}

TEST_CASE("theme: a default-constructed (empty) label is rejected naming label.nl") {
    CHECK_STARTS(test::error_of([] { Theme("wonen", Label()); }), "label.nl: must not be empty");
}

TEST_CASE("region: codes follow the key rules and the name must be non-empty UTF-8") {
    CHECK_NOTHROW(Region("PV31", "Limburg", RegionKind::province));
    CHECK_STARTS(test::error_of([] { Region("PV 31", "Limburg", RegionKind::province); }), "code: invalid key ");
    CHECK_STARTS(test::error_of([] { Region(std::string(65, 'C'), "Limburg", RegionKind::province); }),
                 "code: longer than 64");
    CHECK_NOTHROW(Region(std::string(64, 'C'), "Limburg", RegionKind::province));
    CHECK_STARTS(test::error_of([] { Region("PV31", "", RegionKind::province); }), "name: must not be empty");
    CHECK_STARTS(test::error_of([] { Region("PV31", "Lim\xC3\x28", RegionKind::province); }),
                 "name: invalid UTF-8 at byte 3");
}

TEST_CASE("region: a province with a parent is rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Region("PV31", "Limburg", RegionKind::province, "PV30"); }),
                 "parent: a province has no parent");
}

TEST_CASE("region: a COROP region or municipality without a parent is rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Region("CR37", "Noord-Limburg", RegionKind::corop); }), "parent: ");
    CHECK_HAS(test::error_of([] { Region("CR37", "Noord-Limburg", RegionKind::corop); }), "needs a parent");
    CHECK_STARTS(test::error_of([] { Region("GM0983", "Venlo", RegionKind::municipality); }), "parent: ");
    CHECK_NOTHROW(Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31"));
    CHECK_NOTHROW(Region("GM0983", "Venlo", RegionKind::municipality, "CR37"));
}

TEST_CASE("region: a region that is its own parent is rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Region("CR37", "Noord-Limburg", RegionKind::corop, "CR37"); }),
                 "parent: a region cannot be its own parent");
}

TEST_CASE("region: a parent may be given by an alias; it must be valid UTF-8") {
    CHECK_NOTHROW(Region("GM0983", "Venlo", RegionKind::municipality, "Regio Noord"));
    CHECK_STARTS(test::error_of([] { Region("GM0983", "Venlo", RegionKind::municipality, "Regio \xC3\x28"); }),
                 "parent: invalid UTF-8");
}

TEST_CASE("region: an alias repeating the name, the code or another alias (any case) is rejected naming the alias") {
    CHECK_NOTHROW(Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord", "Regio Noord"}));
    CHECK_STARTS(test::error_of([] { Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"NOORD-limburg"}); }),
                 "aliases[0]: alias \"NOORD-limburg\" repeats");
    CHECK_STARTS(test::error_of([] { Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord", "cr37"}); }),
                 "aliases[1]: ");
    CHECK_STARTS(
        test::error_of([] { Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord", "Regio", "nOORD"}); }),
        "aliases[2]: ");
    CHECK_STARTS(test::error_of([] { Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord", ""}); }),
                 "aliases[1]: must not be empty");
}

TEST_CASE("region: parent_kind_of gives the kind one level up") {
    CHECK(parent_kind_of(RegionKind::province) == std::nullopt);
    CHECK(parent_kind_of(RegionKind::corop) == RegionKind::province);
    CHECK(parent_kind_of(RegionKind::municipality) == RegionKind::corop);
}

// ---------------------------------------------------------------------------------------------
// Progress states

TEST_CASE("progress state: the default set has 8 states with exactly these keys and categories, in order") {
    const auto states = default_progress_states();
    REQUIRE(states.size() == 8);
    const std::vector<std::pair<std::string, StateCategory>> expected{
        {"not_started", StateCategory::todo},     {"in_progress", StateCategory::active},
        {"almost_done", StateCategory::active},   {"ongoing", StateCategory::active},
        {"under_review", StateCategory::active},  {"stalled", StateCategory::blocked},
        {"done", StateCategory::done},            {"no_action_needed", StateCategory::dropped},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(states[i].key() == expected[i].first);
        CHECK(states[i].category() == expected[i].second);
        CHECK_FALSE(states[i].label().nl().empty());
        CHECK_FALSE(states[i].label().en().empty());
    }
}

TEST_CASE("progress state: closed() is true exactly for the done and dropped categories") {
    for (const auto& s : default_progress_states()) {
        CAPTURE(s.key());
        CHECK(s.closed() == (s.key() == "done" || s.key() == "no_action_needed"));
    }
    CHECK(ProgressState("x", StateCategory::done, Label("X")).closed());
    CHECK(ProgressState("x", StateCategory::dropped, Label("X")).closed());
    CHECK_FALSE(ProgressState("x", StateCategory::todo, Label("X")).closed());
    CHECK_FALSE(ProgressState("x", StateCategory::active, Label("X")).closed());
    CHECK_FALSE(ProgressState("x", StateCategory::blocked, Label("X")).closed());
}

TEST_CASE("progress state: bad key, empty label and unknown category are rejected naming the field") {
    CHECK_STARTS(test::error_of([] { ProgressState("in progress", StateCategory::active, Label("X")); }), "key: ");
    CHECK_STARTS(test::error_of([] { ProgressState("klaar", StateCategory::done, Label()); }), "label.nl: ");
    CHECK_STARTS(test::error_of([] { ProgressState("klaar", static_cast<StateCategory>(7), Label("Klaar")); }),
                 "category: ");
}

// ---------------------------------------------------------------------------------------------
// Action points

TEST_CASE("action point: empty title or goal is rejected naming the field") {
    CHECK(test::error_of([] { ActionPoint("a", "wonen", "", "Doel"); }) == "title: must not be empty");
    CHECK(test::error_of([] { ActionPoint("a", "wonen", "Titel", " \n"); }) == "goal: must not be empty");
    CHECK_STARTS(test::error_of([] { ActionPoint("", "wonen", "Titel", "Doel"); }), "key: must not be empty");
    CHECK_STARTS(test::error_of([] { ActionPoint("a b", "wonen", "Titel", "Doel"); }), "key: invalid key");
    CHECK_STARTS(test::error_of([] { ActionPoint("a", "", "Titel", "Doel"); }), "theme: must not be empty");
    CHECK_NOTHROW(ActionPoint("a", "wonen", "Titel", "Doel"));
}

TEST_CASE("action point: a region named twice in the scope is rejected naming the position") {
    CHECK_STARTS(test::error_of([] { ActionPoint("a", "wonen", "T", "G", {}, {"CR37", "CR38", "CR37"}); }),
                 "scope[2]: duplicate region \"CR37\"");
    CHECK_STARTS(test::error_of([] { ActionPoint("a", "wonen", "T", "G", {}, {"CR37", ""}); }),
                 "scope[1]: must not be empty");
}

TEST_CASE("action point: a cross reference to itself is rejected naming the position") {
    CHECK_STARTS(test::error_of([] { ActionPoint("a", "wonen", "T", "G", {}, {}, std::nullopt, {"b", "a"}); }),
                 "see_also[1]: an action cannot refer to itself");
}

TEST_CASE("action point: a duplicate cross reference is rejected naming the position") {
    CHECK_STARTS(test::error_of([] { ActionPoint("a", "wonen", "T", "G", {}, {}, std::nullopt, {"b", "c", "b"}); }),
                 "see_also[2]: duplicate reference \"b\"");
    CHECK_STARTS(test::error_of([] { ActionPoint("a", "wonen", "T", "G", {}, {}, std::nullopt, {"b", "c d"}); }),
                 "see_also[1]: invalid key");
}

TEST_CASE("action point: the same owner twice is rejected naming the position, whatever the roles") {
    CHECK_STARTS(test::error_of([] {
                     ActionPoint("a", "wonen", "T", "G",
                                 {Owner("Gemeenten", OwnerRole::lead), Owner("Provincie", OwnerRole::support),
                                  Owner("Gemeenten", OwnerRole::support)});
                 }),
                 "owners[2].name: duplicate owner \"Gemeenten\"");
    CHECK_STARTS(test::error_of([] { Owner("", OwnerRole::lead); }), "name: must not be empty");
    CHECK_STARTS(test::error_of([] { Owner("Gemeenten", static_cast<OwnerRole>(2)); }), "role: ");
}

TEST_CASE("action point: a valid action keeps every member as given") {
    const ActionPoint a("wonen-beleid", "wonen", "Huisvesting", "Beleid voor huisvesting",
                        {Owner("Gemeenten", OwnerRole::lead), Owner("Provincie", OwnerRole::support)}, {"CR37", "CR38"},
                        Date(2024, 12, 31), {"werken-excessen"});
    CHECK(a.key() == "wonen-beleid");
    CHECK(a.theme() == "wonen");
    CHECK(a.title() == "Huisvesting");
    CHECK(a.goal() == "Beleid voor huisvesting");
    REQUIRE(a.owners().size() == 2);
    CHECK(a.owners()[1] == Owner("Provincie", OwnerRole::support));
    CHECK(a.scope() == std::vector<std::string>{"CR37", "CR38"});
    CHECK(a.due() == Date(2024, 12, 31));
    CHECK(a.see_also() == std::vector<std::string>{"werken-excessen"});
    CHECK(a != ActionPoint("wonen-beleid", "wonen", "Huisvesting", "Beleid voor huisvesting"));
}

// ---------------------------------------------------------------------------------------------
// Status updates, proposals, meetings

TEST_CASE("status update: empty text is rejected naming the field") {
    CHECK(test::error_of([] { StatusUpdate("a", "CR37", "done", "", Date(2023, 3, 1)); }) == "text: must not be empty");
    CHECK(test::error_of([] { StatusUpdate("a", "CR37", "done", "\t ", Date(2023, 3, 1)); }) == "text: must not be empty");
}

TEST_CASE("status update: a state that is not a key is rejected naming the field") {
    CHECK_STARTS(test::error_of([] { StatusUpdate("a", "CR37", "in progress", "x", Date(2023, 3, 1)); }),
                 "state: invalid key \"in progress\"");
    CHECK_STARTS(test::error_of([] { StatusUpdate("a", "CR37", "", "x", Date(2023, 3, 1)); }),
                 "state: must not be empty");
}

TEST_CASE("status update: bad action, scope, author and meeting are rejected naming the field") {
    CHECK_STARTS(test::error_of([] { StatusUpdate("a/b", "CR37", "done", "x", Date(2023, 3, 1)); }), "action: ");
    CHECK_STARTS(test::error_of([] { StatusUpdate("a", "", "done", "x", Date(2023, 3, 1)); }), "scope: ");
    CHECK_STARTS(test::error_of([] { StatusUpdate("a", "CR37", "done", "x", Date(2023, 3, 1), "\xFF"); }),
                 "author: invalid UTF-8 at byte 0");
    CHECK_STARTS(test::error_of([] { StatusUpdate("a", "CR37", "done", "x", Date(2023, 3, 1), "", "sg 1"); }),
                 "meeting: ");
    // A scope may be an alias with spaces; resolving it is the store's job.
    CHECK_NOTHROW(StatusUpdate("a", "Regio Noord", "done", "x", Date(2023, 3, 1), "Stuurgroep", "sg-1"));
}

TEST_CASE("proposal: an open proposal with a decision date is rejected naming the field") {
    CHECK(test::error_of([] {
              Proposal("P1", "a", "Tekst", ProposalState::open, ProposalKind::proposal, {}, Date(2023, 3, 1));
          }) == "decided: an open proposal has no decision date (got 2023-03-01)");
    for (auto state : {ProposalState::adopted, ProposalState::rejected, ProposalState::withdrawn}) {
        CAPTURE(to_string(state));
        CHECK_NOTHROW(Proposal("P1", "a", "Tekst", state, ProposalKind::consensus, "sg-1", Date(2023, 3, 1)));
    }
    CHECK_NOTHROW(Proposal("P1", "a", "Tekst", ProposalState::open));
}

TEST_CASE("proposal: bad key, action, text, meeting, state and kind are rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Proposal("P 1", "a", "T", ProposalState::open); }), "key: ");
    CHECK_STARTS(test::error_of([] { Proposal("P1", "", "T", ProposalState::open); }), "action: ");
    CHECK_STARTS(test::error_of([] { Proposal("P1", "a", "", ProposalState::open); }), "text: must not be empty");
    CHECK_STARTS(test::error_of([] { Proposal("P1", "a", "T", ProposalState::open, ProposalKind::proposal, "m 1"); }),
                 "meeting: ");
    CHECK_STARTS(test::error_of([] { Proposal("P1", "a", "T", static_cast<ProposalState>(4)); }), "state: ");
    CHECK_STARTS(test::error_of([] { Proposal("P1", "a", "T", ProposalState::open, static_cast<ProposalKind>(2)); }),
                 "kind: ");
}

TEST_CASE("meeting: bad key and invalid title are rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Meeting("", Date(2023, 3, 1)); }), "key: must not be empty");
    CHECK_STARTS(test::error_of([] { Meeting("sg 1", Date(2023, 3, 1)); }), "key: invalid key");
    CHECK_STARTS(test::error_of([] { Meeting("sg-1", Date(2023, 3, 1), "a\xC3"); }), "title: invalid UTF-8 at byte 1");
    CHECK_NOTHROW(Meeting("2023-03-01", Date(2023, 3, 1)));
}

// ---------------------------------------------------------------------------------------------
// Indicators and observations

TEST_CASE("indicator: an ordinal indicator with fewer than two levels is rejected naming levels") {
    CHECK_STARTS(test::error_of([] { Indicator("p", Label("P"), IndicatorKind::ordinal); }), "levels: ");
    CHECK_STARTS(test::error_of([] { Indicator("p", Label("P"), IndicatorKind::ordinal, {Level("none", Label("Geen"))}); }),
                 "levels: an ordinal indicator needs at least two levels");
}

TEST_CASE("indicator: duplicate levels are rejected naming the position") {
    CHECK_STARTS(test::error_of([] {
                     Indicator("p", Label("P"), IndicatorKind::ordinal,
                               {Level("none", Label("Geen")), Level("some", Label("Wat")), Level("none", Label("Niets"))});
                 }),
                 "levels[2].key: duplicate level \"none\"");
}

TEST_CASE("indicator: a unit on an ordinal indicator is rejected naming unit") {
    CHECK_STARTS(test::error_of([] {
                     Indicator("p", Label("P"), IndicatorKind::ordinal,
                               {Level("none", Label("Geen")), Level("all", Label("Alle"))}, "personen");
                 }),
                 "unit: an ordinal indicator has no unit");
}

TEST_CASE("indicator: levels on a count or number indicator are rejected naming levels") {
    for (auto kind : {IndicatorKind::count, IndicatorKind::number}) {
        CAPTURE(to_string(kind));
        CHECK_STARTS(test::error_of([&] {
                         Indicator("n", Label("N"), kind, {Level("none", Label("Geen")), Level("all", Label("Alle"))});
                     }),
                     "levels: only an ordinal indicator has levels");
        CHECK_NOTHROW(Indicator("n", Label("N"), kind, {}, "personen"));
    }
}

TEST_CASE("indicator: bad key, empty label, bad level key and unknown kind are rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Indicator("a b", Label("N"), IndicatorKind::count); }), "key: ");
    CHECK_STARTS(test::error_of([] { Indicator("n", Label(), IndicatorKind::count); }), "label.nl: ");
    CHECK_STARTS(test::error_of([] { Level("geen beleid", Label("Geen")); }), "key: ");
    CHECK_STARTS(test::error_of([] { Level("none", Label()); }), "label.nl: ");
    CHECK_STARTS(test::error_of([] { Indicator("n", Label("N"), static_cast<IndicatorKind>(3)); }), "kind: ");
}

TEST_CASE("indicator: level_rank is the position of a level, lowest first, and -1 when unknown") {
    const Indicator ordinal("short_stay_policy", Label("Short-stay beleid"), IndicatorKind::ordinal,
                            {Level("none", Label("Geen")), Level("in_preparation", Label("In voorbereiding")),
                             Level("adopted", Label("Vastgesteld"))});
    CHECK(ordinal.level_rank("none") == 0);
    CHECK(ordinal.level_rank("in_preparation") == 1);
    CHECK(ordinal.level_rank("adopted") == 2);
    CHECK(ordinal.level_rank("Adopted") == -1);
    CHECK(ordinal.level_rank("") == -1);
    const Indicator count("workers", Label("Werknemers"), IndicatorKind::count, {}, "personen");
    CHECK(count.level_rank("none") == -1);
    CHECK(count.unit() == "personen");
}

TEST_CASE("observation: a level and a value together are rejected naming value") {
    auto v = level_value("adopted");
    v.value = 3.0;
    CHECK_STARTS(test::error_of([&] { Observation("p", "CR37", Date(2023, 3, 1), v); }),
                 "value: an observation has either a level or a value, not both");
}

TEST_CASE("observation: a count together with at_least is rejected naming at_least") {
    auto v = level_value("adopted");
    v.count = 4;
    v.at_least = true;
    CHECK_STARTS(test::error_of([&] { Observation("p", "CR37", Date(2023, 3, 1), v); }), "at_least: ");
}

TEST_CASE("observation: a negative count is rejected naming count") {
    auto v = level_value("adopted");
    v.count = -1;
    CHECK(test::error_of([&] { Observation("p", "CR37", Date(2023, 3, 1), v); }) == "count: must not be negative, got -1");
    v.count = 0;
    CHECK_NOTHROW(Observation("p", "CR37", Date(2023, 3, 1), v));
}

TEST_CASE("observation: count or at_least without a level is rejected naming the field") {
    ObservationValue v;
    v.value = 3;
    v.count = 2;
    CHECK_STARTS(test::error_of([&] { Observation("n", "CR37", Date(2023, 3, 1), v); }), "count: ");
    ObservationValue w;
    w.value = 3;
    w.at_least = true;
    CHECK_STARTS(test::error_of([&] { Observation("n", "CR37", Date(2023, 3, 1), w); }), "at_least: ");
}

TEST_CASE("observation: a missing value without a note is rejected naming note") {
    CHECK_STARTS(test::error_of([] { Observation("n", "PV31", Date(2020, 12, 31), ObservationValue{}); }), "note: ");
    CHECK_STARTS(test::error_of([] { Observation("n", "PV31", Date(2020, 12, 31), ObservationValue{}, "CBS"); }), "note: ");
    CHECK_NOTHROW(Observation("n", "PV31", Date(2020, 12, 31), ObservationValue{}, "CBS", "De bron noemt geen aantal."));
}

TEST_CASE("observation: a non-finite value is rejected naming value") {
    for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity()}) {
        CAPTURE(bad);
        CHECK(test::error_of([&] { Observation("n", "PV31", Date(2023, 3, 1), number_value(bad)); }) ==
              "value: must be a finite number");
    }
    CHECK_NOTHROW(Observation("n", "PV31", Date(2023, 3, 1), number_value(-12.5)));
    CHECK_NOTHROW(Observation("n", "PV31", Date(2023, 3, 1), number_value(0.0)));
}

TEST_CASE("observation: bad indicator key, empty region and invalid note are rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Observation("a b", "PV31", Date(2023, 3, 1), number_value(1)); }), "indicator: ");
    CHECK_STARTS(test::error_of([] { Observation("n", "", Date(2023, 3, 1), number_value(1)); }), "region: ");
    CHECK_STARTS(test::error_of([] { Observation("n", "PV31", Date(2023, 3, 1), number_value(1), "", "\xFE"); }),
                 "note: invalid UTF-8");
    CHECK_STARTS(test::error_of([] { Observation("p", "PV31", Date(2023, 3, 1), level_value("in preparation")); }),
                 "level: ");
}

// ---------------------------------------------------------------------------------------------
// Contacts

TEST_CASE("contact: an e-mail address that is not local@domain is rejected naming email") {
    for (const char* bad : {"jan", "@venlo.nl", "jan@", "jan@@venlo.nl", "a@b@c", "jan @venlo.nl", "<jan@venlo.nl>",
                            "jan@venlo.nl\n"}) {
        CAPTURE(bad);
        CHECK_STARTS(test::error_of([&] { Contact("GM0983", "Beleidsmedewerker", "J. Jansen", bad); }),
                     "email: not an e-mail address");
    }
    CHECK_NOTHROW(Contact("GM0983", "Beleidsmedewerker", "J. Jansen", "j.jansen@venlo.nl"));
    CHECK_NOTHROW(Contact("GM0983", "Beleidsmedewerker", "J. Jansen"));
}

TEST_CASE("contact: empty municipality, role or name is rejected naming the field") {
    CHECK_STARTS(test::error_of([] { Contact("", "Beleid", "Jan"); }), "municipality: must not be empty");
    CHECK_STARTS(test::error_of([] { Contact("GM0983", "", "Jan"); }), "role: must not be empty");
    CHECK_STARTS(test::error_of([] { Contact("GM0983", "Beleid", " "); }), "name: must not be empty");
    CHECK(Contact::personal_data);
}

// ---------------------------------------------------------------------------------------------
// Enums

TEST_CASE("enums: to_string and parse round trip for every value, with the documented names") {
    const std::vector<std::pair<RegionKind, std::string>> regions{
        {RegionKind::province, "province"}, {RegionKind::corop, "corop"}, {RegionKind::municipality, "municipality"}};
    for (const auto& [v, name] : regions) {
        CHECK(to_string(v) == name);
        CHECK(parse_region_kind(name) == v);
    }
    const std::vector<std::pair<StateCategory, std::string>> categories{{StateCategory::todo, "todo"},
                                                                        {StateCategory::active, "active"},
                                                                        {StateCategory::blocked, "blocked"},
                                                                        {StateCategory::done, "done"},
                                                                        {StateCategory::dropped, "dropped"}};
    for (const auto& [v, name] : categories) {
        CHECK(to_string(v) == name);
        CHECK(parse_state_category(name) == v);
    }
    const std::vector<std::pair<OwnerRole, std::string>> roles{{OwnerRole::lead, "lead"}, {OwnerRole::support, "support"}};
    for (const auto& [v, name] : roles) {
        CHECK(to_string(v) == name);
        CHECK(parse_owner_role(name) == v);
    }
    const std::vector<std::pair<ProposalState, std::string>> pstates{{ProposalState::open, "open"},
                                                                     {ProposalState::adopted, "adopted"},
                                                                     {ProposalState::rejected, "rejected"},
                                                                     {ProposalState::withdrawn, "withdrawn"}};
    for (const auto& [v, name] : pstates) {
        CHECK(to_string(v) == name);
        CHECK(parse_proposal_state(name) == v);
    }
    const std::vector<std::pair<ProposalKind, std::string>> pkinds{{ProposalKind::proposal, "proposal"},
                                                                   {ProposalKind::consensus, "consensus"}};
    for (const auto& [v, name] : pkinds) {
        CHECK(to_string(v) == name);
        CHECK(parse_proposal_kind(name) == v);
    }
    const std::vector<std::pair<IndicatorKind, std::string>> ikinds{
        {IndicatorKind::ordinal, "ordinal"}, {IndicatorKind::count, "count"}, {IndicatorKind::number, "number"}};
    for (const auto& [v, name] : ikinds) {
        CHECK(to_string(v) == name);
        CHECK(parse_indicator_kind(name) == v);
    }
}

TEST_CASE("enums: parse errors name the field and list every choice") {
    CHECK(test::error_of([] { (void)parse_region_kind("gemeente", "regions[5].kind"); }) ==
          "regions[5].kind: expected one of province, corop, municipality, got \"gemeente\"");
    CHECK(test::error_of([] { (void)parse_state_category("klaar"); }) ==
          "category: expected one of todo, active, blocked, done, dropped, got \"klaar\"");
    CHECK(test::error_of([] { (void)parse_owner_role("boss"); }) == "role: expected one of lead, support, got \"boss\"");
    CHECK(test::error_of([] { (void)parse_proposal_state("besloten"); }) ==
          "state: expected one of open, adopted, rejected, withdrawn, got \"besloten\"");
    CHECK(test::error_of([] { (void)parse_proposal_kind(""); }) == "kind: expected one of proposal, consensus, got \"\"");
    CHECK(test::error_of([] { (void)parse_indicator_kind("ratio"); }) ==
          "kind: expected one of ordinal, count, number, got \"ratio\"");
}

// ---------------------------------------------------------------------------------------------
// Size limit

TEST_CASE("text: a text over 1 MiB is rejected naming the field; exactly 1 MiB is accepted") {
    const std::string limit(mib, 'a');
    const std::string over(mib + 1, 'a');
    CHECK_NOTHROW(ActionPoint("a", "wonen", "T", limit));
    CHECK(test::error_of([&] { ActionPoint("a", "wonen", over, "G"); }) ==
          "title: text of 1048577 bytes exceeds the limit of 1048576 bytes");
    CHECK_STARTS(test::error_of([&] { ActionPoint("a", "wonen", "T", over); }), "goal: text of 1048577 bytes");
    CHECK_STARTS(test::error_of([&] { StatusUpdate("a", "CR37", "done", over, Date(2023, 3, 1)); }), "text: text of");
    CHECK_STARTS(test::error_of([&] { Label("Wonen", over); }), "label.en: text of");
    CHECK_STARTS(test::error_of([&] { Proposal("P1", "a", over, ProposalState::open); }), "text: text of");
    CHECK_STARTS(test::error_of([&] { Observation("n", "PV31", Date(2023, 3, 1), ObservationValue{}, "", over); }),
                 "note: text of");
    CHECK_STARTS(test::error_of([&] { Contact("GM0983", "Beleid", over); }), "name: text of");
}

TEST_CASE("indicator: the actions it measures are kept in order, and none means a list-wide indicator") {
    const Indicator wide("workers", Label("Werknemers"), IndicatorKind::count, {}, "personen");
    CHECK(wide.actions().empty());
    const Indicator linked("workers", Label("Werknemers"), IndicatorKind::count, {}, "personen", Period{},
                           {"algemeen-monitoring", "wonen-lokaal-beleid"});
    CHECK(linked.actions() == std::vector<std::string>{"algemeen-monitoring", "wonen-lokaal-beleid"});
    // operator== compares them: the same indicator measuring other actions is another definition.
    CHECK_FALSE(wide == linked);
    CHECK(linked == Indicator("workers", Label("Werknemers"), IndicatorKind::count, {}, "personen", Period{},
                              {"algemeen-monitoring", "wonen-lokaal-beleid"}));
    CHECK_FALSE(linked == Indicator("workers", Label("Werknemers"), IndicatorKind::count, {}, "personen", Period{},
                                    {"wonen-lokaal-beleid", "algemeen-monitoring"}));
}

TEST_CASE("indicator: a duplicate or malformed action key is rejected naming its position") {
    const std::vector<Level> levels{Level("none", Label("Geen")), Level("adopted", Label("Vastgesteld"))};
    CHECK_STARTS(test::error_of([&] {
                     Indicator("p", Label("P"), IndicatorKind::ordinal, levels, {}, Period{},
                               {"wonen-lokaal-beleid", "algemeen-monitoring", "wonen-lokaal-beleid"});
                 }),
                 "actions[2]: duplicate action \"wonen-lokaal-beleid\"");
    CHECK_STARTS(test::error_of([&] {
                     Indicator("p", Label("P"), IndicatorKind::ordinal, levels, {}, Period{}, {"a", "geen sleutel"});
                 }),
                 "actions[1]: ");
    CHECK_STARTS(test::error_of([&] { Indicator("p", Label("P"), IndicatorKind::ordinal, levels, {}, Period{}, {""}); }),
                 "actions[0]: ");
}
