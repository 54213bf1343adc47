export * from './errors.js';
export * from './zip.js';
export * from './manifest.js';
export * from './package.js';
export * from './cmi.js';
