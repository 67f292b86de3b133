/**
 * The event table, virtualised: rows have a fixed height, so the rows in view follow from the scroll
 * position; only those (plus a margin) are rendered, between two spacer rows that keep the scroll
 * height of the whole list. Pages of rows are fetched from the store as they come into view.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LogEvent } from '../../shared/log';
import type { ReviewModel } from '../model';
import { ACTION_LABELS, formatTime } from './format';

export const ROW_HEIGHT = 32;
const OVERSCAN = 10;
const COLUMNS = 8;

function Row({ event, index, model }: { event: LogEvent | undefined; index: number; model: ReviewModel }) {
  if (!event) {
    return <tr aria-rowindex={index + 2}><td colSpan={COLUMNS} class="muted">…</td></tr>;
  }
  const selected = model.selected.value === event;
  const open = () => (model.selected.value = event);
  return (
    <tr aria-rowindex={index + 2} aria-current={selected ? 'true' : undefined} class={selected ? 'selected' : ''} onClick={open} data-testid="event-row">
      <td class="time-cell"><button type="button" onClick={open} aria-label={`Open event of ${formatTime(event.time)} (${event.action})`}>{formatTime(event.time)}</button></td>
      <td>{event.helpdesk}</td>
      <td>{ACTION_LABELS[event.action]}</td>
      <td>{event.step ?? ''}</td>
      <td title={event.categories.join(', ')}>{event.categories.join(', ')}</td>
      <td title={event.ruleIds.join(', ')}>{event.ruleIds.join(', ')}</td>
      <td>{event.frustration}</td>
      <td>{event.boundary ? 'yes' : ''}</td>
    </tr>
  );
}

export function EventTable({ model }: { model: ReviewModel }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(560);
  const total = model.total.value ?? 0;
  const filter = model.filter.value;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A new filter is a new list: start at its top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [filter]);

  // The header row takes one row height of the viewport.
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    if (last >= first) void model.ensureRows(first, last);
  }, [first, last, total]);

  const rows = [];
  for (let i = first; i <= last; i++) rows.push(<Row key={i} index={i} event={model.rowAt(i)} model={model} />);
  return (
    <div class="table-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)} tabIndex={0} aria-label="Events, newest first (scroll to see more)" role="region">
      <table class="events" aria-rowcount={total + 1} data-testid="events">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="col-time">Time (UTC)</th>
            <th scope="col" class="col-small">Helpdesk</th>
            <th scope="col" class="col-small">Action</th>
            <th scope="col" class="col-small">Step</th>
            <th scope="col">Categories</th>
            <th scope="col">Rules</th>
            <th scope="col" class="col-tiny" title="Frustration, 0 to 4">Frustr.</th>
            <th scope="col" class="col-tiny">Boundary</th>
          </tr>
        </thead>
        <tbody>
          <tr class="spacer" aria-hidden="true"><td colSpan={COLUMNS} style={{ height: `${first * ROW_HEIGHT}px` }} /></tr>
          {rows}
          <tr class="spacer" aria-hidden="true"><td colSpan={COLUMNS} style={{ height: `${Math.max(0, total - 1 - last) * ROW_HEIGHT}px` }} /></tr>
        </tbody>
      </table>
      {total === 0 && <p class="muted" style={{ padding: '0 8px' }}>No events match.</p>}
    </div>
  );
}
