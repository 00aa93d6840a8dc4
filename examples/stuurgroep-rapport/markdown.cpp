#include "markdown.hpp"

#include <algorithm>
#include <sstream>

namespace rapport {
namespace {

using namespace actielijst;

/// Escapes the characters Markdown would read as markup, so data text stays text.
std::string md(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

/// A block of text as one quoted paragraph (line breaks kept).
std::string quote(std::string_view text) {
    std::string out = "> ";
    for (char c : text) {
        out += c;
        if (c == '\n') out += "> ";
    }
    return out;
}

const char* proposal_state_nl(ProposalState state) {
    switch (state) {
        case ProposalState::open: return "open";
        case ProposalState::adopted: return "aangenomen";
        case ProposalState::rejected: return "verworpen";
        case ProposalState::withdrawn: return "ingetrokken";
    }
    return "?";
}

std::string region_name(const View& view, const std::string& code) {
    const Region* r = view.region(code);
    return r ? r->name() : code;
}

const char* severity_nl(Severity severity) {
    switch (severity) {
        case Severity::alert: return "Alarm";
        case Severity::warning: return "Waarschuwing";
        case Severity::info: return "Ter informatie";
    }
    return "?";
}

const char* rag_nl(Rag rag) {
    switch (rag) {
        case Rag::red: return "rood";
        case Rag::amber: return "oranje";
        case Rag::green: return "groen";
        case Rag::grey: return "grijs (niet gestart of afgerond)";
    }
    return "?";
}

/// A finding with the reasons that make it defensible, as a nested list.
void finding(std::ostream& out, const Finding& f) {
    out << "- " << md(f.message) << " _(" << md(f.rule) << ")_\n";
    for (const auto& r : f.reasons) {
        // A code span cannot hold a backtick; such an expression is escaped text instead.
        if (r.expression.find('`') == std::string::npos)
            out << "  - `" << r.expression << "`: ";
        else
            out << "  - " << md(r.expression) << ": ";
        out << md(r.detail) << "\n";
    }
}

}  // namespace

std::string render_markdown(const View& view, const Evaluation& evaluation,
                            const std::vector<const ActionPoint*>& selected, Summary& summary) {
    const auto chosen = [&](const std::string& action) {
        return std::any_of(selected.begin(), selected.end(), [&](const ActionPoint* a) { return a->key() == action; });
    };
    std::vector<const Finding*> findings;
    for (const auto& f : evaluation.findings)
        if (f.action.empty() || chosen(f.action)) {
            findings.push_back(&f);
            ++summary.findings[static_cast<int>(f.severity)];
        }
    std::ostringstream out;
    std::string title = "Actielijst";
    bool date_inferred = false;
    std::string date_note;
    for (const auto& m : view.meta()) {
        if (const auto* t = std::get_if<std::string>(&m.value)) {
            if (m.key == "title") title = *t;
            if (m.key == "as_of_note") date_note = *t;
        } else if (m.key == "as_of_inferred") {
            date_inferred = std::get<bool>(m.value);
        }
    }
    out << "# " << md(title) << "\n\n";
    out << "Stand per " << view.as_of().iso() << ".";
    // An undated source gets an inferred date; the reader is told so, and why.
    if (date_inferred) out << " " << (date_note.empty() ? std::string("Deze datum is afgeleid.") : md(date_note));
    out << "\n\n";

    std::vector<const Proposal*> open;
    for (const auto& p : view.proposals())
        if (p.state() == ProposalState::open && chosen(p.action())) open.push_back(&p);
    summary.open_proposals = open.size();
    if (!open.empty()) {
        out << "## Besluitvorming gevraagd\n\n";
        for (const auto* p : open) {
            const ActionPoint* a = view.action(p->action());
            out << "- **" << md(p->key()) << "** (" << md(a ? a->title() : p->action()) << "): " << md(p->text())
                << "\n";
        }
        out << "\n";
    }

    if (!findings.empty()) {
        out << "## Signalen\n\n";
        for (const Severity severity : {Severity::alert, Severity::warning, Severity::info}) {
            const auto first = std::find_if(findings.begin(), findings.end(),
                                            [&](const Finding* f) { return f->severity == severity; });
            if (first == findings.end()) continue;
            out << "### " << severity_nl(severity) << "\n\n";
            for (auto it = first; it != findings.end() && (*it)->severity == severity; ++it) finding(out, **it);
            out << "\n";
        }
    }

    for (const auto& theme : view.themes()) {
        ++summary.themes;
        out << "## " << md(theme.label().nl()) << "\n\n";
        for (const auto* action : selected) {
            const ActionPoint& a = *action;
            if (a.theme() != theme.key()) continue;
            ++summary.actions;
            out << "### " << md(a.title()) << " (`" << a.key() << "`)\n\n";
            out << "**Doel:** " << md(a.goal()) << "\n\n";
            for (const auto& s : evaluation.statuses) {
                if (s.action != a.key()) continue;
                ++summary.rag[static_cast<int>(s.rag)];
                out << "**Status:** " << rag_nl(s.rag);
                if (!s.findings.empty()) {
                    out << " — ";
                    for (std::size_t i = 0; i < s.findings.size(); ++i)
                        out << (i ? ", " : "") << md(evaluation.findings.at(s.findings[i]).rule);
                }
                out << "\n\n";
            }
            if (!a.owners().empty()) {
                out << "**Betrokken:** ";
                for (std::size_t i = 0; i < a.owners().size(); ++i)
                    out << (i ? ", " : "") << md(a.owners()[i].name())
                        << (a.owners()[i].role() == OwnerRole::lead ? " (trekker)" : " (ondersteunend)");
                out << "\n\n";
            }
            const auto statuses = view.statuses_of(a.key());
            if (statuses.empty()) {
                out << "_Geen stand van zaken bekend._\n\n";
            } else {
                out << "**Stand van zaken:**\n\n";
                for (const auto* s : statuses) {
                    ++summary.statuses;
                    const ProgressState* st = view.state(s->state());
                    if (st && st->category() == StateCategory::blocked) ++summary.stalled;
                    out << "- **" << md(region_name(view, s->scope())) << "** — " << md(st ? st->label().nl() : s->state())
                        << " (" << s->as_of().iso() << ")\n\n" << quote(md(s->text())) << "\n\n";
                }
            }
            for (const auto& p : view.proposals()) {
                if (p.action() != a.key()) continue;
                out << "**" << (p.kind() == ProposalKind::consensus ? "Consensus" : "Voorstel") << " " << md(p.key())
                    << "** (" << proposal_state_nl(p.state()) << "): " << md(p.text()) << "\n\n";
            }
            if (!a.see_also().empty()) {
                out << "_Zie ook:_ ";
                for (std::size_t i = 0; i < a.see_also().size(); ++i) {
                    const ActionPoint* ref = view.action(a.see_also()[i]);
                    out << (i ? ", " : "") << md(ref ? ref->title() : a.see_also()[i]) << " (" << md(a.see_also()[i]) << ")";
                }
                out << "\n\n";
            }
        }
    }
    return out.str();
}

}  // namespace rapport
