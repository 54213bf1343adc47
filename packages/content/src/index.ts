export * from './item.js';
export * from './source.js';
export * from './config.js';
export * from './check.js';
export { letterReferences } from './rules/letters.js';
export { normaliseStem, ngrams, jaccard, similarPairs } from './rules/duplicates.js';
export * from './package.js';
export * from './package-source.js';
export { checkPackages, requiredSkillTags, type PackageFigures } from './rules/packages.js';
