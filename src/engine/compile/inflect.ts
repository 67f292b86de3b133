/**
 * Inflections of pack words, from compromise's conjugation and pluralisation (compile time only):
 * "wait" also matches "waited", "waits", "waiting"; "refund" also "refunds", "refunded".
 */
import nlp from 'compromise';

/** The parts of compromise's model and methods used here (its typings leave them as object). */
interface CompromiseModel {
  one: { lexicon: Record<string, string | string[] | undefined>; tagSet: Record<string, { parents?: string[] } | undefined> };
}
type Fn = (word: string, model: CompromiseModel) => unknown;
interface Transform { verb: { conjugate: Fn; toInfinitive: Fn }; noun: { toPlural: Fn; toSingular: Fn } }

const model = nlp.model() as unknown as CompromiseModel;
const transform = (nlp.methods() as unknown as { two: { transform: Transform } }).two.transform;
const lexicon = model.one.lexicon;

/** Words that never inflect: function words and closed classes. */
const CLOSED_TAGS = new Set([
  'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Negative', 'Auxiliary', 'Modal',
  'Copula', 'Adverb', 'Adjective', 'Comparative', 'Superlative', 'Value', 'Cardinal', 'TextValue',
  'Ordinal', 'PastTense', 'Gerund', 'Participle', 'Plural', 'QuestionWord', 'Expression',
  'Possessive', 'Date', 'Month', 'WeekDay', 'Honorific', 'FirstName', 'MaleName', 'FemaleName',
  'Contraction', 'There', 'PhrasalVerb', 'Particle', 'Conditional', 'Copula',
]);

const cache = new Map<string, string[]>();

function tagsOf(word: string): string[] {
  const tag = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  if (tag === undefined) return [];
  return Array.isArray(tag) ? tag : [tag];
}

/** All forms of `word` (itself first). `force` also lemmatises inflected input ("waited" -> wait). */
export function inflections(word: string, force = false): string[] {
  const key = force ? `!${word}` : word;
  const hit = cache.get(key);
  if (hit) return hit;
  const forms = new Set<string>([word]);
  const tags = tagsOf(word);
  const closed = tags.some((t) => CLOSED_TAGS.has(t));
  if (/^[a-z]{3,}$/.test(word) && (force || !closed)) {
    let base = word;
    if (force) {
      const lemma = transform.verb.toInfinitive(word, model);
      if (typeof lemma === 'string' && lemma.length > 0) base = lemma;
      const singular = transform.noun.toSingular(word, model);
      if (typeof singular === 'string' && singular.length > 0) forms.add(singular);
      forms.add(base);
    }
    const conj = transform.verb.conjugate(base, model) as Record<string, string>;
    for (const [form, value] of Object.entries(conj)) {
      if (form !== 'FutureTense' && typeof value === 'string' && /^[a-z']+$/.test(value)) forms.add(value);
    }
    // British/American doubling: cancelled/canceled, travelling/traveling.
    for (const f of [...forms]) {
      const m = /^(.*[aeiou])(l)(ed|ing)$/.exec(f);
      if (m) forms.add(`${m[1]}ll${m[3]}`);
      const d = /^(.*[aeiou])ll(ed|ing)$/.exec(f);
      if (d) forms.add(`${d[1]}l${d[2]}`);
    }
    const plural = transform.noun.toPlural(base, model);
    if (typeof plural === 'string' && /^[a-z']+$/.test(plural)) forms.add(plural);
  }
  const result = [...forms];
  cache.set(key, result);
  return result;
}

/** The lexicon tags compromise gives a word out of context (with their parents), for cheap tag tests. */
export function lexiconTags(word: string): Set<string> {
  const out = new Set<string>();
  const tagSet = model.one.tagSet;
  for (const t of tagsOf(word)) {
    out.add(t);
    for (const p of (Object.hasOwn(tagSet, t) ? tagSet[t]?.parents : undefined) ?? []) out.add(p);
  }
  return out;
}

export const KNOWN_TAGS: ReadonlySet<string> = new Set(Object.keys(model.one.tagSet));
