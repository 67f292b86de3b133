/**
 * Rule examples as tests (like ESLint's RuleTester): every `match` example must produce a cue of
 * its rule (with exactly the `cue` words when given), every `no_match` example must not.
 */
import { analyzeMessageText } from './analyze/message';
import type { CompiledPack, RuleExample } from './compile/compiled';

export interface ExampleFailure {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  kind: 'match' | 'no_match';
  text: string;
  message: string;
}

export interface ExampleReport {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
  /** Per rule: examples passed and total, for the editor's pass/fail list. */
  perRule: Array<{ ruleId: string; passed: number; total: number }>;
}

export function runExamples(pack: CompiledPack, onlyRule?: string): ExampleReport {
  const failures: ExampleFailure[] = [];
  const perRule: ExampleReport['perRule'] = [];
  let examples = 0;
  for (const rule of pack.rules) {
    if (onlyRule && rule.id !== onlyRule) continue;
    let passed = 0;
    const check = (ex: RuleExample, kind: 'match' | 'no_match') => {
      examples++;
      const analysis = analyzeMessageText(ex.text, pack, rule.scope);
      const own = analysis.cues.filter((c) => c.ruleId === rule.id);
      let message = '';
      if (kind === 'match') {
        if (own.length === 0) {
          const cancelled = analysis.cancelled.find((c) => c.ruleId === rule.id);
          message = cancelled ? `expected a match, but it was cancelled by ${cancelled.cancelledBy} ("${cancelled.by}")` : 'expected a match, found none';
        } else if (ex.cue !== undefined && !own.some((c) => c.text === ex.cue)) {
          message = `expected the cue "${ex.cue}", found ${own.map((c) => `"${c.text}"`).join(', ')}`;
        }
      } else if (own.length > 0) {
        message = `expected no match, found ${own.map((c) => `"${c.text}"`).join(', ')}`;
      }
      if (message) failures.push({ ruleId: rule.id, file: ex.file, ...ex.where(), kind, text: ex.text, message });
      else passed++;
    };
    rule.examples.match.forEach((ex) => check(ex, 'match'));
    rule.examples.noMatch.forEach((ex) => check(ex, 'no_match'));
    perRule.push({ ruleId: rule.id, passed, total: rule.examples.match.length + rule.examples.noMatch.length });
  }
  return { rules: perRule.length, examples, failures, perRule };
}
