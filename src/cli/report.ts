/** The readable text report of `tactful analyze`: the message with its cues highlighted. */
import { describeDisabledRule, type CompiledPack, type MessageAnalysis, type Suggestion, type ThreadAnalysis } from '../engine';

const useColor = () => process.stdout.isTTY === true && !process.env.NO_COLOR;

function highlight(text: string, analysis: MessageAnalysis): string {
  const color = useColor();
  const marks = analysis.cues.map((c, i) => ({ start: c.start, end: c.end, n: i + 1 }));
  // Overlapping cues: highlight the outer span once, list both below.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    out += text.slice(at, m.start);
    const words = text.slice(m.start, m.end);
    out += color ? `\x1b[1;33m${words}\x1b[0m\x1b[2m[${m.n}]\x1b[0m` : `[[${words}]]${m.n}`;
    at = m.end;
  }
  return out + text.slice(at);
}

function meter(level: number): string {
  return '\u2588'.repeat(level) + '\u2591'.repeat(4 - level);
}

export function formatTextReport(text: string, thread: ThreadAnalysis, pack: CompiledPack, steps: Suggestion[] = []): string {
  const m = thread.latest;
  const lines: string[] = [`Tactful analysis (pack ${pack.meta.id} ${pack.meta.version})`, ''];
  if (!m) return [...lines, 'No customer message to analyse.'].join('\n');
  lines.push(`Frustration  ${meter(m.frustration)} ${m.frustration}/4   score ${m.score.toFixed(2)}   complaint: ${m.complaint ? 'yes' : 'no'}   boundary needed: ${m.boundary ? 'YES' : 'no'}`);
  lines.push(`Categories   ${m.categories.length > 0 ? m.categories.map((c) => `${c.category} (${c.confidence.toFixed(2)})`).join(', ') : 'none'}`);
  if (thread.messages.length > 1) lines.push(`Thread       trajectory ${thread.trajectory}, contacts ${thread.repeatContacts}`);
  lines.push('', highlight(text, m).trim(), '');
  if (m.cues.length === 0) lines.push('No cues.');
  else {
    lines.push('Cues:');
    m.cues.forEach((c, i) => lines.push(`  ${i + 1}. "${c.text}"  ${c.category} / ${c.ruleId} (${c.level})`, `     why: ${c.reason}`));
  }
  if (m.cancelled.length > 0) {
    lines.push('', 'Not counted:');
    for (const c of m.cancelled) lines.push(`  - "${c.text}" (${c.ruleId}) cancelled by ${c.cancelledBy} "${c.by}"`);
  }
  if (steps.length > 0) {
    lines.push('', 'Playbook:');
    for (const s of steps) {
      lines.push(`  ${s.step.replace('_', ' ')}: ${s.texts[0]}`);
      if (s.texts.length > 1) lines.push(`     (${s.texts.length - 1} more wording${s.texts.length > 2 ? 's' : ''}; ${s.why})`);
      else lines.push(`     (${s.why})`);
    }
  }
  for (const d of thread.disabledRules ?? []) lines.push('', `Note: ${describeDisabledRule(d)}; its cues are left out.`);
  const quotedChars = text.length - m.activeRanges.reduce((n, [a, b]) => n + (b - a), 0);
  if (quotedChars > 20) lines.push('', `(${quotedChars} characters of quoted history, signature or blank lines were not read as the customer's words.)`);
  return lines.join('\n');
}
