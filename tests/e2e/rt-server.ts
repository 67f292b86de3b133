// Drives the live Request Tracker 5 that `.ci/rt/setup.sh` + `start.sh` run on 127.0.0.1 (no test
// cases here). Customers write through RT's own mail gateway (`rt-mailgate`), the agent answers
// with the `rt` command-line client, and what RT stored is read back through its REST 2.0 API
// (JSON; HTTP basic auth with the agent's password), so tests compare against RT's own records.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const execFileAsync = promisify(execFile);

export interface RtConfig {
  /** Web root without a trailing slash, e.g. `http://127.0.0.1:8080/rt`. */
  url: string;
  agentUser: string;
  agentPassword: string;
  /** Address customers write to (only shown in the To: header; RT files by queue). */
  address: string;
}

/**
 * RT settings from the environment (`.ci/run` exports them after starting RT):
 * `TACTFUL_RT_URL`, `TACTFUL_RT_AGENT_USER`, `TACTFUL_RT_AGENT_PASSWORD`, optional
 * `TACTFUL_RT_ADDRESS`. Undefined when RT is not configured.
 */
export function rtConfig(env: NodeJS.ProcessEnv = process.env): RtConfig | undefined {
  const url = env.TACTFUL_RT_URL?.trim();
  const agentUser = env.TACTFUL_RT_AGENT_USER?.trim();
  const agentPassword = env.TACTFUL_RT_AGENT_PASSWORD;
  if (!url || !agentUser || !agentPassword) return undefined;
  return { url: url.replace(/\/+$/, ''), agentUser, agentPassword, address: env.TACTFUL_RT_ADDRESS ?? 'rt@tactful.test' };
}

function config(): RtConfig {
  const found = rtConfig();
  if (!found) {
    throw new Error('RT is not configured: set TACTFUL_RT_URL, TACTFUL_RT_AGENT_USER and TACTFUL_RT_AGENT_PASSWORD (see .ci/rt/).');
  }
  return found;
}

export const displayUrl = (id: number): string => `${config().url}/Ticket/Display.html?id=${id}`;
export const replyUrl = (id: number): string => `${config().url}/Ticket/Update.html?Action=Respond&id=${id}`;

// ---------------------------------------------------------------------------------------------
// REST 2.0 (read side)

async function rest<T>(pathAndQuery: string): Promise<T> {
  const { url, agentUser, agentPassword } = config();
  const response = await fetch(`${url}/REST/2.0/${pathAndQuery}`, {
    headers: { Authorization: `Basic ${Buffer.from(`${agentUser}:${agentPassword}`).toString('base64')}` },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`RT REST ${pathAndQuery}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface Ref {
  id: string;
  type: string;
}
interface Page_<T> {
  items: T[];
}

async function searchTicketIds(query: string, order: 'ASC' | 'DESC'): Promise<number[]> {
  const params = new URLSearchParams({ query, orderby: 'id', order, per_page: '1' });
  const found = await rest<Page_<Ref>>(`tickets?${params.toString()}`);
  return found.items.map((item) => Number(item.id));
}

/** RT's numeric id of a user, by login name or email address (the DOM's `data-user-id`). */
export async function userId(nameOrEmail: string): Promise<number> {
  // Without AdminUsers the record has no `id` field, only its self link.
  const user = await rest<{ _hyperlinks: { ref: string; id: number }[] }>(`user/${encodeURIComponent(nameOrEmail)}`);
  const self = user._hyperlinks.find((link) => link.ref === 'self');
  if (!self) throw new Error(`RT user ${nameOrEmail}: no id in the REST answer`);
  return Number(self.id);
}

export interface RtTransaction {
  id: number;
  type: 'Create' | 'Correspond' | 'Comment';
  /** Login name of the author (customers' names are their email addresses). */
  creator: string;
  /** MIME type of the stored body part that is returned (HTML preferred when RT kept both). */
  contentType: 'text/plain' | 'text/html';
  /** The stored body exactly as RT keeps it. */
  content: string;
  /** `content` as plain text: HTML paragraphs become blank-line separated, entities decoded. */
  text: string;
}

interface RestTransaction {
  id: string;
  Type: string;
  Creator: { id: string };
}
interface RestAttachment {
  ContentType: string;
  /** Decoded text in collections (base64 only in the single-attachment resource). */
  Content: string;
  TransactionId: string;
}

const messageTypes = new Set(['Create', 'Correspond', 'Comment']);

/** The messages of a ticket (creation mail, replies, comments), oldest first, as RT stored them. */
export async function ticketTransactions(ticketId: number): Promise<RtTransaction[]> {
  const [history, attachments] = await Promise.all([
    rest<Page_<RestTransaction>>(`ticket/${ticketId}/history?per_page=100&fields=Type,Creator`),
    rest<Page_<RestAttachment>>(`ticket/${ticketId}/attachments?per_page=100&fields=ContentType,Content,TransactionId`),
  ]);
  const partsOf = (transactionId: string) =>
    attachments.items.filter((a) => a.TransactionId === transactionId);
  const messages: RtTransaction[] = [];
  for (const transaction of history.items.filter((t) => messageTypes.has(t.Type))) {
    const parts = partsOf(transaction.id);
    const body =
      parts.find((p) => p.ContentType === 'text/html' && p.Content) ??
      parts.find((p) => p.ContentType === 'text/plain' && p.Content);
    if (!body) continue; // e.g. a ticket created without any message
    const contentType = body.ContentType as RtTransaction['contentType'];
    messages.push({
      id: Number(transaction.id),
      type: transaction.Type as RtTransaction['type'],
      creator: transaction.Creator.id,
      contentType,
      content: body.Content,
      text: contentType === 'text/html' ? htmlToText(body.Content) : body.Content.replace(/\s+$/, ''),
    });
  }
  return messages.sort((a, b) => a.id - b.id);
}

/**
 * Just enough HTML-to-text for editor output: `<p>`/`<div>` paragraphs, `<br>` lines. CKEditor 4
 * writes HTML 4 named entities (`&times;`, `&rsquo;`, ...); Perl's HTML::Entities (a dependency of
 * RT, so present wherever RT is) decodes them all, after the tags are gone.
 */
export function htmlToText(html: string): string {
  const stripped = html
    .replace(/\r?\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|blockquote|li|h[1-6])\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  const decoded = execFileSync('perl', ['-CSD', '-MHTML::Entities', '-0777', '-pe', '$_ = decode_entities($_)'], {
    input: stripped,
    encoding: 'utf8',
  });
  return decoded
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Mail gateway (customer side)

export interface CustomerMail {
  /** Customer's address; RT creates an unprivileged user for a new one. */
  from: string;
  /** Customer's display name. */
  name: string;
  subject: string;
  body: string;
  /** Text of an earlier mail, quoted below the body with `> ` like a mail client does. */
  quoted?: string;
  /** Signature, appended after the standard `-- ` separator. */
  signature?: string;
}

function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** A plain-text RFC 5322 message as a mail client would send it. */
export function composeMail(mail: CustomerMail, to: string, date = new Date()): string {
  let text = mail.body.replace(/\s+$/, '');
  if (mail.quoted) {
    const quoted = mail.quoted.replace(/\s+$/, '').split('\n').map((line) => (line ? `> ${line}` : '>'));
    text += `\n\nOn ${date.toUTCString()}, Support <${to}> wrote:\n${quoted.join('\n')}`;
  }
  if (mail.signature) text += `\n\n-- \n${mail.signature.replace(/\s+$/, '')}`;
  const host = mail.from.split('@')[1] ?? 'example.com';
  return [
    `From: ${encodeHeader(mail.name)} <${mail.from}>`,
    `To: Support <${to}>`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${host}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    '',
  ].join('\n');
}

/** Pipes a message into `rt-mailgate`; fails unless RT answered `ok`. */
function mailgate(message: string, extraArgs: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  const { url } = config();
  const args = ['--debug', '--queue', 'General', '--action', 'correspond', '--url', `${url}/`, ...extraArgs];
  return new Promise((resolve, reject) => {
    const child = spawn('rt-mailgate', args, { env: { ...process.env, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`rt-mailgate could not run (apt-get install rt5-clients): ${error.message}`)));
    child.on('close', (code) => {
      // rt-mailgate exits 0 on "not ok" too; --debug prints RT's answer, whose last line says.
      const answer = output.trim().split('\n').pop() ?? '';
      if (code === 0 && answer === 'ok') resolve();
      else reject(new Error(`rt-mailgate failed (exit ${code}): ${output.trim()}`));
    });
    child.stdin.end(message);
  });
}

async function newestTicketId(): Promise<number> {
  return (await searchTicketIds('id > 0', 'DESC'))[0] ?? 0;
}

/** A new customer mail to queue General; resolves to the id of the ticket RT opened. */
export async function createTicketByMail(mail: CustomerMail): Promise<number> {
  const before = await newestTicketId();
  await mailgate(composeMail(mail, config().address), []);
  const quotedFrom = mail.from.replace(/'/g, "\\'");
  const [id] = await searchTicketIds(`id > ${before} AND Requestor.EmailAddress = '${quotedFrom}'`, 'ASC');
  if (!id) throw new Error(`RT accepted the mail from ${mail.from} but no new ticket has that requestor`);
  return id;
}

/** A further customer mail on an existing ticket (rt-mailgate `--extension ticket`). */
export async function correspondByMail(ticketId: number, from: string, body: string, name = from.split('@')[0] ?? from): Promise<void> {
  const ticket = await rest<{ Subject: string }>(`ticket/${ticketId}`);
  const message = composeMail({ from, name, subject: `Re: ${ticket.Subject}`, body }, config().address);
  await mailgate(message, ['--extension', 'ticket'], { EXTENSION: String(ticketId) });
}

// ---------------------------------------------------------------------------------------------
// Agent side

/** The agent answers the customer with the `rt` command-line client (a Correspond transaction). */
export async function agentReply(ticketId: number, text: string): Promise<void> {
  const { url, agentUser, agentPassword } = config();
  const env = { ...process.env, RTUSER: agentUser, RTPASSWD: agentPassword, RTSERVER: url };
  const { stdout } = await execFileAsync('rt', ['correspond', '-m', text, String(ticketId)], { env, timeout: 30_000 });
  if (!/Correspondence added/i.test(stdout)) throw new Error(`rt correspond on #${ticketId} failed: ${stdout.trim()}`);
}

/** Signs the agent in through RT's login form (`form#login`: `user`, `pass`, submit input). */
export async function loginAsAgent(page: Page): Promise<void> {
  const { url, agentUser, agentPassword } = config();
  await page.goto(`${url}/`, { waitUntil: 'domcontentloaded' });
  const form = page.locator('form#login');
  if ((await form.count()) === 0) return; // already signed in (shared context)
  await form.locator('input[name="user"]').fill(agentUser);
  await form.locator('input[name="pass"]').fill(agentPassword);
  // The form posts to /NoAuth/Login.html, which redirects to the page asked for (here the home).
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: 15_000 }),
    form.locator('input[type="submit"]').click(),
  ]);
  if ((await page.locator('form#login').count()) > 0) throw new Error(`RT refused the login of ${agentUser}`);
}
