// Writes the seed corpus of fuzz_snapshot (fuzz/corpus/snapshot/): small views as
// whole files (first byte 0) and as bare text (1) and binary (2) payloads. Not part
// of the build; run by hand after a change of the snapshot format:
//   g++ -std=c++20 -Iinclude -Isrc fuzz/make_snapshot_seeds.cpp build/dev/src/libactielijst_core.a \
//       -lboost_serialization -lSQLiteCpp -lsqlite3 -o /tmp/seeds && /tmp/seeds fuzz/corpus/snapshot
#include "snapshot/envelope.hpp"

#include <actielijst/snapshot.hpp>

#include <fstream>
#include <string>

using namespace actielijst;

namespace {

View tiny() {
    ViewData d;
    d.as_of = Date(2023, 3, 1);
    d.themes = {Theme("wonen", Label("Wonen"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province)};
    d.states = {ProgressState("done", StateCategory::done, Label("gereed"))};
    d.actions = {ActionPoint("a1", "wonen", "T", "G")};
    d.statuses = {StatusUpdate("a1", "PV31", "done", "x", Date(2023, 1, 1))};
    return View(std::move(d));
}

View options() {
    ViewData d;
    d.as_of = Date(2023, 3, 1);
    d.meta = {{"title", std::string("t")}, {"draft", true}};
    d.themes = {Theme("wonen", Label("Wonen", "Housing"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province),
                 Region("CR37", "Noord", RegionKind::corop, "PV31", {"Regio Noord"}),
                 Region("GM0983", "Venlo", RegionKind::municipality, "CR37")};
    d.states = default_progress_states();
    d.meetings = {Meeting("m1", Date(2023, 1, 10), "Stuurgroep")};
    d.actions = {ActionPoint("a1", "wonen", "T", "G", {{"Provincie", OwnerRole::lead}}, {"CR37"}, Date(2024, 1, 1),
                             {"a2"}),
                 ActionPoint("a2", "wonen", "U", "H")};
    d.statuses = {StatusUpdate("a1", "CR37", "stalled", "x", Date(2023, 1, 1), "S", "m1")};
    d.proposals = {Proposal("P1", "a1", "p", ProposalState::adopted, ProposalKind::consensus, "m1", Date(2023, 1, 10))};
    d.indicators = {Indicator("b", Label("B"), IndicatorKind::ordinal, {Level("n", Label("n")), Level("y", Label("y"))}),
                    Indicator("c", Label("C"), IndicatorKind::number, {}, "%")};
    d.observations = {Observation("b", "CR37", Date(2023, 1, 1), {"y", std::nullopt, 2, false}, "s", "n"),
                      Observation("c", "PV31", Date(2023, 1, 1), {"", 2.5, std::nullopt, false})};
    d.due_changes = {{"a1", std::nullopt, Date(2024, 1, 1), Date(2023, 1, 1)}};
    return View(std::move(d));
}

void write(const std::string& path, char mode, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.put(mode);
    out << bytes;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : ".";
    const View views[] = {tiny(), options()};
    const char* names[] = {"tiny", "options"};
    for (int i = 0; i < 2; ++i) {
        for (const auto format : {SnapshotFormat::text, SnapshotFormat::binary}) {
            const std::string kind(to_string(format));
            const auto file = snapshot_bytes(views[i], format);
            write(dir + "/" + names[i] + "-file-" + kind + ".bin", 0, file);
            write(dir + "/" + names[i] + "-payload-" + kind + ".bin", format == SnapshotFormat::text ? 1 : 2,
                  file.substr(snapshot::header_size));
        }
    }
    return 0;
}
