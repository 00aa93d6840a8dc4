// A contact is personal data: an error about one says what is wrong and where
// (`contacts[2].email: not an e-mail address (no "@")`), never its name or address,
// whichever layer finds it: the model, the JSON reader or the merge into a store.
#include "support.hpp"

#include <string>
#include <vector>

using namespace actielijst;

namespace {

const std::string name = "Johanna Jansen-Verhoeven";
const std::string local = "johanna.jansen";
const std::string domain = "venlo-privé.nl";

/// The message says nothing of the contact's name or address, nor a recognisable part of them.
void check_private(const std::string& message) {
    CAPTURE(message);
    CHECK_FALSE(message.empty());
    for (const auto& secret : {name, local, domain, std::string("Johanna"), std::string("Jansen")})
        CHECK_LACKS(message, secret);
}

std::string doc(const std::string& contacts) {
    return "{\"format\": \"actielijst\", \"format_version\": 1, \"contacts\": " + contacts + "}";
}

std::string contact(const std::string& email_json, const std::string& name_json = "\"" + name + "\"") {
    return "{\"municipality\": \"GM0983\", \"role\": \"Beleidsmedewerker\", \"name\": " + name_json +
           ", \"email\": " + email_json + "}";
}

/// The message of the error importing `json` into a store holding the Limburg list.
std::string import_error(const std::string& json) {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    return test::error_of([&] { store.import_json(json); });
}

}  // namespace

TEST_CASE("contact privacy: a bad e-mail address is described, never repeated") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {local + "." + domain, "no \"@\""},
        {local + "@@" + domain, "more than one \"@\""},
        {local + "@" + domain + "@x", "more than one \"@\""},
        {"@" + local + domain, "nothing before the \"@\""},
        {local + "@", "nothing after the \"@\""},
        {local + " @" + domain, "contains white space"},
        {local + "@" + domain + "\n", "contains white space"},
        {"<" + local + "@" + domain + ">", "contains \"<\" or \">\""},
    };
    for (const auto& [email, why] : cases) {
        CAPTURE(email);
        const auto message = test::error_of([&] { Contact("GM0983", "Beleidsmedewerker", name, email); });
        CHECK(message == "email: not an e-mail address (" + why + ")");
        check_private(message);
    }
    CHECK_NOTHROW(Contact("GM0983", "Beleidsmedewerker", name, local + "@" + domain));
}

TEST_CASE("contact privacy: a control character in a name or address is named by its code, not by the text") {
    const auto bad_name = test::error_of([] { Contact("GM0983", "Beleid", name + "\x01", ""); });
    CHECK_STARTS(bad_name, "name: control character \"\\x01\" at byte");
    check_private(bad_name);
    const auto bad_email = test::error_of([] { Contact("GM0983", "Beleid", "N", local + "\x07@" + domain); });
    CHECK_STARTS(bad_email, "email: control character");
    check_private(bad_email);
    check_private(test::error_of([] { Contact("GM0983", "Beleid", name + "\xC3(", ""); }));  // invalid UTF-8
}

TEST_CASE("contact privacy: the JSON reader names the place and the type, never a contact's value") {
    const std::string address = "\"" + local + "@" + domain + "\"";
    struct Case {
        std::string json;
        std::string prefix;
    };
    const std::vector<Case> cases = {
        {doc("[" + contact("\"" + local + "." + domain + "\"") + "]"), "contacts[0].email: not an e-mail address (no \"@\")"},
        {doc("[" + contact("[" + address + "]") + "]"), "contacts[0].email: expected a string, got an array"},
        {doc("[" + contact("42") + "]"), "contacts[0].email: expected a string, got a number"},
        {doc("[" + contact(address, "{\"first\": \"Johanna\"}") + "]"), "contacts[0].name: expected a string, got an object"},
        {doc("[" + contact(address, "\"" + name + "\\u0001\"") + "]"), "contacts[0].name: control character"},
        {doc("[" + address + "]"), "contacts[0]: expected an object, got a string"},
        {doc("[{\"" + name + "\": " + address + "}]"), "contacts[0]: member 1 is not municipality, role, name or email"},
        {doc(address), "contacts: expected an array, got a string"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.json);
        const auto message = test::error_of([&] { (void)parse_json(c.json); });
        CHECK_STARTS(message, c.prefix);
        check_private(message);
    }
}

TEST_CASE("contact privacy: the merge names a duplicate contact by its place, not by its name") {
    const std::string address = "\"" + local + "@" + domain + "\"";
    const auto message = import_error(doc("[" + contact(address) + ", " + contact("null") + "]"));
    CHECK(message == "contacts[1].name: duplicate contact: the same municipality (GM0983), role and name as contacts[0]");
    check_private(message);
    // Not a municipality: the region is named (it is no personal data), the person is not.
    const auto region = import_error(
        doc("[{\"municipality\": \"CR37\", \"role\": \"R\", \"name\": \"" + name + "\", \"email\": " + address + "}]"));
    CHECK_STARTS(region, "contacts[0].municipality: CR37 is a corop");
    check_private(region);
}
