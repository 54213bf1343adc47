import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP', () => {
  const secret = newTotpSecret();
  const t = 1_800_000_000;

  it('accepts the current code and answers its time step', async () => {
    const code = await generate({ secret, epoch: t });
    expect(await checkTotp(secret, code, at(t), null)).toBe(Math.floor(t / 30));
  });

  it('accepts a code one step old (clock drift) but not two', async () => {
    const previous = await generate({ secret, epoch: t - 30 });
    expect(await checkTotp(secret, previous, at(t), null)).toBe(Math.floor(t / 30) - 1);
    const older = await generate({ secret, epoch: t - 90 });
    expect(await checkTotp(secret, older, at(t), null)).toBeNull();
  });

  it('refuses a code of a time step already used (a replay), and a wrong code', async () => {
    const code = await generate({ secret, epoch: t });
    const step = (await checkTotp(secret, code, at(t), null))!;
    expect(await checkTotp(secret, code, at(t + 5), step)).toBeNull();
    const next = await generate({ secret, epoch: t + 30 });
    expect(await checkTotp(secret, next, at(t + 30), step)).toBe(step + 1);
    expect(await checkTotp(secret, code === '000000' ? '111111' : '000000', at(t), null)).toBeNull();
  });

  it('makes an otpauth URI with the issuer and account', () => {
    const uri = totpUri(secret, 'みらいラーニング', 'hr@example.test');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain('みらいラーニング');
  });
});
