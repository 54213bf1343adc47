/**
 * Paging cursors are the LastEvaluatedKey, base64url-encoded. A decoded cursor is only accepted
 * when its partition keys lie in the caller's own partitions, so a crafted cursor cannot start a
 * read anywhere else (and a bad one is a 400, not a DynamoDB error).
 */
import { isTenantKey } from './keys.js';

export class InvalidCursorError extends Error {
  constructor() {
    super('Invalid cursor');
  }
}

export type Key = Record<string, string>;

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(
  cursor: string | undefined | null,
  expectedPartitions: Record<string, string>,
  /** The caller's tenant; null only for platform-catalog reads (no tenant partition involved). */
  tenantId: string | null,
): Key | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidCursorError();
  const key = parsed as Record<string, unknown>;
  if (!Object.values(key).every((v) => typeof v === 'string')) throw new InvalidCursorError();
  for (const [attr, expected] of Object.entries(expectedPartitions)) {
    if (key[attr] !== expected) throw new InvalidCursorError();
  }
  if (tenantId !== null && (typeof key.pk !== 'string' || !isTenantKey(key.pk, tenantId))) throw new InvalidCursorError();
  return key as Key;
}
