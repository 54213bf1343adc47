import { describe, expect, it } from 'vitest';
import { cloudLogger, redactLogLine } from './log.js';

describe('the cloud log', () => {
  it('keeps an address’s domain only and drops one-time links and secrets', () => {
    const line = redactLogLine({
      level: 'info',
      msg: 'outbox',
      kind: 'verify_email',
      to: 'hanako.yamada@client.example.jp',
      link: 'https://learn.example.test/verify-email?token=abc123',
      tenantId: 't1',
    });
    expect(line).toEqual({
      level: 'info',
      msg: 'outbox',
      kind: 'verify_email',
      to: '***@client.example.jp',
      link: '[redacted]',
      tenantId: 't1',
    });
    expect(redactLogLine({ email: 'no-at-sign', token: 'x', password: 'p', code: '123456' })).toEqual({
      email: '[redacted]',
      token: '[redacted]',
      password: '[redacted]',
      code: '[redacted]',
    });
  });

  it('writes one JSON line per entry', () => {
    const written: string[] = [];
    cloudLogger((text) => written.push(text))({ level: 'warn', msg: 'x', to: 'a@b.example' });
    expect(written.map((t) => JSON.parse(t))).toEqual([{ level: 'warn', msg: 'x', to: '***@b.example' }]);
  });
});
