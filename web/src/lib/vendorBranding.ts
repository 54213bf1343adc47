/** A host name as a vendor types it for its white-label domains: `learn.example-training.co.jp`. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Trimmed, lower-cased (hosts are case-insensitive). */
export function normalizeHost(value: string): string {
  return value.trim().toLowerCase();
}

/** A bare host: no scheme, path, port or spaces. */
export function isHost(value: string): boolean {
  return HOST.test(normalizeHost(value));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export interface DomainCheck {
  /** Hosts to send, in order, empty rows left out. */
  domains: string[];
  /** Index in `domains` → index of the form row it came from. */
  rowOf: number[];
  /** Problems by form row. */
  problems: Map<number, 'invalid' | 'duplicate'>;
}

/** Check the domain rows of the form and line up what is sent with the rows. */
export function checkDomains(rows: readonly string[]): DomainCheck {
  const domains: string[] = [];
  const rowOf: number[] = [];
  const problems = new Map<number, 'invalid' | 'duplicate'>();
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const host = normalizeHost(row);
    if (!host) return;
    if (!isHost(host)) problems.set(index, 'invalid');
    else if (seen.has(host)) problems.set(index, 'duplicate');
    seen.add(host);
    domains.push(host);
    rowOf.push(index);
  });
  return { domains, rowOf, problems };
}

/** WCAG contrast ratio of a colour (given by its relative luminance) against white. */
export function contrastWithWhite(luminance: number): number {
  return 1.05 / (luminance + 0.05);
}
