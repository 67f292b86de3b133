/** Display helpers shared by the review parts. Times are UTC, like the date filters and the per-day statistics. */
import type { LogAction } from '../../shared/log';

export const formatTime = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
export const formatRate = (rate: number | null): string => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
export const ACTION_LABELS: Record<LogAction, string> = {
  shown: 'shown', inserted: 'inserted', copied: 'copied', edited: 'edited', dismissed: 'dismissed',
  rated_up: 'rated up', rated_down: 'rated down', wrong_cue: 'wrong cue', rule_disabled: 'rule disabled',
};
