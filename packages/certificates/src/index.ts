export * from './code.js';
export * from './date.js';
export * from './template.js';
export * from './wrap.js';
export * from './pdf.js';
