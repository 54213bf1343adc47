/**
 * Near-duplicate stems: two questions asking the same thing in slightly different words make a
 * test repeat itself and inflate a skill's apparent coverage. Stems are normalised (NFKC, lower
 * case, no spaces or punctuation), cut into overlapping character n-grams, and compared by the
 * Jaccard similarity of their n-gram sets, separately per language; a pair's similarity is the
 * higher of the two. Character n-grams need no word segmentation, which Japanese lacks.
 */
export function normaliseStem(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function ngrams(text: string, n: number): Set<string> {
  const s = normaliseStem(text);
  const out = new Set<string>();
  if (s.length <= n) {
    if (s.length > 0) out.add(s);
    return out;
  }
  for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) inter += 1;
  return inter / (a.size + b.size - inter);
}

export interface StemPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Every pair of texts (by index) whose similarity is at least `threshold`, per language list.
 * An inverted index counts shared n-grams, so only pairs that share some n-gram are looked at
 * (1,500 items stay well under a second instead of a million full comparisons).
 */
export function similarPairs(texts: string[][], n: number, threshold: number): StemPair[] {
  const best = new Map<string, number>();
  const languages = Math.max(0, ...texts.map((t) => t.length));
  for (let lang = 0; lang < languages; lang++) {
    const sets = texts.map((t) => ngrams(t[lang] ?? '', n));
    const postings = new Map<string, number[]>();
    sets.forEach((set, i) => {
      for (const g of set) {
        const list = postings.get(g);
        if (list) list.push(i);
        else postings.set(g, [i]);
      }
    });
    const shared = new Int32Array(sets.length);
    for (let i = 0; i < sets.length; i++) {
      const touched: number[] = [];
      for (const g of sets[i]!) {
        for (const j of postings.get(g)!) {
          if (j <= i) continue;
          if (shared[j] === 0) touched.push(j);
          shared[j] = shared[j]! + 1;
        }
      }
      for (const j of touched) {
        const inter = shared[j]!;
        shared[j] = 0;
        const union = sets[i]!.size + sets[j]!.size - inter;
        const sim = union === 0 ? 0 : inter / union;
        if (sim >= threshold) {
          const key = `${i}:${j}`;
          best.set(key, Math.max(best.get(key) ?? 0, sim));
        }
      }
    }
  }
  return [...best.entries()]
    .map(([key, similarity]) => {
      const [a, b] = key.split(':').map(Number) as [number, number];
      return { a, b, similarity: Math.round(similarity * 1000) / 1000 };
    })
    .sort((x, y) => y.similarity - x.similarity);
}
