/**
 * The QA review log at scale, in the real extension: 100,000 generated events imported through the
 * review page's own request into the service worker's IndexedDB, then each filter the review page
 * offers answered as the page asks for it (first page of rows with the total, then the statistics
 * that feed its tables and charts), timed from the page. Every iteration uses another rule,
 * helpdesk or date window, so no answer is a repeat of the one before.
 */
import { LOG_ACTIONS } from '../../shared/log';
import { matchesFilter, type LogFilter } from '../../shared/log-filter';
import { toNdjson } from '../../shared/log-format';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../start/browser';
import { browserMissing, DIST } from './browser';
import { BENCH_HELPDESKS, benchEvents, type BenchRule } from './log-events';
import { summarise, type Timing } from './measure';

const DAY_MS = 86_400_000;
/** Rows the review page asks for at a time (src/review/model.ts PAGE_SIZE). */
const PAGE_ROWS = 100;
/** Right after a big write the database settles (compaction): measure what a reviewer meets later. */
const SETTLE_MS = 5_000;

export const REVIEW_SCENARIOS = ['unfiltered', 'date_range', 'rule', 'rule_helpdesk', 'category_action_frustration'] as const;
export type ReviewScenario = (typeof REVIEW_SCENARIOS)[number];

export const SCENARIO_LABELS: Record<ReviewScenario, string> = {
  unfiltered: 'no filter',
  date_range: '30-day date range',
  rule: 'one rule',
  rule_helpdesk: 'rule + helpdesk',
  category_action_frustration: 'category + action + frustration >= 2',
};

export interface ReviewTiming {
  /** Rows + total, then statistics: what the page waits for after a filter change. */
  answer: Timing;
  /** Rows + total alone. */
  query: Timing;
  /** Matching events of the last iteration (checked against the generated events). */
  total: number;
}

/** The review page opened after the service worker restarted (it keeps no state across restarts). */
export interface ColdOpen {
  /** Store time of the page's first query, which reads the log into memory first. */
  firstQueryMs: number;
  /** From navigation until the page shows the total. */
  totalShownMs: number;
}

export type ReviewLogBench =
  | { ok: true; events: number; importS: number; reimportS: number; scenarios: Record<ReviewScenario, ReviewTiming>; cold: ColdOpen }
  | { ok: false; skipped: string };

function filterFor(scenario: ReviewScenario, i: number, rules: readonly BenchRule[], end: number): LogFilter {
  const rule = rules[(i * 7) % rules.length]!;
  const helpdesk = BENCH_HELPDESKS[i % BENCH_HELPDESKS.length]!;
  const categories = [...new Set(rules.map((r) => r.category))];
  switch (scenario) {
    case 'unfiltered':
      return {};
    case 'date_range':
      return { from: end - (40 + i) * DAY_MS, to: end - (10 + i) * DAY_MS };
    case 'rule':
      return { ruleId: rule.id };
    case 'rule_helpdesk':
      return { ruleId: rule.id, helpdesk };
    case 'category_action_frustration':
      return { category: categories[i % categories.length]!, action: LOG_ACTIONS[i % LOG_ACTIONS.length]!, minFrustration: 2 };
  }
}

/** Stops the service worker (it keeps nothing in memory across a restart), then opens the review page. */
async function openAfterRestart(context: BrowserContext, page: Page): Promise<ColdOpen> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.reload();
  const shown = await page.waitForFunction(() => (document.querySelector('[data-testid="total"][data-query-ms]') ? performance.now() : 0), null, { polling: 10, timeout: 60_000 });
  const totalShownMs = (await shown.jsonValue()) as number;
  return { firstQueryMs: Number(await page.getByTestId('total').getAttribute('data-query-ms')), totalShownMs };
}

/** `progress` hears each step as it ends: the whole measurement takes minutes. */
export async function measureReviewLog(count: number, iterations: number, rules: readonly BenchRule[], progress: (line: string) => void = () => {}): Promise<ReviewLogBench> {
  const missing = browserMissing();
  if (missing) return { ok: false, skipped: missing };
  const end = Date.now();
  const events = benchEvents(count, rules, end);
  const browser = await launchWithExtension({ distDir: DIST, headless: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/review/index.html`);
    await page.evaluate((text) => void ((window as unknown as { benchLog: string }).benchLog = text), toNdjson(events));
    // Timed in the page, so handing 40 MB from node to the browser is not counted.
    const importOnce = async () => {
      const r = (await page.evaluate(async () => {
        const started = performance.now();
        const result = await chrome.runtime.sendMessage({ type: 'review/import', text: (window as unknown as { benchLog: string }).benchLog });
        return { ...result, s: (performance.now() - started) / 1000 };
      })) as { ok: boolean; added: number; duplicates: number; error?: string; s: number };
      if (!r.ok) throw new Error(`import failed: ${r.error}`);
      return r;
    };
    const first = await importOnce();
    progress(`review log: imported ${count} events in ${first.s.toFixed(1)} s`);
    if (first.added !== count) throw new Error(`import added ${first.added} of ${count} events`);
    // The same file again, as when a reviewer merges an export twice: every event is a duplicate.
    const again = await importOnce();
    if (again.duplicates !== count) throw new Error(`re-import found ${again.duplicates} of ${count} duplicates`);
    progress(`review log: imported them again (all duplicates) in ${again.s.toFixed(1)} s`);
    await page.evaluate(() => void ((window as unknown as { benchLog: string }).benchLog = ''));
    await page.waitForTimeout(SETTLE_MS);

    const scenarios = {} as Record<ReviewScenario, ReviewTiming>;
    for (const scenario of REVIEW_SCENARIOS) {
      const answers: number[] = [];
      const queries: number[] = [];
      let total = 0;
      for (let i = -2; i < iterations; i++) {
        const filter = filterFor(scenario, i + 2, rules, end);
        const r = (await page.evaluate(
          async ({ filter, limit }) => {
            const started = performance.now();
            const query = await chrome.runtime.sendMessage({ type: 'review/query', filter, offset: 0, limit });
            const queried = performance.now();
            const stats = await chrome.runtime.sendMessage({ type: 'review/stats', filter });
            return { ok: query.ok && stats.ok, error: query.error ?? stats.error, total: query.total, rows: query.events?.length, statsEvents: stats.stats?.events, queryMs: queried - started, answerMs: performance.now() - started };
          },
          { filter, limit: PAGE_ROWS },
        )) as { ok: boolean; error?: string; total: number; rows: number; statsEvents: number; queryMs: number; answerMs: number };
        if (!r.ok) throw new Error(`${scenario} query failed: ${r.error}`);
        const expected = events.reduce((n, e) => n + (matchesFilter(e, filter) ? 1 : 0), 0);
        if (r.total !== expected || r.statsEvents !== expected || r.rows !== Math.min(PAGE_ROWS, expected)) {
          throw new Error(`${scenario} ${JSON.stringify(filter)}: total ${r.total}, stats ${r.statsEvents}, rows ${r.rows}; expected ${expected}`);
        }
        total = r.total;
        if (i < 0) continue; // warm-up
        answers.push(r.answerMs);
        queries.push(r.queryMs);
      }
      scenarios[scenario] = { answer: summarise(answers), query: summarise(queries), total };
      progress(`review log: ${scenario} p50 ${scenarios[scenario].answer.p50.toFixed(1)} ms (rows + total ${scenarios[scenario].query.p50.toFixed(1)} ms)`);
    }
    const cold = await openAfterRestart(browser.context, page);
    return { ok: true, events: count, importS: first.s, reimportS: again.s, scenarios, cold };
  } finally {
    await browser.close();
  }
}
