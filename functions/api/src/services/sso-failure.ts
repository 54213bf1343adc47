/**
 * An SSO sign-in that cannot complete. `reason` is a short code the audit log records and the
 * sign-in page turns into a message; `detail` (the library's words) goes to the log only.
 */
export class SsoFailure extends Error {
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(`SSO failed: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}
