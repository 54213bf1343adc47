export * from './assessment.js';
export * from './draw.js';
export * from './engine.js';
export * from './skill-results.js';
export * from './adaptive-progress.js';
export * from './grading.js';
export * from './review.js';
export * from './served.js';
