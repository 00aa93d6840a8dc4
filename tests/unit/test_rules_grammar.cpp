#include "support.hpp"
#include <actielijst/rules.hpp>
using namespace actielijst;
TEST_CASE("smoke") {
    auto rs = RuleSet::parse("rule a severity info when 1 < 2 message \"x {1}\"");
    CHECK(rs.rules().size() == 1);
}
