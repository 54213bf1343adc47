export * from './assessment.js';
export * from './engine.js';
