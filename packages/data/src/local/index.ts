export * from './dynamo-local.js';
export * from './stream-poller.js';
export * from './file-objects.js';
