/**
 * "Format on save": one canonical layout for pack YAML (2-space indent, sequences indented under
 * their key, no line folding) that keeps comments, key order and flow style where the author chose
 * it, through the `yaml` Document API. format(format(x)) === format(x), and the values never change.
 */
import { parseDocument } from 'yaml';

export class FormatError extends Error {}

export function formatYaml(text: string): string {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) throw new FormatError(`cannot format: ${doc.errors[0]!.message.split('\n')[0]}`);
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true });
}
