/**
 * The task table: which dataset label is compared with which Tactful field and which peer, the
 * metric, and the target. Every mapping from a tool's output to a label is in this file.
 */
import type { ContractRecord } from '../contract';
import type { EvalRow } from './datasets';
import type { PeerName } from './peers';

// ---------------------------------------------------------------------------------------------
// Mappings (one place). Peer thresholds are exactly those of /shared/eval/README.md, so the peer
// numbers here are comparable with its measured baselines.
// ---------------------------------------------------------------------------------------------

/** Tactful `frustration` level at or above which a message counts as "frustrated" (goemotions). */
export const FRUSTRATED_MIN_LEVEL = 2;
/** VADER: compound <= -0.05 is negative, i.e. dissatisfied / frustrated. */
export const VADER_NEGATIVE_AT_MOST = -0.05;
/** AFINN (`sentiment` package): score < 0 is negative, i.e. dissatisfied / frustrated. */
export const AFINN_NEGATIVE_BELOW = 0;

/** Tactful contract fields read as each label. */
export const TACTFUL_AS = {
  /** dissatisfied (complaint or not) <- `complaint` */
  dissatisfied: (r: ContractRecord) => r.complaint,
  /** frustrated (anger/annoyance) <- `frustration >= FRUSTRATED_MIN_LEVEL` */
  frustrated: (r: ContractRecord) => r.frustration >= FRUSTRATED_MIN_LEVEL,
  /** abusive (aimed at the agent) <- `boundary` */
  abusive: (r: ContractRecord) => r.boundary,
  /** abusive or profane <- `boundary || profanity` */
  abusiveOrProfane: (r: ContractRecord) => r.boundary || r.profanity,
  /** a trigger category is predicted when it is in `categories` */
  category: (name: string) => (r: ContractRecord) => r.categories.includes(name),
  /** frustration intensity (rank correlation) <- `score`, or the 0..4 `frustration` level */
  upsetScore: (r: ContractRecord) => r.score,
  upsetLevel: (r: ContractRecord) => r.frustration,
  /** positive valence (rank correlation) <- `-score` */
  valence: (r: ContractRecord) => -r.score,
} as const;

/** Peer raw outputs read as a negative / abusive flag (binary tasks). */
export const PEER_FLAG: Record<PeerName, (raw: number) => boolean> = {
  vader: (compound) => compound <= VADER_NEGATIVE_AT_MOST,
  afinn: (score) => score < AFINN_NEGATIVE_BELOW,
  obscenity: (hasMatch) => hasMatch === 1,
};

/** Peer raw outputs as "how upset" (higher = more upset) for rank correlation with frustration. */
export const PEER_UPSET: Partial<Record<PeerName, (raw: number) => number>> = {
  vader: (compound) => -compound,
  afinn: (score) => -score,
};
/** Peer raw outputs as valence (higher = more positive). */
export const PEER_VALENCE: Partial<Record<PeerName, (raw: number) => number>> = {
  vader: (compound) => compound,
  afinn: (score) => score,
};

// ---------------------------------------------------------------------------------------------
// Metric definitions
// ---------------------------------------------------------------------------------------------

const boolLabel = (key: string) => (row: EvalRow): boolean | undefined =>
  typeof row.ours[key] === 'boolean' ? (row.ours[key] as boolean) : undefined;
const numLabel = (key: string) => (row: EvalRow): number | undefined =>
  typeof row.ours[key] === 'number' && Number.isFinite(row.ours[key]) ? (row.ours[key] as number) : undefined;
const triggerIs = (trigger: string) => (row: EvalRow) => row.ours.trigger === trigger;

interface MetricBase {
  /** Stable key within the task (JSON output). */
  key: string;
  /** What is compared, e.g. "dissatisfied ~ complaint". */
  label: string;
  /** Higher is better unless the metric is a false-positive rate. Targets apply to Tactful. */
  target?: number;
}

/** Binary label vs a Tactful flag: macro-F1, with per-class precision and recall. */
export interface BinaryMetric extends MetricBase {
  kind: 'binary';
  gold: (row: EvalRow) => boolean | undefined;
  tactful: (r: ContractRecord) => boolean;
  peers: PeerName[];
}

/**
 * The rate at which Tactful predicts something on a subset of rows: recall when `want` is true
 * (the rows carry the label), a false-positive rate when `want` is false.
 */
export interface RateMetric extends MetricBase {
  kind: 'rate';
  metric: 'recall' | 'FP rate';
  select: (row: EvalRow) => boolean;
  tactful: (r: ContractRecord) => boolean;
  want: boolean;
}

/** Numeric label vs a Tactful number: Spearman rank correlation. */
export interface RankMetric extends MetricBase {
  kind: 'spearman';
  gold: (row: EvalRow) => number | undefined;
  tactful: (r: ContractRecord) => number;
  peers: Partial<Record<PeerName, (raw: number) => number>>;
}

export type MetricDef = BinaryMetric | RateMetric | RankMetric;

export interface TaskDef {
  /** Dataset file name without `.jsonl`; also the name `--only` takes. */
  name: string;
  metrics: MetricDef[];
}

const recall = (key: string, label: string, select: (row: EvalRow) => boolean, category: string): RateMetric => ({
  kind: 'rate', key, label, metric: 'recall', select, tactful: TACTFUL_AS.category(category), want: true,
});
const fpRate = (key: string, label: string, select: (row: EvalRow) => boolean, category: string): RateMetric => ({
  kind: 'rate', key, label, metric: 'FP rate', select, tactful: TACTFUL_AS.category(category), want: false,
});

export const TASKS: readonly TaskDef[] = [
  {
    name: 'complaints_tweets',
    metrics: [
      { kind: 'binary', key: 'dissatisfied', label: 'dissatisfied ~ complaint', gold: boolLabel('dissatisfied'), tactful: TACTFUL_AS.dissatisfied, peers: ['vader', 'afinn'], target: 0.78 },
    ],
  },
  {
    name: 'airline_tweets',
    metrics: [
      { kind: 'binary', key: 'dissatisfied', label: 'dissatisfied ~ complaint', gold: boolLabel('dissatisfied'), tactful: TACTFUL_AS.dissatisfied, peers: ['vader', 'afinn'], target: 0.72 },
      // Single-label triggers: a missing trigger is not a negative, so recall only, plus how often
      // each category fires on rows labelled with the other trigger.
      recall('delay_recall', 'service_delay ~ delay', triggerIs('service_delay'), 'delay'),
      fpRate('delay_on_company_mistake', 'delay on company_mistake rows', triggerIs('company_mistake'), 'delay'),
      recall('company_mistake_recall', 'company_mistake ~ company_mistake', triggerIs('company_mistake'), 'company_mistake'),
      fpRate('company_mistake_on_service_delay', 'company_mistake on service_delay rows', triggerIs('service_delay'), 'company_mistake'),
    ],
  },
  {
    name: 'goemotions_test',
    metrics: [
      { kind: 'binary', key: 'frustrated', label: `frustrated ~ frustration>=${FRUSTRATED_MIN_LEVEL}`, gold: boolLabel('frustrated'), tactful: TACTFUL_AS.frustrated, peers: ['vader', 'afinn'], target: 0.68 },
      { kind: 'binary', key: 'dissatisfied', label: 'dissatisfied ~ complaint', gold: boolLabel('dissatisfied'), tactful: TACTFUL_AS.dissatisfied, peers: ['vader', 'afinn'] },
    ],
  },
  {
    name: 'twcs_frustration',
    metrics: [
      { kind: 'spearman', key: 'level_vs_score', label: 'frustration_level ~ score', gold: numLabel('frustration_level'), tactful: TACTFUL_AS.upsetScore, peers: PEER_UPSET, target: 0.55 },
      { kind: 'spearman', key: 'level_vs_frustration', label: 'frustration_level ~ frustration', gold: numLabel('frustration_level'), tactful: TACTFUL_AS.upsetLevel, peers: PEER_UPSET },
    ],
  },
  {
    name: 'convabuse',
    metrics: [
      { kind: 'binary', key: 'abusive', label: 'abusive ~ boundary', gold: boolLabel('abusive'), tactful: TACTFUL_AS.abusive, peers: ['obscenity'], target: 0.86 },
    ],
  },
  {
    name: 'davidson_offensive',
    metrics: [
      { kind: 'binary', key: 'abusive_or_profane', label: 'abusive_or_profane ~ boundary|profanity', gold: boolLabel('abusive_or_profane'), tactful: TACTFUL_AS.abusiveOrProfane, peers: ['obscenity'] },
    ],
  },
  {
    name: 'banking77_test',
    metrics: [
      recall('delay_recall', 'service_delay ~ delay', triggerIs('service_delay'), 'delay'),
      fpRate('delay_fp_rate', 'delay on rows with neither trigger', (row) => row.ours.trigger === undefined, 'delay'),
      recall('company_mistake_recall', 'company_mistake ~ company_mistake', triggerIs('company_mistake'), 'company_mistake'),
      fpRate('company_mistake_fp_rate', 'company_mistake on rows with neither trigger', (row) => row.ours.trigger === undefined, 'company_mistake'),
      recall('churn_recall', 'churn_intent ~ escalation_threat', (row) => row.ours.churn_intent === true, 'escalation_threat'),
    ],
  },
  {
    name: 'vader_groundtruth',
    metrics: [
      { kind: 'spearman', key: 'valence', label: 'valence ~ -score', gold: numLabel('valence'), tactful: TACTFUL_AS.valence, peers: PEER_VALENCE },
    ],
  },
];

/** The peers a task needs, in the order of PEER_NAMES. */
export function peersOf(task: TaskDef): PeerName[] {
  const used = new Set<PeerName>();
  for (const m of task.metrics) {
    if (m.kind === 'binary') m.peers.forEach((p) => used.add(p));
    else if (m.kind === 'spearman') (Object.keys(m.peers) as PeerName[]).forEach((p) => used.add(p));
  }
  return (['vader', 'afinn', 'obscenity'] as const).filter((p) => used.has(p));
}
