/** The host part of a Chrome match pattern (`*`, `*.example.com`, `help.example.com`) against a host name. */
export function hostMatches(hostPattern: string, host: string): boolean {
  if (hostPattern === '*') return true;
  if (hostPattern.startsWith('*.')) {
    const domain = hostPattern.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  }
  return host === hostPattern;
}
