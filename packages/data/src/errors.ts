/** Domain-level outcomes the repositories report; the API maps them to HTTP answers. */
export class ConflictError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The input field the conflict is about (e.g. `email`), so a form can mark it. */
    readonly path?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** True when a DynamoDB error is a failed condition (single write or inside a transaction). */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
}

/** For a cancelled transaction: which of its items failed their condition. */
export function cancelledIndexes(error: unknown): number[] {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] })?.CancellationReasons ?? [];
  return reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}
