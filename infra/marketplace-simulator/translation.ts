// The simulator's translator, behind its DeepL-shaped endpoint: it knows exactly the words the
// simulated shops write (word-lists.ts: categories, product types, features, colours, and the
// description sentences), so a product title or description of one shop comes out as the other
// shop writes it, deterministically. Brands, models and anything it does not know pass through
// unchanged, as proper nouns do in a real translation. Pure: no I/O.
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { CATEGORIES, COLOURS, DESCRIPTIONS, type Localized } from './word-lists';

/** The languages the shops write in; each market's language has the market's code. */
export type SimLanguage = MarketCode;
export const SIM_LANGUAGES: readonly SimLanguage[] = MARKET_CODES;

const PHRASES: readonly Localized[] = [...CATEGORIES.flatMap((c) => [c.name, ...c.types, ...c.features]), ...COLOURS.map((c) => c.name)];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (text: string) => text.toLocaleLowerCase('und');

interface PhraseTable {
  /** Every known phrase of the language, longest first, as whole words. */
  readonly pattern: RegExp;
  /** Lowercased phrase to its entry (the first entry wins where two share a phrase). */
  readonly entries: ReadonlyMap<string, Localized>;
  /** The description sentences with their placeholders as capture groups, in DESCRIPTIONS order. */
  readonly sentences: readonly RegExp[];
}

function tableOf(language: SimLanguage): PhraseTable {
  const entries = new Map<string, Localized>();
  for (const phrase of PHRASES) if (!entries.has(key(phrase[language]))) entries.set(key(phrase[language]), phrase);
  const alternatives = [...new Set(PHRASES.map((p) => p[language]))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const phrase = `(?:${alternatives.join('|')})`;
  // Product types and features are known phrases (a type may hold the very word that follows it: "Sac à Dos de Randonnée de {brand}").
  const sentences = DESCRIPTIONS[language].map(
    (sentence) =>
      new RegExp(
        `^${escapeRegExp(sentence).replace(/\\\{(brand|type|f1|f2)\\\}/g, (_, name: string) => `(?<${name}>${name === 'brand' ? '.+?' : phrase})`)}$`,
        'iu',
      ),
  );
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'giu'), entries, sentences };
}

const TABLES = Object.fromEntries(SIM_LANGUAGES.map((l) => [l, tableOf(l)])) as Readonly<Record<SimLanguage, PhraseTable>>;

/** The language most of the text's known phrases are in (by characters matched); the first language when none is known. */
export function detectLanguage(text: string): SimLanguage {
  let best: SimLanguage = SIM_LANGUAGES[0]!;
  let bestScore = 0;
  for (const language of SIM_LANGUAGES) {
    const score = [...text.matchAll(TABLES[language].pattern)].reduce((sum, m) => sum + m[0].length, 0);
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best;
}

function translatePhrases(text: string, from: SimLanguage, to: SimLanguage): string {
  const { pattern, entries } = TABLES[from];
  return text.replace(pattern, (found) => {
    const entry = entries.get(key(found));
    if (!entry) return found;
    const target = entry[to];
    // A phrase written lowercase in the word list but capitalised here opens a sentence: so does its translation.
    const known = entry[from];
    const raised = found.charAt(0) !== known.charAt(0) && found.charAt(0) === known.charAt(0).toLocaleUpperCase(from);
    return raised ? target.charAt(0).toLocaleUpperCase(to) + target.slice(1) : target;
  });
}

/** One text from `from` (detected when null) into `to`. */
export function translate(
  text: string,
  from: SimLanguage | null,
  to: SimLanguage,
): { readonly text: string; readonly detected: SimLanguage } {
  const source = from ?? detectLanguage(text);
  if (source === to) return { text, detected: source };
  // A description sentence is rebuilt from the target language's sentence, whose word order differs.
  for (const [i, sentence] of TABLES[source].sentences.entries()) {
    const groups = sentence.exec(text)?.groups;
    const template = DESCRIPTIONS[to][i];
    if (!groups || template === undefined) continue;
    const filled = template.replace(/\{(brand|type|f1|f2)\}/g, (_, name: string) => {
      const part = groups[name] ?? '';
      return name === 'brand' ? part : translatePhrases(part, source, to);
    });
    return { text: filled, detected: source };
  }
  return { text: translatePhrases(text, source, to), detected: source };
}
