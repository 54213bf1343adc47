export * from './item.js';
export * from './source.js';
export * from './config.js';
export * from './check.js';
export { letterReferences } from './rules/letters.js';
export { normaliseStem, ngrams, jaccard, similarPairs } from './rules/duplicates.js';
