/** What the app logs: one structured entry (see `AppDeps.log`). */
type LogLine = Record<string, unknown>;

/** Fields that carry a person's address or a secret that opens an account. */
const ADDRESS_FIELDS = new Set(['to', 'email']);
const SECRET_FIELDS = new Set(['link', 'token', 'password', 'code', 'secret']);

/**
 * A log line as CloudWatch may keep it: addresses keep only their domain (enough to see a
 * provider's trouble), one-time links and other secrets are dropped. Locally the demo server
 * prints the outbox's links on purpose, so a developer can follow them; in the cloud those lines
 * would sit in the logs for years, readable by anyone who reads logs.
 */
export function redactLogLine(line: LogLine): LogLine {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(line)) {
    if (SECRET_FIELDS.has(field)) out[field] = '[redacted]';
    else if (ADDRESS_FIELDS.has(field) && typeof value === 'string') out[field] = domainOnly(value);
    else out[field] = value;
  }
  return out;
}

function domainOnly(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '[redacted]' : `***${address.slice(at)}`;
}

/** The cloud's logger: one JSON line per entry, redacted. */
export function cloudLogger(write: (text: string) => void = console.log): (line: LogLine) => void {
  return (line) => write(JSON.stringify(redactLogLine(line)));
}
