/**
 * Enterprise policy (chrome.storage.managed, shaped by public/managed_schema.json): packs pushed
 * by an admin, which of them users may not switch off, whether users may add packs, helpdesks,
 * selector fixes and logging. Policy is untrusted input like anything typed: each part is checked
 * on its own, a bad part is dropped with an error the admin can read on the options page, and
 * the rest still applies.
 *
 * The service worker checks a policy pack's shape only (it must not load the engine: compromise
 * alone takes a noticeable time to start, and the worker restarts whenever it wakes). Pages that
 * compile anyway finish the check: `verifyPolicyPacks` for the admin's view on the options page,
 * and the side panel leaves a pack that does not compile out (see compileActive).
 */
import type { HelpdeskDefinition, HelpdeskSelectors } from './helpdesk';
import { LOGGING_MODES, type LogSettings } from './log';
import { formatProblem, PACK_ID, POLICY_PREFIX, type PackFile, type PackProblem } from './packs';
import { fromYamlStream } from './packs-io';
import { parseCustomHelpdesks, parseSelectorOverrides } from './settings';

/** A compiler, passed in (shared may not import the engine): the engine's compilePack fits. */
export type Compile<P> = (files: PackFile[]) => { ok: true; pack: P } | { ok: false; errors: PackProblem[] };

export interface PolicyPack {
  /** `policy:<id>`. */
  id: string;
  locked: boolean;
  files: PackFile[];
}

export interface EffectivePolicy {
  /** False when no policy is set at all (then nothing below restricts the user). */
  managed: boolean;
  packs: PolicyPack[];
  /** The built-in pack can be locked too (`builtin`). */
  lockedPackIds: string[];
  allowUserPacks: boolean;
  customHelpdesks: HelpdeskDefinition[];
  selectorOverrides: Record<string, Partial<HelpdeskSelectors>>;
  logging: PolicyLogging | null;
  /** For the admin: what was rejected and why (file:line for packs). */
  errors: string[];
  /** When the background worker read the policy (ms since the epoch). */
  updated: number;
}

export const NO_POLICY: EffectivePolicy = {
  managed: false, packs: [], lockedPackIds: [], allowUserPacks: true, customHelpdesks: [], selectorOverrides: {}, logging: null, errors: [], updated: 0,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What policy may set for the suggestion log: the settings, and a team salt for ticket hashes. */
export type PolicyLogging = Partial<LogSettings> & { ticketSalt?: string };

function parseLogging(raw: unknown, errors: string[]): PolicyLogging | null {
  if (raw === undefined) return null;
  if (!isObject(raw)) {
    errors.push('logging: must be an object with mode, retentionDays, maxEvents');
    return null;
  }
  const out: PolicyLogging = {};
  if (raw.mode !== undefined) {
    if ((LOGGING_MODES as readonly unknown[]).includes(raw.mode)) out.mode = raw.mode as LogSettings['mode'];
    else errors.push(`logging.mode: must be one of ${LOGGING_MODES.join(', ')}`);
  }
  for (const [key, max] of [['retentionDays', 3650], ['maxEvents', 10_000_000]] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max) out[key] = v;
    else errors.push(`logging.${key}: must be a whole number from 1 to ${max}`);
  }
  if (raw.ticketSalt !== undefined) {
    // Short salts can be guessed along with the ticket number; 16 characters is a floor, not a goal.
    if (typeof raw.ticketSalt === 'string' && raw.ticketSalt.length >= 16 && raw.ticketSalt.length <= 256) out.ticketSalt = raw.ticketSalt;
    else errors.push('logging.ticketSalt: must be a secret text of 16 to 256 characters');
  }
  return out;
}

/** The policy with every pack checked by `compile` (structure only when it is absent). */
export function parsePolicy<P>(raw: unknown, compile?: Compile<P>, now = Date.now()): EffectivePolicy {
  if (!isObject(raw) || Object.keys(raw).length === 0) return { ...NO_POLICY, updated: now };
  const errors: string[] = [];
  const locked = Array.isArray(raw.lockedPacks) ? raw.lockedPacks.filter((x): x is string => typeof x === 'string') : [];
  if (raw.lockedPacks !== undefined && !Array.isArray(raw.lockedPacks)) errors.push('lockedPacks: must be a list of pack ids');
  const packs: PolicyPack[] = [];
  if (raw.packs !== undefined && !isObject(raw.packs)) errors.push('packs: must map a pack id to the pack as YAML text');
  for (const [id, text] of Object.entries(isObject(raw.packs) ? raw.packs : {}).slice(0, 50)) {
    if (!PACK_ID.test(id)) {
      errors.push(`packs.${id}: the id must be lowercase letters, digits, dots or dashes`);
      continue;
    }
    if (typeof text !== 'string') {
      errors.push(`packs.${id}: must be the pack as YAML text (the output of \`tactful rules pack\`)`);
      continue;
    }
    const imported = fromYamlStream(text);
    if (imported.problems.length > 0) {
      errors.push(...imported.problems.map((p) => `packs.${id}: ${p}`));
      continue;
    }
    const rejection = compile ? compileErrors(id, imported.files, compile) : [];
    if (rejection.length > 0) {
      errors.push(...rejection);
      continue;
    }
    packs.push({ id: POLICY_PREFIX + id, locked: locked.includes(id), files: imported.files });
  }
  const helpdesks = parseCustomHelpdesks(raw.customHelpdesks);
  const overrides = parseSelectorOverrides(raw.selectorOverrides);
  errors.push(...helpdesks.problems.map((p) => `customHelpdesks: ${p}`), ...overrides.problems.map((p) => `selectorOverrides: ${p}`));
  if (raw.allowUserPacks !== undefined && typeof raw.allowUserPacks !== 'boolean') errors.push('allowUserPacks: must be true or false');
  return {
    managed: true,
    packs,
    lockedPackIds: locked.map((id) => (id === 'builtin' ? id : POLICY_PREFIX + id)),
    allowUserPacks: raw.allowUserPacks !== false,
    customHelpdesks: helpdesks.definitions,
    selectorOverrides: overrides.overrides,
    logging: parseLogging(raw.logging, errors),
    errors,
    updated: now,
  };
}

function compileErrors<P>(id: string, files: PackFile[], compile: Compile<P>): string[] {
  const result = compile(files);
  if (result.ok) return [];
  return [`packs.${id} was rejected; the extension keeps working without it:`, ...result.errors.filter((e) => e.severity === 'error').slice(0, 20).map((e) => `  ${formatProblem(e)}`)];
}

/** Compiles each policy pack (pages only): one that does not compile is left out and named for the admin. */
export function verifyPolicyPacks<P>(policy: EffectivePolicy, compile: Compile<P>): EffectivePolicy {
  const errors: string[] = [];
  const packs = policy.packs.filter((pack) => {
    const rejection = compileErrors(pack.id.slice(POLICY_PREFIX.length), pack.files, compile);
    errors.push(...rejection);
    return rejection.length === 0;
  });
  return errors.length === 0 ? policy : { ...policy, packs, errors: [...errors, ...policy.errors] };
}

/** The stored effective policy as pages read it (the background wrote it; still checked). */
export function readEffectivePolicy(raw: unknown): EffectivePolicy {
  if (!isObject(raw) || !Array.isArray(raw.packs)) return NO_POLICY;
  return { ...NO_POLICY, ...(raw as Partial<EffectivePolicy>) } as EffectivePolicy;
}
