// What each helpdesk fixture must read as. The fixtures are hand-written from
// /work/shared/design/helpdesks.md; these are the facts about them the adapters must recover.
import type { Page } from 'playwright-core';
import * as freescout from '../../src/adapters/selectors/freescout';
import * as freshdesk from '../../src/adapters/selectors/freshdesk';
import * as front from '../../src/adapters/selectors/front';
import * as generic from '../../src/adapters/selectors/generic';
import * as gmail from '../../src/adapters/selectors/gmail';
import * as helpscout from '../../src/adapters/selectors/helpscout';
import * as intercom from '../../src/adapters/selectors/intercom';
import * as osticket from '../../src/adapters/selectors/osticket';
import * as rt from '../../src/adapters/selectors/rt';
import * as zendesk from '../../src/adapters/selectors/zendesk';
import type { ExpectedCounts } from '../../src/adapters/types';
import type { ConversationRole } from '../../src/shared/conversation';

export interface AdapterCase {
  id: string;
  /** Path of the fixture on the fixture server. */
  path: string;
  /** The helpdesk's real origin, for SaaS helpdesks whose fixtures are served from 127.0.0.1. */
  origin?: string;
  expected: ExpectedCounts;
  /** Brings the page to "history shown" (RT loads it by AJAX). */
  prepare?(page: Page): Promise<void>;
  ticketKey: string;
  subject: string;
  requester?: string;
  /** Oldest first. */
  roles: ConversationRole[];
  authors: (string | undefined)[];
  /** One message's whole expected text: entities decoded, paragraphs kept, quote and signature gone. */
  exact: { index: number; text: string };
  /** [message index, text]: the new words of a reply that quotes history. */
  present: [number, string][];
  /** [message index, text]: quoted history and signatures that must not be read. */
  absent: [number, string][];
  switchTo: number;
  switchedKey: string;
  editor: { tag: string; inFrame?: boolean };
}

export const CASES: AdapterCase[] = [
  {
    id: 'rt',
    path: '/rt/Ticket/Display.html?id=7',
    expected: rt.expected,
    prepare: (page) => page.evaluate(() => window.fixture.loadHistory()),
    ticketKey: 'rt:7',
    subject: 'Charged twice & no invoice',
    requester: 'Dana Whitfield',
    roles: ['customer', 'internal', 'agent', 'customer', 'agent'],
    authors: ['Dana Whitfield', 'Sam Ortiz', 'Sam Ortiz', 'Dana Whitfield', 'Priya Nair'],
    exact: {
      index: 0,
      text: 'Hello,\n\nI was charged twice for the Pro plan this month (€49 & €49) and I still have no invoice. 😠\nPlease sort this out today.',
    },
    present: [[3, 'Thanks, the refund arrived 🎉 but the invoice still shows the old address.']],
    absent: [[0, 'Dana W.'], [0, 'Operations lead'], [3, 'Show quoted text'], [3, 'We have refunded'], [3, 'wrote:']],
    switchTo: 8,
    switchedKey: 'rt:8',
    // Display.html has no editor; the Update page is tested on its own.
    editor: { tag: 'none' },
  },
  {
    id: 'freescout',
    path: '/conversation/12',
    expected: freescout.expected,
    ticketKey: 'freescout:12',
    subject: 'SSO login fails after update & locks us out',
    requester: 'Ana López',
    // The page lists newest first; the snapshot is oldest first.
    roles: ['customer', 'agent', 'internal', 'customer', 'agent'],
    authors: ['Ana López', 'Tom Becker', 'Tom Becker', 'Ana López', 'you'],
    exact: { index: 0, text: 'Since your update none of us can log in & SSO just loops. 😤\n\nWe have a client demo at 3pm.' },
    present: [[3, 'Three days and my whole team is still locked out.'], [4, 'SSO will work.']],
    absent: [[0, 'Ana L.'], [0, 'Studio lead'], [3, 'wrote:'], [3, 'will update you shortly'], [4, 'Kind regards'], [4, 'Jo Park']],
    switchTo: 13,
    switchedKey: 'freescout:13',
    editor: { tag: 'DIV' },
  },
  {
    id: 'osticket',
    path: '/scp/tickets.php?id=3',
    expected: osticket.expected,
    ticketKey: 'osticket:3',
    subject: 'Wrong size shipped & return label missing',
    requester: 'Chris Okafor',
    roles: ['customer', 'agent', 'internal', 'customer', 'agent'],
    authors: ['Chris Okafor', 'Rosa Diaz', 'Rosa Diaz', 'Chris Okafor', 'Rosa Diaz'],
    // One <div> per line, as mail editors write them: lines, not paragraphs.
    exact: { index: 0, text: "I ordered a medium jacket and received an XL.\nThe return label you promised isn't in the box either." },
    present: [[3, 'Still no label >:( and the return window closes Friday.']],
    absent: [[0, 'Chris O.'], [0, 'Outlook'], [3, 'wrote:'], [3, 'on its way by email']],
    switchTo: 4,
    switchedKey: 'osticket:4',
    editor: { tag: 'DIV' },
  },
  {
    id: 'zendesk',
    path: '/agent/tickets/55',
    origin: 'https://acme.zendesk.com',
    expected: zendesk.expected,
    ticketKey: 'zendesk:55',
    subject: 'Subscription cancelled without warning & data gone',
    requester: 'Olivia Grant',
    roles: ['customer', 'agent', 'internal', 'agent', 'customer'],
    authors: ['Olivia Grant', 'Answer Bot', 'Noah Kim', 'Noah Kim', 'Olivia Grant'],
    exact: { index: 0, text: 'You cancelled my subscription without any warning & my project data is gone. 😡\n\nI need it restored today.' },
    present: [[4, 'Card updated. Please restore everything before noon.']],
    absent: [[0, 'Liv G.'], [0, 'Grant & Partners'], [4, 'wrote:'], [4, 'your data is safe']],
    switchTo: 56,
    switchedKey: 'zendesk:56',
    editor: { tag: 'DIV' },
  },
  {
    id: 'freshdesk',
    path: '/a/tickets/881',
    origin: 'https://acme.freshdesk.com',
    expected: freshdesk.expected,
    ticketKey: 'freshdesk:881',
    subject: 'Invoice shows wrong VAT number & company name',
    requester: 'Hugo Martin',
    roles: ['customer', 'agent', 'internal', 'customer', 'agent'],
    authors: ['Hugo Martin', 'Eva Lind', 'Eva Lind', 'Hugo Martin', 'Eva Lind'],
    exact: { index: 0, text: "Our invoice #4471 has the wrong VAT number & an old company name.\nAccounting can't book it. 🙄" },
    present: [[3, 'The number is FR 12 345678901. This is the third time I send it.']],
    absent: [[0, 'Hugo M.'], [0, 'Martin SARL'], [3, 'wrote:'], [3, 'please send me the correct VAT number']],
    switchTo: 882,
    switchedKey: 'freshdesk:882',
    editor: { tag: 'DIV' },
  },
  {
    id: 'intercom',
    path: '/a/inbox/x1y2z3/inbox/shared/all/conversation/215',
    origin: 'https://app.intercom.com',
    expected: intercom.expected,
    ticketKey: 'intercom:215',
    subject: "Can't export my reports to CSV",
    requester: 'Jordan Reyes',
    roles: ['customer', 'agent', 'internal', 'agent', 'customer'],
    authors: ['Jordan Reyes', 'Fin', 'Kai Moreno', 'Kai Moreno', 'Jordan Reyes'],
    exact: { index: 0, text: 'Export to CSV has been broken since yesterday & my board meeting is tomorrow!! 😫\n\nCan someone help today?' },
    present: [[4, 'XLSX worked, thanks. But I am paying for CSV.']],
    absent: [[4, 'opens in any spreadsheet']],
    switchTo: 216,
    switchedKey: 'intercom:216',
    editor: { tag: 'DIV' },
  },
  {
    id: 'helpscout',
    path: '/conversation/3021/1187',
    origin: 'https://secure.helpscout.net',
    expected: helpscout.expected,
    prepare: (page) => page.evaluate(() => window.fixture.loadHistory()),
    ticketKey: 'helpscout:3021',
    subject: 'Two-factor codes never arrive by SMS',
    requester: 'Ines Duarte',
    roles: ['customer', 'agent', 'internal', 'customer', 'agent'],
    authors: ['Ines Duarte', 'Leo Brandt', 'Leo Brandt', 'Ines Duarte', 'Leo Brandt'],
    exact: { index: 0, text: "The 2FA code never arrives by SMS & I can't log in. 📵" },
    present: [[3, 'I have now been locked out for two days. Nobody seems to care.']],
    absent: [[0, 'Ines D.'], [0, 'Duarte Travel'], [3, 'wrote:'], [3, 'ends in 42'], [4, 'Help Scout Support, Berlin']],
    switchTo: 3022,
    switchedKey: 'helpscout:3022',
    editor: { tag: 'DIV' },
  },
  {
    id: 'front',
    path: '/inboxes/shared/open/cnv_7k2p',
    origin: 'https://app.frontapp.com',
    expected: front.expected,
    ticketKey: 'front:cnv_7k2p',
    subject: 'Damaged espresso machine & no replacement yet',
    requester: 'Sofia Rossi',
    roles: ['customer', 'agent', 'internal', 'customer', 'agent'],
    authors: ['Sofia Rossi', 'Omar Haddad', 'Omar Haddad', 'Sofia Rossi', 'Omar Haddad'],
    exact: { index: 0, text: 'The machine arrived with a cracked water tank. I paid €389 for this.\n\nPlease send a replacement.' },
    present: [[3, 'Photo attached. A week without coffee in a café is not OK.']],
    absent: [[0, 'Sofia R.'], [0, 'Caffè Rossi'], [3, 'wrote:'], [3, 'photo of the tank']],
    switchTo: 88,
    switchedKey: 'front:cnv_88x',
    editor: { tag: 'DIV' },
  },
  {
    id: 'gmail',
    path: '/mail/u/0/#inbox/FMfcgzQZtLrBbDnWk',
    origin: 'https://mail.google.com',
    expected: gmail.expected,
    ticketKey: 'gmail:FMfcgzQZtLrBbDnWk',
    subject: 'Refund still missing after 3 weeks',
    requester: 'Kwame Mensah',
    roles: ['customer', 'agent', 'customer', 'agent'],
    authors: ['Kwame Mensah', 'Bakery Support', 'Kwame Mensah', 'Bakery Support'],
    exact: { index: 0, text: "I returned the cake stand on 9 November & I'm still waiting for my £45 refund. 😒\n\nOrder BK-2231." },
    present: [[2, 'Three weeks later: nothing. I will dispute the charge with my bank.']],
    absent: [[0, 'Bake it till you make it'], [2, 'wrote:'], [2, 'refund is on its way']],
    switchTo: 7,
    switchedKey: 'gmail:FMfcgzThreadNumber7',
    editor: { tag: 'DIV' },
  },
  {
    id: 'generic',
    path: '/intranet/cases/42',
    expected: generic.expected,
    ticketKey: `generic:HOST/intranet/cases/42`,
    subject: 'Case 42: Parcel never arrived',
    // No requester field: the first customer message's author.
    requester: 'Marco Bianchi',
    roles: ['customer', 'agent', 'internal', 'customer'],
    authors: ['Marco Bianchi', 'Lena Fischer', 'Lena Fischer', 'Marco Bianchi'],
    exact: {
      index: 0,
      text: 'My parcel was due on Monday & it still hasn\'t arrived. 📦\n\nThe tracking page has said "in transit" for six days.',
    },
    present: [[3, "It's Monday again and still nothing. I want a refund now."]],
    absent: [[0, 'Marco B.'], [0, 'Sent from my phone'], [0, '28 Nov'], [3, 'asked the carrier']],
    switchTo: 43,
    switchedKey: 'generic:HOST/intranet/cases/43',
    editor: { tag: 'TEXTAREA' },
  },
];
