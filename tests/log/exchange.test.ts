import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_ACTIONS, type LogEvent } from '../../src/shared/log';
import { parseCsv, parseLog, parseNdjson, toCsv, toNdjson } from '../../src/shared/log-format';
import { event, freshStore, manyEvents } from './helpers';

const withText = (events: LogEvent[]) =>
  events.map((e, i) =>
    i % 3 === 0
      ? { ...e, suggestionId: 'ack-1', step: 'acknowledge', excerpt: `I have been waiting, "again", for week ${i}\nstill nothing, = not ok`, cues: [{ ruleId: e.ruleIds[0]!, start: 12, end: 19 }] }
      : i % 3 === 1 ? { ...e, reason: '=too formal, "stiff"' } : e,
  );

describe('export and import', () => {
  it.each(['ndjson', 'csv'] as const)('round-trips a store through %s into an empty store unchanged', async (format) => {
    const { store } = await freshStore();
    const events = withText(manyEvents(300, 21));
    await store.add(events);
    const text = format === 'csv' ? await store.exportCsv() : await store.exportNdjson();
    const { store: other } = await freshStore();
    expect(await other.importEvents(text, format)).toEqual({ added: 300, duplicates: 0, invalid: 0, textDropped: 0, errors: [] });
    const mine = await store.query({}, { limit: 1_000 });
    const theirs = await other.query({}, { limit: 1_000 });
    expect(theirs).toEqual(mine);
    expect(text.split('\n')[0]).toBe(format === 'csv' ? 'id,time,agent,helpdesk,ticket,packId,packVersion,action,ruleIds,categories,frustration,boundary,suggestionId,step,reason,excerpt,cues' : JSON.stringify(mine.events.at(-1)));
  });

  it('exports only what the filter covers, oldest first', async () => {
    const { store } = await freshStore();
    const events = manyEvents(200, 5);
    await store.add(events);
    const lines = (await store.exportNdjson({ ruleId: 'abuse.insult' })).trim().split('\n').map((l) => JSON.parse(l) as LogEvent);
    expect(lines.length).toBe(events.filter((e) => e.ruleIds.includes('abuse.insult')).length);
    expect(lines.every((e, i) => e.ruleIds.includes('abuse.insult') && (i === 0 || lines[i - 1]!.time <= e.time))).toBe(true);
  });

  it('merges two agents’ exports that overlap, counting each (agent, id) once', async () => {
    const a = manyEvents(120, 31, 'agent-a');
    const b = manyEvents(80, 32, 'agent-b');
    // agent-b's export also holds 40 of agent-a's events (a shared team export), and ids that collide with agent-a's.
    const fileA = toNdjson(a);
    const fileB = toCsv([...b, ...a.slice(0, 40), event({ id: 'agent-a-0', agent: 'agent-c' })]);
    const { store } = await freshStore();
    expect(await store.importEvents(fileA)).toMatchObject({ added: 120, duplicates: 0, invalid: 0 });
    expect(await store.importEvents(fileB)).toMatchObject({ added: 81, duplicates: 40, invalid: 0 });
    expect(await store.importEvents(fileB)).toMatchObject({ added: 0, duplicates: 121 });
    expect((await store.query()).total).toBe(201);
  });

  it('skips bad NDJSON lines and names them by line number, never throwing', async () => {
    const good = toNdjson([event({ id: 'g1' }), event({ id: 'g2' })]).trim().split('\n');
    const text = [good[0], '{not json', '', JSON.stringify({ ...event({ id: 'g3' }), action: 'clicked' }), JSON.stringify({ ...event({ id: 'g4' }), time: -5 }), '[1,2]', good[1], JSON.stringify({ ...event({ id: 'g5' }), cues: [{ ruleId: 'x', start: 0, end: 3 }] })].join('\n');
    const { store } = await freshStore();
    const result = await store.importEvents(text, 'ndjson');
    expect(result).toEqual({
      added: 2, duplicates: 0, invalid: 5, textDropped: 0,
      errors: [
        { line: 2, message: 'not valid JSON' },
        { line: 4, message: expect.stringMatching(/^"action" must be one of shown, /) },
        { line: 5, message: '"time" must be milliseconds since the epoch' },
        { line: 6, message: 'not an object' },
        { line: 8, message: '"cues" need an "excerpt"' },
      ],
    });
  });

  it('skips bad CSV rows by their line in the file, counting lines inside quoted cells', () => {
    const csv = toCsv([event({ id: 'c1', excerpt: 'line one\nline two\nline three' }), event({ id: 'c2' })]);
    const rows = csv.trim().split('\n');
    // Header (line 1), c1 spans lines 2-4, c2 is line 5; then a short row, a bad frustration, a bad list item.
    const bad = [rows[4]!.replace(',c2,', ',c3,').replace(/^c2/, 'c3').split(',').slice(0, 5).join(','), rows[4]!.replace(/^c2/, 'c4').replace(',2,false,', ',9,false,'), rows[4]!.replace(/^c2/, 'c5').replace(',shown,', ',maybe,')];
    const parsed = parseCsv([...rows, ...bad].join('\n'));
    expect(parsed.events.map((e) => e.id)).toEqual(['c1', 'c2']);
    expect(parsed.errors).toEqual([
      { line: 6, message: 'expected 17 cells, found 5' },
      { line: 7, message: '"frustration" must be a number from 0 to 4' },
      { line: 8, message: expect.stringMatching(/^"action" must be one of/) },
    ]);
    expect(parseCsv('id,time\nx,1\n').errors).toEqual([{ line: 1, message: 'the header row lacks the columns agent, helpdesk, action, frustration, boundary' }]);
    expect(parseLog('').events).toEqual([]);
  });

  it('CSV and NDJSON give back exactly the events they were given, whatever the text', () => {
    const text = fc.string({ maxLength: 40, unit: 'grapheme' });
    const id = fc.stringMatching(/^[A-Za-z0-9=+@'\-_. ]{1,12}$/);
    const arbitraryEvent = fc.record({
      id, agent: id, helpdesk: id, ticket: fc.stringMatching(/^[0-9a-f]{0,16}$/), packId: id, packVersion: id,
      time: fc.integer({ min: 0, max: 4e12 }), action: fc.constantFrom(...LOG_ACTIONS),
      ruleIds: fc.array(id, { maxLength: 3 }), categories: fc.array(id, { maxLength: 3 }),
      frustration: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 4, noNaN: true })), boundary: fc.boolean(),
      reason: fc.option(text.filter((s) => s !== ''), { nil: undefined }),
      excerpt: fc.option(text.filter((s) => s.length > 2), { nil: undefined }),
    }).map((e) => {
      const out: Record<string, unknown> = { ...e };
      for (const k of ['reason', 'excerpt']) if (out[k] === undefined) delete out[k];
      if (e.excerpt) out.cues = [{ ruleId: e.ruleIds[0] ?? 'r', start: 1, end: 2 }];
      return out as unknown as LogEvent;
    });
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 8 }), (events) => {
        expect(parseCsv(toCsv(events))).toEqual({ events, errors: [] });
        expect(parseNdjson(toNdjson(events))).toEqual({ events, errors: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('defuses spreadsheet formulas in CSV cells', () => {
    const csv = toCsv([event({ id: 'f', excerpt: '=HYPERLINK("http://x")', reason: '+1' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(",'+1,");
    expect(parseCsv(csv).events[0]).toMatchObject({ excerpt: '=HYPERLINK("http://x")', reason: '+1' });
  });
});
