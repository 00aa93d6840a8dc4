// render_markdown: the report as CommonMark; data texts are escaped so they stay text.
#include <actielijst/report.hpp>

#include "report/escape.hpp"
#include "report/i18n.hpp"
#include "report/stream.hpp"

#include <algorithm>
#include <ostream>
#include <utility>

namespace actielijst {
namespace {

using report::md;
using report::tr;

std::string date(const Report& r, const std::optional<Date>& d) { return d ? report::long_date(r.language, *d) : ""; }

/// A code span holding `text` (with enough backticks around it), for rule expressions.
std::string code(std::string_view text) {
    std::size_t run = 0, longest = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(longest + 1, '`');
    std::string body(text);
    for (auto& c : body)
        if (c == '\n' || c == '\r') c = ' ';
    const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' || body.front() == ' ');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

/// A "see also" reference: the title, then the key as code. The model's title carries
/// the key in brackets already when another action has the same title; Markdown names
/// the key once, in code, either way.
std::string see_also_reference(const ReportReference& ref) {
    std::string_view title = ref.title;
    const std::string bracketed = " (" + ref.action + ")";
    if (title.size() > bracketed.size() && title.substr(title.size() - bracketed.size()) == bracketed)
        title.remove_suffix(bracketed.size());
    return md(title.empty() ? std::string_view(ref.action) : title) + " (" + code(ref.action) + ")";
}

bool has(const Report& r, std::string_view s) {
    for (const auto& x : r.sections)
        if (x == s) return true;
    return false;
}

void proposal_line(std::ostream& out, const Report& r, const ReportProposal& p, bool with_action) {
    out << "- **" << md(p.kind_label) << " " << md(p.key) << "** (" << md(p.state_label);
    if (p.decided) out << ", " << date(r, p.decided);
    out << ")";
    if (with_action) out << " — " << md(p.action_title);
    out << ": " << md(p.text) << "\n";
}

}  // namespace

void render_markdown(const Report& r, std::ostream& target) {
    const auto& L = r.language;
    // Sections end in a blank line; the document ends in one line end.
    report::Output out(target, true);
    out << "# " << md(r.title) << "\n\n" << report::fill(tr(L, "as_of"), {r.as_of_text}) << ".";
    if (!r.meeting.empty())
        out << " " << tr(L, "meeting") << ": " << md(r.meeting_title.empty() ? r.meeting : r.meeting_title) << " ("
            << date(r, r.meeting_date) << ").";
    if (!r.filter.empty()) out << " " << tr(L, "filter") << ": " << code(r.filter) << ".";
    out << "\n\n";
    if (!r.as_of_note.empty()) out << "_" << md(r.as_of_note) << "_\n\n";

    if (has(r, "summary")) {
        const auto& s = r.summary;
        out << "## " << tr(L, "summary") << "\n\n"
            << report::fill(tr(L, "count_line"), {std::to_string(s.actions), std::to_string(s.statuses),
                                                  std::to_string(s.open_proposals)})
            << "  \n"
            << report::fill(tr(L, "rag_counts"), {std::to_string(s.rag[3]), std::to_string(s.rag[2]),
                                                  std::to_string(s.rag[1]), std::to_string(s.rag[0])})
            << "  \n"
            << report::fill(tr(L, "signal_counts"), {std::to_string(s.findings[2]), std::to_string(s.findings[1]),
                                                     std::to_string(s.findings[0])})
            << "\n\n| " << tr(L, "theme");
        for (const auto& c : s.category_labels) out << " | " << md(c);
        out << " | " << tr(L, "total") << " |\n|---";
        for (std::size_t i = 0; i <= s.categories.size(); ++i) out << "|---:";
        out << "|\n";
        for (const auto& row : s.themes) {
            std::size_t t = 0;
            out << "| " << md(row.label);
            for (auto c : row.counts) {
                out << " | " << c;
                t += c;
            }
            out << " | " << t << " |\n";
        }
        out << "\n";
        if (!r.coverage.empty()) {
            out << "**" << tr(L, "chart_coverage") << "**\n\n";
            for (const auto& c : r.coverage)
                out << "- " << md(c.region_name) << ", " << md(c.indicator_label) << ": " << md(c.words) << "\n";
            out << "\n";
        }
    }

    if (has(r, "overview")) {
        out << "## " << tr(L, "overview") << "\n\n";
        std::size_t n = 0;
        for (const auto& t : r.themes) n += t.actions.size();
        if (!n) {
            out << tr(L, "no_actions") << "\n\n";
        } else {
            out << tr(L, "overview_intro") << "\n\n| " << tr(L, "theme") << " | " << tr(L, "action");
            for (const auto& c : r.columns) out << " | " << md(c.region_name);
            out << " | " << tr(L, "status") << " |\n|---|---";
            for (std::size_t i = 0; i <= r.columns.size(); ++i) out << "|---";
            out << "|\n";
            for (const auto& t : r.themes)
                for (const auto& a : t.actions) {
                    out << "| " << md(t.label) << " | " << md(a.reference);
                    for (const auto& c : a.cells) {
                        out << " |";
                        if (c.in_scope || !c.label.empty()) out << " " << md(c.label.empty() ? tr(L, "none") : c.label);
                    }
                    out << " | " << md(a.rag_label) << " |\n";
                }
            out << "\n";
        }
    }

    if (has(r, "decisions")) {
        out << "## " << tr(L, "decisions") << "\n\n";
        if (r.decisions.empty()) out << tr(L, "no_decisions") << "\n";
        for (const auto& p : r.decisions) proposal_line(out, r, p, true);
        out << "\n";
    }

    if (has(r, "signals")) {
        out << "## " << tr(L, "signals") << "\n\n";
        if (r.signals.empty()) out << tr(L, "no_signals") << "\n\n";
        std::string current;
        for (const auto& f : r.signals) {
            if (f.severity != current) {
                if (!current.empty()) out << "\n";
                current = f.severity;
                out << "### " << md(f.severity_label) << "\n\n";
            }
            out << "- " << md(f.message) << " _(" << md(f.rule) << ")_\n";
            for (std::size_t i = 0; i < f.reasons.size(); ++i) {
                const auto& reason = f.reasons[i];
                const std::string words = i < f.reason_words.size() ? f.reason_words[i] : std::string();
                if (words.empty())
                    out << "  - " << code(reason.expression) << ": " << md(reason.detail) << "\n";
                else
                    out << "  - " << md(words) << " (" << code(reason.expression) << ")\n";
            }
        }
        if (!r.signals.empty()) out << "\n";
    }

    if (has(r, "changes")) {
        out << "## " << tr(L, "changes") << "\n\n";
        if (!r.changes_from) {
            out << tr(L, "no_comparison") << "\n\n";
        } else if (r.changes.empty()) {
            out << report::fill(tr(L, "no_changes"), {date(r, r.changes_from)}) << "\n\n";
        } else {
            out << report::fill(tr(L, "changes_since"), {date(r, r.changes_from), r.as_of_text}) << "\n\n";
            for (const auto& c : r.changes) {
                out << "- **" << md(c.subject) << "** (" << tr(L, "c_" + c.what) << ", " << md(c.kind_label) << ")";
                if (!c.region_name.empty()) out << ", " << md(c.region_name);
                if (!c.before.empty()) out << "  \n  " << tr(L, "before") << ": " << md(c.before);
                if (!c.after.empty()) out << "  \n  " << tr(L, "after") << ": " << md(c.after);
                out << "\n";
            }
            out << "\n";
        }
    }

    if (has(r, "actions")) {
        for (const auto& t : r.themes) {
            out << "## " << md(t.label) << "\n\n";
            if (t.actions.empty()) out << "_" << tr(L, "no_actions") << "_\n\n";
            for (const auto& a : t.actions) {
                out << "### " << md(a.title) << " (" << code(a.key) << ")\n\n**" << tr(L, "goal") << ":** " << md(a.goal)
                    << "\n\n";
                if (!a.leads.empty() || !a.supports.empty()) {
                    out << "**" << tr(L, "owners") << ":** ";
                    bool first = true;
                    for (const auto& n : a.leads) out << (std::exchange(first, false) ? "" : ", ") << md(n) << " (" << tr(L, "lead") << ")";
                    for (const auto& n : a.supports)
                        out << (std::exchange(first, false) ? "" : ", ") << md(n) << " (" << tr(L, "support") << ")";
                    out << "\n\n";
                }
                out << "**" << tr(L, "state") << ":** " << md(a.overall) << "  \n**" << tr(L, "status")
                    << ":** " << md(a.rag_label);
                for (std::size_t i = 0; i < a.rag_rules.size(); ++i) out << (i ? ", " : " — ") << md(a.rag_rules[i]);
                out << "\n\n";
                if (a.due) {
                    out << "**" << tr(L, "due") << ":** " << date(r, a.due);
                    if (a.due_moves) out << " (" << report::fill(tr(L, "due_moved"), {std::to_string(a.due_moves)}) << ")";
                    out << "\n\n";
                }
                out << "**" << tr(L, "text") << ":**\n\n";
                for (const auto& s : a.scopes) {
                    out << "- **" << md(s.region_name) << "**";
                    if (!s.parent_name.empty()) out << " (" << md(s.parent_name) << ")";
                    if (s.state.empty())
                        out << " — _" << tr(L, "no_status") << "_\n";
                    else
                        out << " — " << md(s.state_label) << " (" << date(r, s.as_of) << "): " << md(s.text) << "\n";
                }
                out << "\n";
                if (!a.rollups.empty()) {
                    out << "**" << tr(L, "rollups") << ":**\n\n";
                    for (const auto& ru : a.rollups)
                        out << "- " << md(ru.indicator_label) << ", " << md(ru.region_name) << ": " << md(ru.words) << "\n";
                    out << "\n";
                }
                if (!a.proposals.empty()) {
                    out << "**" << tr(L, "proposals") << ":**\n\n";
                    for (const auto& p : a.proposals) proposal_line(out, r, p, false);
                    out << "\n";
                }
                if (!a.see_also.empty()) {
                    out << "_" << tr(L, "see_also") << ":_ ";
                    for (std::size_t i = 0; i < a.see_also.size(); ++i)
                        out << (i ? ", " : "") << see_also_reference(a.see_also[i]);
                    out << "\n\n";
                }
            }
        }
    }

    if (has(r, "monitoring")) {
        out << "## " << tr(L, "monitoring") << "\n\n";
        if (r.monitoring.empty()) out << tr(L, "no_monitoring") << "\n\n";
        for (const auto& o : r.monitoring) {
            out << "- **" << md(o.indicator_label) << "**, " << md(o.region_name) << ": " << md(o.value) << " ("
                << report::long_date(L, o.as_of) << "; " << report::fill(tr(L, "age_days"), {report::integer(L, o.age_days)})
                << ")";
            if (!o.note.empty()) out << "  \n  " << md(o.note);
            if (!o.source.empty()) out << "  \n  " << tr(L, "source") << ": " << md(o.source);
            out << "\n";
        }
        if (!r.monitoring.empty()) out << "\n";
        if (!r.contacts.empty()) {
            out << "### " << tr(L, "contacts") << "\n\n";
            for (const auto& c : r.contacts)
                out << "- " << md(c.municipality_name) << ", " << md(c.role) << ": " << md(c.name)
                    << (c.email.empty() ? "" : " (" + md(c.email) + ")") << "\n";
            out << "\n";
        }
    }
    out.finish();
}

std::string render_markdown(const Report& r) {
    return report::collect([&](std::ostream& out) { render_markdown(r, out); });
}

}  // namespace actielijst
