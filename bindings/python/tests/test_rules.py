"""Reporting rules and filters (docs/rules.md) on the Limburg data as of 2023-03-01."""

import ctypes
import gc
import os

import actielijst
from actielijst import (
    ActionStatus,
    Finding,
    Rag,
    Reason,
    RuleInfo,
    RuleTarget,
    Rules,
    Severity,
    _native,
)

from support import MARCH_2023, TempDirCase

SMALL_RULES = """\
# two rules
rule stalled
    severity alert
    per scope
    when state_category = "blocked"
    message "{title}: stagneert in {region_name}"

rule open_proposal
    severity warning
    section decisions
    when open_proposals > 0
    message "{title}: {open_proposals} voorstel(len)"
"""

SYNTAX_ERROR = """\
rule x
    severity alert
    when (open_proposals > ) and all_closed
    message "m"
"""


class RulesTestCase(TempDirCase):
    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()
        self.view = self.store.view(MARCH_2023)
        self.addCleanup(self.view.close)


class LoadTest(RulesTestCase):
    def test_load_text_and_describe_the_rules(self):
        with Rules.load(SMALL_RULES, vocabulary=self.view) as rules:
            infos = rules.rules()
        self.assertEqual([r.key for r in infos], ["stalled", "open_proposal"])
        first = infos[0]
        self.assertIsInstance(first, RuleInfo)
        self.assertIs(first.severity, Severity.ALERT)
        self.assertIs(first.target, RuleTarget.SCOPE)
        self.assertEqual(first.section, "signals")
        self.assertEqual(first.message, "{title}: stagneert in {region_name}")
        self.assertEqual(first.line, 2)
        self.assertEqual(infos[1].condition, "open_proposals > 0")
        self.assertEqual(infos[1].section, "decisions")
        self.assertIs(infos[1].target, RuleTarget.ACTION)
        self.assertEqual(infos[1].line, 8)

    def test_bytes_and_no_vocabulary(self):
        self.assertEqual(len(Rules.load(SMALL_RULES.encode("utf-8")).rules()), 2)
        self.assertEqual(Rules.load("").rules(), [])

    def test_load_file(self):
        path = self.path("eigen.rules")
        with open(path, "w", encoding="utf-8") as f:
            f.write(SMALL_RULES)
        self.assertEqual(len(Rules.load_file(path, vocabulary=self.view).rules()), 2)
        with self.assertRaises(actielijst.FileError) as caught:
            Rules.load_file(self.path("bestaat-niet.rules"))
        self.assertIsInstance(caught.exception, OSError)
        self.assertIsNone(caught.exception.line)
        self.assertIsNone(caught.exception.column)
        with open(path, "w", encoding="utf-8") as f:
            f.write(SYNTAX_ERROR)
        with self.assertRaises(actielijst.InvalidError) as caught:
            Rules.load_file(path)
        self.assertIn("eigen.rules:3:28:", str(caught.exception))
        self.assertEqual((caught.exception.line, caught.exception.column), (3, 28))

    def test_defaults(self):
        text = Rules.default_text()
        self.assertIn("rule stalled", text)
        default = Rules.default(vocabulary=self.view).rules()
        self.assertEqual(default, Rules.load(text, vocabulary=self.view, origin="default.rules").rules())
        self.assertEqual(default, Rules.default().rules())
        self.assertIn("decision_needed", [r.key for r in default])

    def test_syntax_error_has_line_column_and_caret(self):
        with self.assertRaises(actielijst.InvalidError) as caught:
            Rules.load(SYNTAX_ERROR, vocabulary=self.view)
        e = caught.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual(e.code, actielijst.errors.EINVALID)
        self.assertEqual((e.line, e.column), (3, 28))
        self.assertIn("rules:3:28: syntax error", e.message)
        self.assertIn("^", e.message)
        with self.assertRaises(actielijst.InvalidError) as caught:
            Rules.load(SYNTAX_ERROR, origin="mijn.rules")
        self.assertTrue(str(caught.exception).startswith("mijn.rules:3:28:"))

    def test_type_error_and_unknown_severity(self):
        with self.assertRaises(actielijst.InvalidError) as caught:
            Rules.load('rule x\n    severity info\n    when last_update = "2023"\n    message "m"\n')
        self.assertEqual(caught.exception.line, 3)
        with self.assertRaises(actielijst.InvalidError) as caught:
            Rules.load('rule x\n  severity urgent\n  when all_closed\n  message "m"\n')
        self.assertEqual((caught.exception.line, caught.exception.column), (2, 12))
        self.assertIn("urgent", str(caught.exception))

    def test_vocabulary_errors_are_not_found(self):
        text = 'rule x\n    severity info\n    per scope\n    when state = "klaar"\n    message "m"\n'
        with self.assertRaises(actielijst.NotFoundError) as caught:
            Rules.load(text, vocabulary=self.view)
        self.assertIsInstance(caught.exception, KeyError)
        self.assertEqual((caught.exception.line, caught.exception.column), (4, 18))
        self.assertIn("klaar", str(caught.exception))
        loose = Rules.load(text)  # no vocabulary: loads, and the view refuses it
        with self.assertRaises(actielijst.NotFoundError):
            loose.evaluate(self.view)

    def test_bad_arguments(self):
        with self.assertRaises(actielijst.InvalidError) as caught:
            Rules.load(b"rule x\n  severity info\0\n")
        self.assertIn("NUL", str(caught.exception))
        self.assertIsNone(caught.exception.line)
        with self.assertRaises(actielijst.InvalidError):
            Rules.load(b'rule x\n  severity info\n  when all_closed\n  message "caf\xe9"\n')
        with self.assertRaises(actielijst.InvalidError):
            Rules.load("\ud800")
        with self.assertRaises(actielijst.InvalidError):
            Rules.load(SMALL_RULES, origin="a\0b")
        with self.assertRaises(TypeError):
            Rules.load(42)
        with self.assertRaises(TypeError):
            Rules.load(SMALL_RULES, vocabulary=self.store)
        with self.assertRaises(TypeError):
            Rules.default().evaluate(None)
        self.view.close()
        with self.assertRaises(actielijst.InvalidError):
            Rules.default(vocabulary=self.view)


class EvaluateTest(RulesTestCase):
    def setUp(self):
        super().setUp()
        self.rules = Rules.default(vocabulary=self.view)
        self.addCleanup(self.rules.close)
        self.evaluation = self.rules.evaluate(self.view)
        self.addCleanup(self.evaluation.close)

    def find(self, rule, action, region=None):
        return [f for f in self.evaluation.findings if (f.rule, f.action, f.region) == (rule, action, region)]

    def test_stalled_conversation_is_an_alert_and_red(self):
        [stalled] = self.find("stalled", "algemeen-in-gesprek", "PV31")
        self.assertIsInstance(stalled, Finding)
        self.assertIs(stalled.severity, Severity.ALERT)
        self.assertIs(stalled.target, RuleTarget.SCOPE)
        self.assertEqual(stalled.section, "signals")
        self.assertIn("stagneert", stalled.message)
        self.assertGreaterEqual(len(stalled.reasons), 1)
        self.assertIsInstance(stalled.reasons[0], Reason)
        self.assertIn("state_category", stalled.reasons[0].expression)
        self.assertIn("blocked", stalled.reasons[0].detail)
        status = self.evaluation.status("algemeen-in-gesprek")
        self.assertIsInstance(status, ActionStatus)
        self.assertIs(status.rag, Rag.RED)
        self.assertIn(stalled, status.findings)
        self.assertTrue(all(f.severity is Severity.ALERT for f in status.findings))
        self.assertEqual(status.reasons, ())

    def test_open_proposals_need_decisions(self):
        for action in ("wonen-regionaal-beleid", "samenleven-beeldvorming"):  # P2, P3
            [finding] = self.find("decision_needed", action)
            self.assertEqual(finding.section, "decisions")
            self.assertIs(finding.severity, Severity.WARNING)
            self.assertIs(finding.target, RuleTarget.ACTION)
            self.assertIsNone(finding.region)
        self.assertEqual(self.find("decision_needed", "wonen-lokaal-beleid"), [])
        self.assertIs(self.evaluation.status("samenleven-beeldvorming").rag, Rag.AMBER)

    def test_grey_and_green(self):
        grey = self.evaluation.status("wonen-omgevingsverordening")
        self.assertIs(grey.rag, Rag.GREY)
        self.assertEqual(grey.findings, ())
        self.assertTrue(any("all_closed" in r.expression for r in grey.reasons))
        green = self.evaluation.status("algemeen-monitoring")
        self.assertEqual((green.rag, green.findings, green.reasons), (Rag.GREEN, (), ()))

    def test_statuses_in_display_order(self):
        statuses = self.evaluation.statuses
        self.assertEqual([s.action for s in statuses], [a.key for a in self.view.actions()])
        self.assertEqual(statuses, list(self.evaluation.iter_statuses()))
        by_rag = {s.action: s.rag for s in statuses}
        self.assertIs(by_rag["wonen-registratie"], Rag.RED)

    def test_findings_sorted_and_by_index(self):
        findings = self.evaluation.findings
        self.assertEqual(self.evaluation.counts(), (len(findings), 19))
        severities = [f.severity for f in findings]
        self.assertEqual(severities, sorted(severities, reverse=True))
        self.assertEqual(findings, list(self.evaluation.iter_findings()))
        for i in (0, len(findings) - 1):
            self.assertEqual(self.evaluation.finding(i), findings[i])
        for f in findings:
            self.assertEqual(f.action is None, f.target is RuleTarget.REGION)
        with self.assertRaises(actielijst.NotFoundError):
            self.evaluation.finding(len(findings))
        with self.assertRaises(actielijst.NotFoundError):
            self.evaluation.finding(-1)
        with self.assertRaises(TypeError):
            self.evaluation.finding("0")

    def test_unknown_action(self):
        with self.assertRaises(actielijst.NotFoundError) as caught:
            self.evaluation.status("geen-actie")
        self.assertIsInstance(caught.exception, KeyError)
        self.evaluation.statuses  # cached: still found or refused the same way
        with self.assertRaises(actielijst.NotFoundError):
            self.evaluation.status("geen-actie")

    def test_results_outlive_every_handle(self):
        evaluation = Rules.load(SMALL_RULES).evaluate(self.view)
        findings_iter = evaluation.iter_findings()
        statuses_iter = evaluation.iter_statuses()
        self.view.close()
        evaluation.close()
        gc.collect()
        findings = list(findings_iter)
        self.assertEqual(len(findings), 6)  # 4 stalled scopes, 2 open proposals
        self.assertEqual(sum(1 for s in statuses_iter if s.rag is Rag.RED), 3)
        self.assertEqual(len(evaluation.findings), 6)  # read before closing
        with self.assertRaises(actielijst.InvalidError):
            evaluation.counts()

    def test_evaluation_after_rules_closed(self):
        self.rules.close()
        self.assertGreater(len(self.evaluation.findings), 0)
        with self.assertRaises(actielijst.InvalidError):
            self.rules.evaluate(self.view)


class FilterTest(RulesTestCase):
    def test_select_and_matches(self):
        wonen = actielijst.Filter('theme = "wonen"', vocabulary=self.view)
        self.assertEqual(wonen.text, 'theme = "wonen"')
        selected = wonen.select(self.view)
        self.assertEqual([a.key for a in selected], [a.key for a in self.view.actions("wonen")])
        self.assertEqual(selected[0], self.view.action("wonen-regionaal-beleid"))
        self.assertTrue(wonen.matches(self.view, "wonen-registratie"))
        self.assertFalse(wonen.matches(self.view, "algemeen-in-gesprek"))
        stalled = actielijst.Filter('"stalled" in states')
        self.assertEqual(
            [a.key for a in stalled.select(self.view)],
            ["wonen-lokaal-beleid", "wonen-registratie", "algemeen-in-gesprek"],
        )
        self.assertEqual(actielijst.Filter("open_proposals > 5").select(self.view), [])

    def test_load_failures(self):
        with self.assertRaises(actielijst.InvalidError) as caught:
            actielijst.Filter("theme = )", vocabulary=self.view)
        self.assertEqual((caught.exception.line, caught.exception.column), (1, 9))
        self.assertIn("filter:1:9:", str(caught.exception))
        with self.assertRaises(actielijst.InvalidError):
            actielijst.Filter("open_proposals")  # not a bool
        with self.assertRaises(actielijst.NotFoundError) as caught:
            actielijst.Filter('theme = "sport"', vocabulary=self.view)
        self.assertEqual((caught.exception.line, caught.exception.column), (1, 9))
        loose = actielijst.Filter('theme = "sport"')
        with self.assertRaises(actielijst.NotFoundError):
            loose.select(self.view)
        with self.assertRaises(actielijst.InvalidError):
            actielijst.Filter("a\0b")
        with self.assertRaises(actielijst.InvalidError):
            actielijst.Filter(b"theme = '\xff'")

    def test_bad_arguments(self):
        f = actielijst.Filter("all_closed")
        with self.assertRaises(actielijst.NotFoundError):
            f.matches(self.view, "geen-actie")
        with self.assertRaises(TypeError):
            f.select(self.store)
        f.close()
        with self.assertRaises(actielijst.InvalidError):
            f.matches(self.view, "wonen-registratie")

    def test_selection_outlives_filter_and_view(self):
        with self.store.view(MARCH_2023) as view:
            with actielijst.Filter('theme = "werken"', vocabulary=view) as f:
                it = f.iter_select(view)
        gc.collect()
        self.assertEqual([a.theme for a in it], ["werken", "werken"])


class TableTest(RulesTestCase):
    def test_each_new_handle_is_its_own_type(self):
        handles = [
            _native.Rules, _native.RuleIter, _native.Evaluation, _native.FindingIter,
            _native.ActionStatusIter, _native.Filter,
        ]
        self.assertEqual(len(set(handles)), len(handles))
        with self.assertRaises(ctypes.ArgumentError):
            _native.lib.actielijst_rules_free(ctypes.POINTER(_native.Filter)())

    def test_struct_sizes_follow_the_lp64_c_layout(self):
        if ctypes.sizeof(ctypes.c_void_p) != 8:
            self.skipTest("sizes below are for LP64")
        expected = {
            _native.TextPosition: 8, _native.RuleRec: 48, _native.ReasonRec: 16,
            _native.FindingRec: 72, _native.ActionStatusRec: 40,
        }
        for struct, size in expected.items():
            self.assertEqual(ctypes.sizeof(struct), size, struct.__name__)

    def test_exports(self):
        for name in ("Rules", "Evaluation", "Filter", "RuleInfo", "Finding", "Reason", "ActionStatus",
                     "Severity", "RuleTarget", "Rag"):
            self.assertIn(name, actielijst.__all__)
            self.assertTrue(hasattr(actielijst, name))


if __name__ == "__main__":
    import unittest

    unittest.main()
