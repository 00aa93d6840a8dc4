// Forms (docs/benchmarks.md, "Forms"): writing the Limburg forms for its 3 COROP
// regions and 31 municipalities, and reading back a returned form of many rows.
//
//   bench_forms --limburg examples/data/limburg.json [--rows 10000] [--reps 5] [--dir DIR] [--keep]
//
// --keep leaves read-base.db, filled.xlsx and filled.csv in DIR, for measuring a whole
// `actielijst verwerk` process on them.
// Writing: build_forms + write_forms for the 34 regions, as one workbook with a sheet
// per region, as 34 XLSX files (uitvraag --out-dir), and as 34 CSV files.
// Reading: the Limburg list plus `rows` action points in Zuid-Limburg, a form for
// that region with every row filled in (made with libxlsxwriter, as a spreadsheet
// program saves it; and the same as CSV), then process_form_bytes: checked only (dry
// run), and checked and stored (each rep on a fresh copy of the store). Figures: the
// median wall time of --reps runs and the growth of the peak resident set in one run.
#include "memory.hpp"

#include <actielijst/forms.hpp>
#include <actielijst/store.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "forms/layout.hpp"
#include "forms/texts.hpp"

using namespace actielijst;
namespace fs = std::filesystem;

namespace {

struct Options {
    fs::path limburg;
    std::size_t rows = 10000;
    int reps = 5;
    fs::path dir = fs::temp_directory_path() / "actielijst-bench-forms";
    bool keep = false;
};

Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--limburg")
            o.limburg = value();
        else if (a == "--rows")
            o.rows = std::stoul(value());
        else if (a == "--reps")
            o.reps = std::stoi(value());
        else if (a == "--dir")
            o.dir = value();
        else if (a == "--keep")
            o.keep = true;
        else
            throw std::invalid_argument("unknown option " + a);
    }
    if (o.limburg.empty()) throw std::invalid_argument("--limburg FILE is required");
    if (o.reps < 1) throw std::invalid_argument("--reps must be 1 or more");
    return o;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double median_ms(int reps, const std::function<void()>& run) {
    std::vector<double> ms;
    run();  // warm-up
    for (int i = 0; i < reps; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        run();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// Peak resident set growth (MiB) while `run` runs once.
double peak_growth_mib(const std::function<void()>& run) {
    if (!bench::memory::reset_peak()) return -1;
    const long before = bench::memory::status_kib("VmHWM");
    run();
    return static_cast<double>(bench::memory::status_kib("VmHWM") - before) / 1024.0;
}

Store limburg_store(const fs::path& path, const std::string& json, std::size_t extra_actions) {
    fs::remove(path);
    auto store = Store::open(path.string());
    store.import_json(json);
    store.add_meeting(Meeting("sg-bench", Date(2023, 4, 12), "Benchmark"));
    if (extra_actions) {
        Dataset more;
        for (std::size_t i = 0; i < extra_actions; ++i)
            more.actions.emplace_back("bench-" + std::to_string(i), "wonen", "Actiepunt " + std::to_string(i),
                                      "Doel van actiepunt " + std::to_string(i), std::vector<Owner>{},
                                      std::vector<std::string>{"CR39"});
        store.merge(more);
    }
    return store;
}

// A returned form with every row answered, saved by another program.
std::string filled_xlsx(const fs::path& path, const FormSet& set) {
    lxw_workbook* wb = workbook_new(path.string().c_str());
    for (const auto& form : set.forms) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, forms::sheet_name(form).c_str());
        const auto marker = forms::marker_cells(set, form);
        for (std::size_t c = 0; c < marker.size(); ++c)
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), marker[c].c_str(), nullptr);
        for (std::uint32_t c = 1; c <= forms::column_count; ++c)
            worksheet_write_string(ws, forms::header_row - 1, static_cast<lxw_col_t>(c - 1),
                                   std::string(forms::header(static_cast<forms::Column>(c), "nl")).c_str(), nullptr);
        lxw_row_t row = forms::first_data_row - 1;
        for (const auto& r : form.rows) {
            const auto cells = forms::locked_cells(r);
            for (std::size_t c = 0; c < cells.size(); ++c)
                if (!cells[c].empty()) worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
            worksheet_write_string(ws, row, forms::col_new_state - 1, "In uitvoering", nullptr);
            worksheet_write_string(ws, row, forms::col_new_text - 1,
                                   "Er is overleg gestart met de gemeenten; een eerste voorstel volgt.", nullptr);
            worksheet_write_string(ws, row, forms::col_author - 1, "Regio Zuid", nullptr);
            ++row;
        }
    }
    workbook_close(wb);
    return slurp(path);
}

// The same answers as CSV: the library's CSV form with columns I to K filled in.
std::string filled_csv(const FormSet& set) {
    std::ostringstream out;
    write_forms(out, set, FormFormat::csv);
    std::string csv = out.str();
    std::string filled;
    std::size_t line = 0;
    std::size_t pos = 0;
    while (pos < csv.size()) {
        const auto end = csv.find("\r\n", pos);
        std::string text = csv.substr(pos, end - pos);
        if (++line >= forms::first_data_row && text.size() >= 3 && text.compare(text.size() - 3, 3, ";;;") == 0)
            text = text.substr(0, text.size() - 3) +
                   ";In uitvoering;Er is overleg gestart met de gemeenten; een eerste voorstel volgt.;Regio Zuid";
        filled += text + "\r\n";
        pos = end + 2;
    }
    return filled;
}

}  // namespace

int main(int argc, char** argv) try {
    const Options o = parse_args(argc, argv);
    fs::create_directories(o.dir);
    const std::string json = slurp(o.limburg);

    // Writing the Limburg forms.
    {
        auto store = limburg_store(o.dir / "write.db", json, 0);
        FormOptions options;
        options.meeting = "sg-bench";
        const View view = store.view(Date(2023, 4, 11));
        for (const auto& r : view.regions())
            if (r.kind() != RegionKind::province) options.regions.push_back(r.code());
        std::size_t rows = 0;
        for (const auto& f : build_forms(store, options).forms) rows += f.rows.size();
        std::printf("Writing the Limburg forms: %zu regions (COROP and municipal), %zu rows in all\n",
                    options.regions.size(), rows);
        const double one_workbook = median_ms(o.reps, [&] {
            write_forms_file((o.dir / "all.xlsx").string(), build_forms(store, options), FormFormat::xlsx);
        });
        const auto per_file = [&](FormFormat format) {
            return median_ms(o.reps, [&] {
                const auto set = build_forms(store, options);
                for (const auto& form : set.forms) {
                    FormSet one = set;
                    one.forms = {form};
                    write_forms_file((o.dir / (form.region + "." + std::string(to_string(format)))).string(), one, format);
                }
            });
        };
        const double xlsx_files = per_file(FormFormat::xlsx);
        const double csv_files = per_file(FormFormat::csv);
        std::printf("  one workbook, a sheet per region   %8.1f ms\n", one_workbook);
        std::printf("  one XLSX file per region           %8.1f ms\n", xlsx_files);
        std::printf("  one CSV file per region            %8.1f ms\n", csv_files);
    }

    // Reading a returned form of many rows.
    {
        const fs::path base = o.dir / "read-base.db";
        const fs::path work = o.dir / "read.db";
        FormOptions options;
        options.meeting = "sg-bench";
        options.regions = {"CR39"};
        std::string xlsx, csv;
        std::size_t rows = 0;
        {
            auto store = limburg_store(base, json, o.rows);
            const auto set = build_forms(store, options);
            rows = set.forms.at(0).rows.size();
            xlsx = filled_xlsx(o.dir / "filled.xlsx", set);
            csv = filled_csv(set);
            std::ofstream(o.dir / "filled.csv", std::ios::binary) << csv;
        }
        std::printf("\nReading a returned form: Zuid-Limburg, %zu rows, every row answered (XLSX %.1f KiB, CSV %.1f KiB)\n",
                    rows, static_cast<double>(xlsx.size()) / 1024.0, static_cast<double>(csv.size()) / 1024.0);
        for (const auto& [name, bytes] : std::vector<std::pair<std::string, const std::string*>>{{"XLSX", &xlsx}, {"CSV", &csv}}) {
            FormReturn last;
            // One run: a fresh copy of the store (not timed), then the timed call.
            const auto run = [&, bytes = bytes](bool dry) {
                fs::copy_file(base, work, fs::copy_options::overwrite_existing);
                auto store = Store::open(work.string());
                ProcessOptions p;
                p.dry_run = dry;
                const auto t0 = std::chrono::steady_clock::now();
                last = process_form_bytes(store, *bytes, "filled", p);
                const auto t1 = std::chrono::steady_clock::now();
                if (!last.ok()) throw std::runtime_error("the filled form has problems: " + last.problems.at(0).to_string());
                return std::chrono::duration<double, std::milli>(t1 - t0).count();
            };
            const auto median_of = [&](bool dry) {
                std::vector<double> ms;
                run(dry);  // warm-up
                for (int i = 0; i < o.reps; ++i) ms.push_back(run(dry));
                std::sort(ms.begin(), ms.end());
                return ms[ms.size() / 2];
            };
            const double checked = median_of(true);
            const double stored = median_of(false);
            const double peak = peak_growth_mib([&] { run(false); });
            std::printf("  %-4s  checked %8.1f ms   checked and stored %8.1f ms   peak RSS growth %6.1f MiB   (%zu changes)\n",
                        name.c_str(), checked, stored, peak, last.changes.size());
        }
    }
    if (!o.keep) fs::remove_all(o.dir);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_forms: %s\n", e.what());
    return 1;
}
