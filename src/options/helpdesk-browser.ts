/**
 * The few Chrome calls the helpdesk editor makes, behind one interface: host access for a
 * helpdesk's patterns, and running the selector probe in the open tabs that match them.
 */
import { probeSelectors, type ProbeResult } from './helpdesk-probe';
import type { HelpdeskSelectors } from '../shared/helpdesk';

export interface TabProbe {
  url: string;
  title: string;
  result?: ProbeResult;
  /** Why the page could not be read (closed meanwhile, a browser page, no access). */
  error?: string;
}

export interface HelpdeskBrowser {
  hasAccess(patterns: string[]): Promise<boolean>;
  /** Must be called straight from a click handler: Chrome asks the user only on a gesture. */
  requestAccess(patterns: string[]): Promise<boolean>;
  probeOpenTabs(patterns: string[], selectors: Partial<HelpdeskSelectors>, order: string): Promise<TabProbe[]>;
}

/** Enough tabs to compare two tickets, few enough to read at a glance. */
const MAX_TABS = 3;

export const chromeHelpdeskBrowser: HelpdeskBrowser = {
  hasAccess: (patterns) => chrome.permissions.contains({ origins: patterns }).catch(() => false),
  requestAccess: (patterns) => chrome.permissions.request({ origins: patterns }).catch(() => false),
  async probeOpenTabs(patterns, selectors, order) {
    const tabs = await chrome.tabs.query({ url: patterns }).catch(() => []);
    // The tab the team lead looked at last first.
    const recent = tabs.filter((t) => t.id !== undefined).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0)).slice(0, MAX_TABS);
    return Promise.all(
      recent.map(async (tab): Promise<TabProbe> => {
        const seen = { url: tab.url ?? '', title: tab.title ?? '' };
        try {
          const [injection] = await chrome.scripting.executeScript({ target: { tabId: tab.id! }, func: probeSelectors, args: [selectors, order] });
          return injection?.result ? { ...seen, result: injection.result } : { ...seen, error: 'the page gave no answer' };
        } catch (error) {
          return { ...seen, error: (error as Error).message };
        }
      }),
    );
  },
};
