import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryStateOf, getSuppression, listOutboxOfTenant, setVendorFields, type OutboxMessage } from '@manabi/data';
import { createAccount } from '../../functions/api/src/services/vendors.js';
import { drainOutbox, type EmailSenderDeps, type SesSender } from '../../functions/api/src/jobs/email-sender.js';
import { applyEmailEvent } from '../../functions/api/src/jobs/email-events.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, uniqueEmail } from '../support/client.js';
import { createVendor, platformAdmin } from '../support/vendors.js';

const PLATFORM_DOMAIN = 'mail.platform.test';
const CONFIGURATION_SET = 'manabi-test';

/** Stands in for SES's network only: records every SendEmail it is given, and can refuse the next calls. */
function fakeSes() {
  const sent: Parameters<SesSender['send']>[0]['input'][] = [];
  let refuseNext = 0;
  const ses: SesSender = {
    async send(command) {
      // Let the other drain reach its claim in between, as a real network round trip would.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (refuseNext > 0) {
        refuseNext -= 1;
        throw Object.assign(new Error('Throttling: Maximum sending rate exceeded'), {
          name: 'TooManyRequestsException',
          $metadata: { httpStatusCode: 429 },
        });
      }
      sent.push(command.input);
      return { MessageId: `ses-${sent.length}` };
    },
  };
  return { ses, sent, refuse: (n: number) => (refuseNext = n) };
}

/** The display name of a From header (RFC 2047 encoded words decoded). */
const displayName = (from: string): string =>
  from
    .replace(/\s*<[^>]+>$/, '')
    .replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'))
    .replace(/^"(.*)"$/, '$1');
const addressOf = (from: string): string => /<([^>]+)>$/.exec(from)?.[1] ?? from;

describe('email sender (outbox → SES v2)', () => {
  let server: TestServer;
  let deps: EmailSenderDeps;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const withSes = (ses: SesSender): EmailSenderDeps => {
    deps = {
      data: server.data,
      ses,
      config: { emailDomain: PLATFORM_DOMAIN, configurationSet: CONFIGURATION_SET },
      now: () => new Date(),
      log: () => undefined,
    };
    return deps;
  };
  const outboxOf = (tenantId: string): Promise<OutboxMessage[]> => listOutboxOfTenant(server.data.clientFor({ tenantId }));
  const stateOf = (m: OutboxMessage) => deliveryStateOf(server.data.clientFor({ tenantId: m.tenantId }), m);

  it('sends each message once even when two drains take the same messages at the same time', async () => {
    const companies = await Promise.all([signUpCompany(server.url, '株式会社メール一'), signUpCompany(server.url, '株式会社メール二')]);
    const messages = (await Promise.all(companies.map((c) => outboxOf(c.tenantId)))).flat();
    expect(messages.map((m) => m.kind)).toEqual(['verify_email', 'verify_email']);
    const { ses, sent } = fakeSes();
    const d = withSes(ses);

    const [first, second] = await Promise.all([drainOutbox(d, messages), drainOutbox(d, messages)]);

    expect(sent).toHaveLength(2);
    expect(sent.map((s) => s.Destination?.ToAddresses).sort()).toEqual(companies.map((c) => [c.email]).sort());
    expect([...first.outcomes, ...second.outcomes].sort()).toEqual(['already', 'already', 'sent', 'sent']);
    for (const m of messages) expect(await stateOf(m)).toBe('sent');
    const mail = sent.find((s) => s.Destination?.ToAddresses?.[0] === messages[0]!.to)!;
    expect(addressOf(mail.FromEmailAddress!)).toBe(`no-reply@${PLATFORM_DOMAIN}`);
    expect(displayName(mail.FromEmailAddress!)).toBe(messages[0]!.fromName);
    expect(mail.Content?.Simple?.Subject?.Data).toBe(messages[0]!.subject);
    expect(mail.Content?.Simple?.Body?.Text?.Data).toContain(messages[0]!.link);
    expect(mail.ConfigurationSetName).toBe(CONFIGURATION_SET);

    // A later redelivery of the same records sends nothing.
    expect((await drainOutbox(d, messages)).outcomes).toEqual(['already', 'already']);
    expect(sent).toHaveLength(2);
  });

  it('puts permanently bouncing and complaining addresses on the suppression list, and does not mail them', async () => {
    const bounced = uniqueEmail('bounced');
    const complained = uniqueEmail('complained');
    const softBounce = uniqueEmail('soft');
    const db = server.data.platform;
    // SNS envelope (raw delivery off) with a permanent bounce; a raw complaint event; a transient bounce.
    const bounceEvent = {
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: bounced.toUpperCase() }] },
    };
    expect(await applyEmailEvent(db, JSON.stringify({ Type: 'Notification', Message: JSON.stringify(bounceEvent) }), new Date())).toBe(1);
    expect(
      await applyEmailEvent(
        db,
        JSON.stringify({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: complained }] } }),
        new Date(),
      ),
    ).toBe(1);
    expect(
      await applyEmailEvent(
        db,
        JSON.stringify({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: softBounce }] } }),
        new Date(),
      ),
    ).toBe(0);
    expect(await getSuppression(db, bounced)).toMatchObject({ reason: 'bounce' });
    expect(await getSuppression(db, complained)).toMatchObject({ reason: 'complaint' });
    expect(await getSuppression(db, softBounce)).toBeNull();

    const vendorless = await Promise.all(
      [bounced, complained, softBounce].map((adminEmail, i) =>
        createAccount(server.deps, { name: `宛先${i}`, adminName: '担当', adminEmail, locale: 'ja', vendorId: null, kind: 'client' }),
      ),
    );
    const messages = (await Promise.all(vendorless.map((a) => outboxOf(a.tenant.id)))).flat();
    const { ses, sent } = fakeSes();

    const result = await drainOutbox(withSes(ses), messages);

    expect(result.outcomes).toEqual(['suppressed', 'suppressed', 'sent']);
    expect(sent.map((s) => s.Destination?.ToAddresses?.[0])).toEqual([softBounce]);
    expect(await stateOf(messages[0]!)).toBe('suppressed');
    expect(await stateOf(messages[1]!)).toBe('suppressed');
  });

  it("sends a vendor's companies' mail under the vendor's sender name, from its verified domain", async () => {
    const platform = await platformAdmin(server);
    const vendor = await createVendor(server, platform, 'まなびパートナー');
    await setVendorFields(server.data.platform, vendor.id, {
      emailDomain: 'mail.partner.test',
      branding: {
        productName: 'パートナー学習',
        primaryColor: '#123456',
        signInText: null,
        supportEmail: null,
        emailSenderName: 'まなびパートナー事務局',
      },
    });
    const client = await createAccount(server.deps, {
      name: '顧客株式会社',
      adminName: '顧客 管理者',
      adminEmail: uniqueEmail('client'),
      locale: 'ja',
      vendorId: vendor.id,
      kind: 'client',
    });
    const messages = await outboxOf(client.tenant.id);
    expect(messages.map((m) => m.kind)).toEqual(['invitation']);
    const { ses, sent } = fakeSes();

    expect((await drainOutbox(withSes(ses), messages)).outcomes).toEqual(['sent']);

    expect(addressOf(sent[0]!.FromEmailAddress!)).toBe('no-reply@mail.partner.test');
    expect(displayName(sent[0]!.FromEmailAddress!)).toBe('まなびパートナー事務局');
    // Encoded words stay within RFC 2047's 75 characters.
    for (const word of sent[0]!.FromEmailAddress!.match(/=\?UTF-8\?B\?[^?]+\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
  });

  it('gives the claim back when SES refuses the call, so the retry sends the message once', async () => {
    const company = await signUpCompany(server.url, '株式会社再試行');
    const messages = await outboxOf(company.tenantId);
    const { ses, sent, refuse } = fakeSes();
    refuse(1);

    const failed = await drainOutbox(withSes(ses), messages);
    expect(failed.failedAt).toBe(0);
    expect(await stateOf(messages[0]!)).toBeNull();
    expect(sent).toHaveLength(0);

    expect((await drainOutbox(deps, messages)).outcomes).toEqual(['sent']);
    expect(sent).toHaveLength(1);
    expect(await stateOf(messages[0]!)).toBe('sent');
  });
});
