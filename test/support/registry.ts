import type { DataAccess } from '@manabi/data';

/**
 * The test servers running in this process, by base URL: helpers that are given only a URL read a
 * server's own data through it (a company's outbox) instead of the whole run's newest emails.
 */
export const runningServers = new Map<string, { data: DataAccess }>();
