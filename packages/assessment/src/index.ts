export * from './assessment.js';
export * from './engine.js';
export * from './exposure-fit.js';
export * from './skill-results.js';
export * from './adaptive-progress.js';
export * from './grading.js';
