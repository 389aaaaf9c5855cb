/**
 * Deterministic chat text for a seeded library: English-like word frequencies
 * (a Zipf distribution over 5,000 words, the commonest ones real English),
 * one topic per conversation whose words come up more often there, and
 * markdown (lists, code blocks) in replies. A few real words sit at chosen
 * frequency ranks, so searching for them finds a realistic number of messages.
 */

const COMMON = 'the and to of in is it that for you with on as be this are can or your have an not by from at but if will which'.split(' ');
const GENERAL = 'model reply question answer example function value system memory browser engine token context window settings version project server request response error message result data file folder build test page user'.split(' ');
/** Real words and their rank in the background vocabulary (1 = commonest). */
const PLACED: Record<string, number> = {
  pivot: 900, vocabulary: 1100, kubernetes: 1500, tokenizer: 2000, sourdough: 2400, ingress: 2600, compost: 2800, quicksort: 3100, seedlings: 3300, lisbon: 3500,
};
const VOCABULARY_SIZE = 5000;
const SYLLABLES = 'ba ce di fo gu ka le mi no pu ra se ti vo zu bre cla dro fli gra ple qua sta tri wen lor mek nis pol rud'.split(' ');

function* madeUpWords(): Generator<string> {
  for (const c of ['', ...SYLLABLES]) for (const a of SYLLABLES) for (const b of SYLLABLES) yield a + b + c;
}

const REAL_TOPICS = [
  { title: 'Sourdough starter schedule', words: ['sourdough', 'starter', 'flour', 'hydration', 'levain', 'crumb', 'proofing', 'oven'] },
  { title: 'Quicksort in Rust', words: ['quicksort', 'pivot', 'partition', 'rust', 'borrow', 'slice', 'recursion', 'ownership'] },
  { title: 'Kubernetes ingress setup', words: ['kubernetes', 'ingress', 'cluster', 'pod', 'helm', 'namespace', 'service', 'deployment'] },
  { title: 'Tokenizer questions', words: ['tokenizer', 'vocabulary', 'merges', 'bytes', 'unicode', 'embedding', 'prompt', 'sentencepiece'] },
  { title: 'Garden planning', words: ['tomatoes', 'compost', 'seedlings', 'mulch', 'watering', 'sunlight', 'raised', 'beds'] },
  { title: 'Trip to Lisbon', words: ['lisbon', 'tram', 'pastel', 'alfama', 'ferry', 'museum', 'itinerary', 'hostel'] },
];

function buildVocabulary(): { words: string[]; topics: { title: string; words: string[] }[] } {
  const taken = new Set([...COMMON, ...GENERAL, ...Object.keys(PLACED), ...REAL_TOPICS.flatMap((t) => t.words)]);
  const made = madeUpWords();
  const next = (): string => {
    for (;;) {
      const w = made.next().value!;
      if (taken.has(w)) continue;
      taken.add(w);
      return w;
    }
  };
  const words = [...COMMON, ...GENERAL];
  const placed = Object.entries(PLACED).sort((a, b) => a[1] - b[1]);
  while (words.length < VOCABULARY_SIZE) words.push(placed[0] && placed[0][1] === words.length + 1 ? placed.shift()![0] : next());
  const madeTopics = Array.from({ length: 24 }, () => {
    const topicWords = Array.from({ length: 8 }, next);
    return { title: `Notes on ${topicWords[0]} and ${topicWords[1]}`, words: topicWords };
  });
  return { words, topics: [...REAL_TOPICS, ...madeTopics] };
}

const { words: VOCABULARY, topics: TOPICS } = buildVocabulary();
const CUMULATIVE = (() => {
  const sums = new Float64Array(VOCABULARY.length);
  VOCABULARY.forEach((_, i) => (sums[i] = (sums[i - 1] ?? 0) + 1 / (i + 1)));
  return sums;
})();

/** The topic of the conversation at `index`; the largest (index 0) is about made-up words nobody searches for. */
export const topicOf = (index: number) => TOPICS[(index + REAL_TOPICS.length) % TOPICS.length]!;

export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writer(rand: () => number, topic: readonly string[]) {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const word = () => {
    if (rand() < 0.03) return pick(topic);
    const target = rand() * CUMULATIVE[CUMULATIVE.length - 1]!;
    let lo = 0;
    let hi = CUMULATIVE.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (CUMULATIVE[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return VOCABULARY[lo]!;
  };
  const sentence = () => `${Array.from({ length: 8 + Math.floor(rand() * 12) }, word).join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  const paragraph = () => Array.from({ length: 2 + Math.floor(rand() * 4) }, sentence).join(' ');
  const list = () => Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `- **${pick(topic)}**: ${sentence()}`).join('\n');
  const code = () => '```ts\n' + `const ${pick(topic)} = ${Math.floor(rand() * 100)};\nexport function ${word()}Of(value: number) {\n  return value * ${pick(topic)};\n}\n` + '```';
  return {
    question: () => Array.from({ length: 1 + Math.floor(rand() * 3) }, sentence).join(' '),
    answer: () => {
      const blocks = [paragraph()];
      const extra = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < extra; i++) blocks.push(rand() < 0.25 ? list() : rand() < 0.3 ? code() : paragraph());
      return blocks.join('\n\n');
    },
  };
}
