export * from './dynamo-local.js';
