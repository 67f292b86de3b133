/**
 * Schema validation without eval (@cfworker/json-schema interprets the schema), turned into
 * messages a team lead understands, each at the line and column of the offending YAML.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import packSchema from '../../../rules/schema/pack.schema.json';
import rulesSchema from '../../../rules/schema/rules.schema.json';
import type { PackError } from './errors';
import { locate, type ParsedFile, type Segment } from './parse';

/** Keywords that only describe: a `$ref`'s sibling may carry its own without changing the answer. */
const ANNOTATIONS = new Set(['description', 'title']);

/**
 * The schema with each local `$ref` replaced by the schema it names, merged with its siblings:
 * the same answers in fewer steps (each `$ref` is one more validation step, once per phrase and
 * example). A `$ref` whose siblings repeat one of its target's keywords stays as it is, and so
 * does `$defs`, so anything not inlined still resolves.
 */
function inlineRefs(node: unknown, defs: Record<string, unknown>, depth = 0): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, defs, depth));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === '$defs' || k === '$ref' ? v : inlineRefs(v, defs, depth);
  const ref = out.$ref;
  const target = typeof ref === 'string' && ref.startsWith('#/$defs/') ? defs[ref.slice('#/$defs/'.length)] : undefined;
  if (target === null || typeof target !== 'object' || depth > 8) return out;
  const inlined = inlineRefs(target, defs, depth + 1) as Record<string, unknown>;
  const siblings = Object.keys(out).filter((k) => k !== '$ref');
  if ('$ref' in inlined || siblings.some((k) => k in inlined && !ANNOTATIONS.has(k))) return out;
  const merged = { ...inlined, ...out };
  delete merged.$ref;
  return merged;
}

// A short-circuiting validator answers "valid?" several times faster, on the schema with its
// references inlined; only an invalid file is validated again in full, on the schema as written,
// to report every error.
const quick = (schema: unknown) =>
  new Validator(inlineRefs(schema, (schema as { $defs?: Record<string, unknown> }).$defs ?? {}) as Schema, '2020-12', true);
const thorough = (schema: unknown) => new Validator(schema as Schema, '2020-12', false);
const packValidator = { quick: quick(packSchema), thorough: thorough(packSchema) };
const rulesValidator = { quick: quick(rulesSchema), thorough: thorough(rulesSchema) };

/** Container keywords only say "something inside failed"; the leaf errors say what. */
const CONTAINER_KEYWORDS = new Set(['properties', 'items', '$ref', 'allOf', 'anyOf', 'false', 'prefixItems', 'unevaluatedProperties']);

function pointerToPath(pointer: string): Segment[] {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function fieldName(path: Segment[]): string {
  const last = [...path].reverse().find((s) => typeof s === 'string');
  return last === undefined ? 'this item' : `\`${last}\``;
}

function friendly(unit: OutputUnit, path: Segment[]): { message: string; at: Segment[]; key: boolean } {
  const field = fieldName(path);
  const detail = unit.error;
  switch (unit.keyword) {
    case 'required': {
      const m = /"([^"]+)"/.exec(detail);
      return { message: `missing required field \`${m?.[1] ?? '?'}\``, at: path, key: false };
    }
    case 'additionalProperties': {
      const m = /Property "([^"]+)"/.exec(detail);
      const name = m?.[1] ?? '?';
      return { message: `unknown field \`${name}\` (check the spelling; see rules/README.md)`, at: [...path, name], key: true };
    }
    case 'enum': {
      const m = /any of (\[.*\])/.exec(detail);
      const allowed = m ? (JSON.parse(m[1]!) as string[]).join(', ') : '';
      return { message: `${field} must be one of: ${allowed}`, at: path, key: false };
    }
    case 'type':
      return { message: `${field} has the wrong type: ${detail.replace(/^Instance type /, '').replace(/\.$/, '')}`, at: path, key: false };
    case 'pattern':
      return { message: `${field} has a form that is not allowed (ids: lowercase letters, digits, dots, dashes, underscores; versions: 1.2.3)`, at: path, key: false };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return { message: `${field} is out of range: ${detail}`, at: path, key: false };
    case 'minLength':
      return { message: `${field} must not be empty`, at: path, key: false };
    case 'maxLength': case 'maxItems':
      return { message: `${field} is too long: ${detail}`, at: path, key: false };
    case 'minItems':
      return { message: `${field} needs more items: ${detail}`, at: path, key: false };
    case 'minProperties':
      return { message: `${field} needs at least one of phrases, patterns or regex`, at: path, key: false };
    case 'oneOf':
      return { message: `${field === 'this item' ? 'example' : field} must be a text, or an object with \`text\` and optional \`cue\``, at: path, key: false };
    default:
      return { message: `${field}: ${detail}`, at: path, key: false };
  }
}

function validateWith(validator: { quick: Validator; thorough: Validator }, file: ParsedFile, errors: PackError[]): boolean {
  if (validator.quick.validate(file.value).valid) return true;
  const result = validator.thorough.validate(file.value);
  if (result.valid) return true;
  const seen = new Set<string>();
  // Errors under a failed oneOf are noise (each branch's complaint); report the oneOf itself.
  const oneOfPaths = result.errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instanceLocation);
  for (const unit of result.errors) {
    if (CONTAINER_KEYWORDS.has(unit.keyword)) continue;
    if (unit.keyword !== 'oneOf' && oneOfPaths.some((p) => unit.instanceLocation === p || unit.instanceLocation.startsWith(`${p}/`))) continue;
    const path = pointerToPath(unit.instanceLocation);
    const { message, at, key } = friendly(unit, path);
    const pos = locate(file, at, key);
    const ruleId = ruleIdAt(file.value, path);
    const dedupe = `${pos.line}:${pos.column}:${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    errors.push({ file: file.path, line: pos.line, column: pos.column, severity: 'error', message, ...(ruleId ? { ruleId } : {}) });
  }
  return false;
}

function ruleIdAt(value: unknown, path: Segment[]): string | undefined {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return undefined;
  const rules = (value as { rules?: unknown[] }).rules;
  const rule = rules?.[path[1]] as { id?: unknown } | undefined;
  return typeof rule?.id === 'string' ? rule.id : undefined;
}

export function validateManifest(file: ParsedFile, errors: PackError[]): boolean {
  return validateWith(packValidator, file, errors);
}

export function validateRuleFile(file: ParsedFile, errors: PackError[]): boolean {
  return validateWith(rulesValidator, file, errors);
}
