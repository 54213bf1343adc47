import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys } from './keys.js';

export interface LoginRef {
  tenantId: string;
  userId: string;
}

/** Which account an email signs in to, if any. */
export async function findLogin(db: PlatformDb, normalizedEmail: string): Promise<LoginRef | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.login(normalizedEmail) }));
  return out.Item ? { tenantId: out.Item.tenantId as string, userId: out.Item.userId as string } : null;
}

/** Looks up many emails at once (100 per BatchGet), retrying unprocessed keys. */
export async function findLogins(db: PlatformDb, emails: string[]): Promise<Map<string, LoginRef>> {
  const found = new Map<string, LoginRef>();
  const unique = [...new Set(emails)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [db.table]: { Keys: unique.slice(i, i + 100).map((e) => keys.login(e)) },
    };
    for (let attempt = 0; request && Object.keys(request).length > 0 && attempt < 8; attempt++) {
      const out = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[db.table] ?? []) {
        found.set(loginEmail(item), { tenantId: item.tenantId as string, userId: item.userId as string });
      }
      request = out.UnprocessedKeys as typeof request;
      if (request && Object.keys(request).length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
  return found;
}

function loginEmail(item: Record<string, unknown>): string {
  return item.email as string;
}
