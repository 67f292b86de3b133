import { describe, expect, it } from 'vitest';
import { matchesAny, matchesPattern } from './match-pattern';

const url = (href: string) => new URL(href);

describe('matchesPattern', () => {
  it('matches subdomains of a wildcard host, and the bare domain, but not look-alikes', () => {
    expect(matchesPattern('https://*.zendesk.com/*', url('https://acme.zendesk.com/agent/tickets/55'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', url('https://zendesk.com/'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', url('https://evilzendesk.com/agent'))).toBe(false);
    expect(matchesPattern('https://*.zendesk.com/*', url('https://acme.zendesk.com.evil.example/'))).toBe(false);
  });

  it('checks the scheme (`*` is http or https) and ignores the port, as Chrome does', () => {
    expect(matchesPattern('https://app.intercom.com/*', url('http://app.intercom.com/a'))).toBe(false);
    expect(matchesPattern('*://app.intercom.com/*', url('http://app.intercom.com/a'))).toBe(true);
    expect(matchesPattern('http://127.0.0.1/*', url('http://127.0.0.1:8080/rt/Ticket/Display.html?id=7'))).toBe(true);
  });

  it('matches the path glob against path and query', () => {
    expect(matchesPattern('https://mail.google.com/mail/*', url('https://mail.google.com/mail/u/0/#inbox/abc'))).toBe(true);
    expect(matchesPattern('https://mail.google.com/mail/*', url('https://mail.google.com/chat/'))).toBe(false);
    expect(matchesPattern('http://intra.example/cases/*?view=full', url('http://intra.example/cases/4?view=full'))).toBe(true);
  });

  it('rejects malformed patterns instead of matching everything', () => {
    expect(matchesPattern('zendesk.com', url('https://zendesk.com/'))).toBe(false);
    expect(matchesAny([], url('https://zendesk.com/'))).toBe(false);
    expect(matchesPattern('<all_urls>', url('https://anything.example/x'))).toBe(true);
  });
});
