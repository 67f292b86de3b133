/**
 * The tools a team would pick instead of Tactful: VADER (compound), AFINN (via `sentiment`) and
 * the `obscenity` profanity matcher. Raw scores here; the thresholds live in tasks.ts.
 */
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';

export type PeerName = 'vader' | 'afinn' | 'obscenity';
export const PEER_NAMES: readonly PeerName[] = ['vader', 'afinn', 'obscenity'];

export interface Peers {
  /** VADER compound score, -1..1. */
  vader(text: string): number;
  /** AFINN-165 sum of word scores (the `sentiment` package's `score`). */
  afinn(text: string): number;
  /** 1 when the obscenity matcher (English dataset, recommended transformers) finds a match, else 0. */
  obscenity(text: string): number;
}

export function createPeers(): Peers {
  const afinn = new Sentiment();
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return {
    vader: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
    afinn: (text) => afinn.analyze(text).score,
    obscenity: (text) => (matcher.hasMatch(text) ? 1 : 0),
  };
}
