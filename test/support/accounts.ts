import { generate } from 'otplib';
import { Client, uniqueEmail } from './client.js';

export const NEW_PASSWORD = 'a brand new passphrase';

/** The newest email of a kind to an address, from the local outbox (the link it carries). */
export async function latestMail(
  baseUrl: string,
  to: string,
  kind: string,
): Promise<{ link: string; subject: string; body: string } | null> {
  const outbox = await new Client(baseUrl).get('/api/dev/outbox');
  const mail = (outbox.body.items as { to: string; kind: string; link: string; subject: string; body: string }[]).find(
    (m) => m.to === to && m.kind === kind,
  );
  return mail ?? null;
}

export const tokenOf = (link: string): string => new URL(link).searchParams.get('token')!;

/** A person added by HR, invited, who set a password through the invitation: active, signed in. */
export async function activePerson(
  hr: Client,
  role: 'learner' | 'manager' | 'tenant_admin' = 'learner',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; email: string; password: string }> {
  const email = uniqueEmail(role);
  const created = await hr.post('/api/users', { name: '受講 花子', email, role, sendInvite: true, ...extra });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const invitation = await latestMail(hr.baseUrl, email, 'invitation');
  const password = 'first password 123';
  const set = await new Client(hr.baseUrl).post('/api/auth/set-password', { token: tokenOf(invitation!.link), password });
  if (set.status !== 200) throw new Error(`set-password failed: ${set.status} ${JSON.stringify(set.body)}`);
  return { id: created.body.id, email, password };
}

/**
 * A TOTP code for `secret` that the server has not seen yet: the code of the step after
 * `afterStep` when one was used in this step already (the server accepts one step ahead).
 */
export async function totpCode(secret: string, step: 'now' | 'next' = 'now'): Promise<string> {
  const epoch = Math.floor(Date.now() / 1000) + (step === 'next' ? 30 : 0);
  return generate({ secret, epoch });
}

/**
 * Completes a sign-in that asks for MFA enrolment: sets up TOTP with the seed the server shows and
 * confirms it with a computed code. Answers the session body (with the recovery codes) and the seed.
 */
export async function enrolDuringSignIn(client: Client, challengeToken: string): Promise<{ session: any; secret: string }> {
  const setup = await client.post('/api/auth/mfa/enrol/start', { challengeToken });
  if (setup.status !== 200) throw new Error(`enrol start failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const confirm = await client.post('/api/auth/mfa/enrol/confirm', { challengeToken, code: await totpCode(setup.body.secret) });
  if (confirm.status !== 200) throw new Error(`enrol confirm failed: ${confirm.status} ${JSON.stringify(confirm.body)}`);
  client.token = confirm.body.accessToken;
  return { session: confirm.body, secret: setup.body.secret };
}

/** The sign-in's second step in the browser: the code of the authenticator that holds `secret`. */
export async function passMfaInPage(page: import('playwright-core').Page, secret: string): Promise<void> {
  await page.waitForURL('**/signin/mfa**');
  await page.getByTestId('mfa-verify-code').fill(await totpCode(secret, 'next'));
  await page.getByTestId('mfa-verify-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
