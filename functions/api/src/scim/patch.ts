import { z } from 'zod';
import { ScimError } from './errors.js';

const operation = z.looseObject({
  op: z.string().max(20),
  path: z.string().max(500).optional(),
  value: z.unknown().optional(),
});
const patchBody = z.looseObject({ Operations: z.array(operation).min(1).max(1000) });

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path?: string;
  value?: unknown;
}

/** The operations of a PatchOp body, with `op` in lower case (Entra ID sends `Replace`, `Add`, `Remove`). */
export function parsePatch(body: unknown): PatchOperation[] {
  const parsed = patchBody.safeParse(body);
  if (!parsed.success) throw new ScimError(400, 'The body is not a PatchOp with Operations', 'invalidSyntax');
  return parsed.data.Operations.map((o) => {
    const op = o.op.toLowerCase();
    if (op !== 'add' && op !== 'remove' && op !== 'replace') throw new ScimError(400, `Unknown operation ${o.op}`, 'invalidSyntax');
    if (op === 'remove' && !o.path) throw new ScimError(400, 'A remove names a path', 'noTarget');
    return { op, ...(o.path ? { path: o.path } : {}), ...(o.value !== undefined ? { value: o.value } : {}) };
  });
}
