/** Problems found in a rule pack, each pointing at file:line:column for the team lead. */
export interface PackError {
  file: string;
  /** 1-based; 0 when the problem is not tied to a place (e.g. a missing file). */
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** Rule id, when the problem belongs to one rule. */
  ruleId?: string;
}

export function formatPackError(e: PackError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}:${e.column}` : e.file;
  return `${where}: ${e.severity}: ${e.message}${e.ruleId ? ` [${e.ruleId}]` : ''}`;
}
