/**
 * Chrome match patterns (`https://*.zendesk.com/*`) tested against a URL, so detection uses the
 * same data as the manifest. Ports are ignored, as Chrome ignores them.
 */
import { hostMatches } from '../shared/match-host';

const PATTERN = /^(\*|https?|file):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/;

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function matchesPattern(pattern: string, url: URL): boolean {
  if (pattern === '<all_urls>') return /^(https?|file):$/.test(url.protocol);
  const parts = PATTERN.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', host = '', path = '/*'] = parts;
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : scheme !== protocol) return false;
  if (!hostMatches(host, url.hostname)) return false;
  const pathRegex = new RegExp(`^${path.split('*').map(escapeRegex).join('.*')}$`);
  return pathRegex.test(url.pathname + url.search);
}

export function matchesAny(patterns: readonly string[], url: URL): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}
