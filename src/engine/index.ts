/**
 * Tactful's rule engine: pure TypeScript, no DOM and no extension APIs, so the same code runs in
 * the CLI, the tests and the extension's own pages.
 */
import { createAnalyzer } from './analyze/thread';
import type { CompiledPack } from './compile/compiled';
import type { ThreadAnalysis, ThreadMessage } from './types';

export { compilePack, PACK_LIMITS, type CompileResult, type PackFile } from './compile/build';
export type { CompiledPack, CompiledRule } from './compile/compiled';
export { formatPackError, type PackError } from './compile/errors';
export { analyzeMessageText as analyzeMessage } from './analyze/message';
export { createAnalyzer, statedContacts, type Analyzer, type AnalyzerOptions } from './analyze/thread';
export { DEFAULT_RULE_BUDGET_MS, describeDisabledRule, type DisabledRule } from './analyze/budget';
export { runExamples, type ExampleFailure, type ExampleReport } from './examples';
export { segmentMessage } from './text/segment';
export * from './suggest/index';
export { coach, GAP_ADVICE, type CoachIssue } from './coach/coach';
export type { Channel, CompiledPlay, Tone } from './compile/playbook';
export * from './types';
export * from './vocabulary';

/** Analyse a whole thread once (no cache kept). */
export function analyzeThread(thread: readonly ThreadMessage[], pack: CompiledPack): ThreadAnalysis {
  return createAnalyzer(pack).analyze(thread);
}
export { redact, type RedactionKind, type RedactionResult, type RedactOptions } from './redact/redact';
