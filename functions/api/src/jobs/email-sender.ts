import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  claimOutboxMessage,
  getSuppression,
  getTenant,
  getVendor,
  releaseOutboxClaim,
  settleOutboxMessage,
  type DataAccess,
  type OutboxMessage,
} from '@manabi/data';

/** What the sender needs from SES v2 (the real client, or a stand-in in tests). */
export interface SesSender {
  send(command: SendEmailCommand): Promise<{ MessageId?: string }>;
}

export interface EmailSenderDeps {
  data: DataAccess;
  ses: SesSender;
  config: {
    /** The platform's verified sending domain (no-reply@ it), used unless the vendor has its own. */
    emailDomain: string;
    /** SES configuration set whose event destination reports bounces and complaints. */
    configurationSet: string;
  };
  now: () => Date;
  log: (line: Record<string, unknown>) => void;
}

export type SendOutcome = 'sent' | 'suppressed' | 'already' | 'unknown';

/**
 * A From header value: the display name as an RFC 2047 encoded word (UTF-8, base64) when it is not
 * plain ASCII, since a Japanese sender name is the common case; split so no word exceeds 75 chars.
 */
export function fromHeader(name: string, address: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (clean === '') return address;
  if (/^[\x20-\x7e]*$/.test(clean)) return `"${clean.replace(/(["\\])/g, '\\$1')}" <${address}>`;
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  words.push(chunk);
  return `${words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ')} <${address}>`;
}

/** The address a company's mail comes from: its vendor's verified domain if it has one, else the platform's. */
async function senderDomainOf(deps: EmailSenderDeps, tenantId: string, cache: Map<string, Promise<string>>): Promise<string> {
  let domain = cache.get(tenantId);
  if (!domain) {
    domain = (async () => {
      const tenant = await getTenant(deps.data.clientFor({ tenantId }));
      const vendor = tenant?.vendorId ? await getVendor(deps.data.platform, tenant.vendorId) : null;
      return vendor?.emailDomain || deps.config.emailDomain;
    })();
    cache.set(tenantId, domain);
  }
  return domain;
}

/** Whether SES answered (so it certainly did not accept the message) rather than the call being lost. */
const providerAnswered = (error: unknown): boolean =>
  typeof (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 'number';

/**
 * Sends one outbox message at most once: the message is claimed first (a conditional write on
 * its item), an address on the suppression list is not sent to (the message is marked
 * `suppressed`), and the outcome is written back. When SES refuses the call the claim is given
 * back and the error thrown, so the stream retries it; when the outcome is unknown (the call was
 * lost after it left) the message is marked `unknown` and not sent again.
 */
export async function sendOutboxMessage(
  deps: EmailSenderDeps,
  message: OutboxMessage,
  senderDomains: Map<string, Promise<string>> = new Map(),
): Promise<SendOutcome> {
  const db = deps.data.clientFor({ tenantId: message.tenantId });
  if (!(await claimOutboxMessage(db, message, deps.now().toISOString()))) return 'already';
  if (await getSuppression(deps.data.platform, message.to)) {
    await settleOutboxMessage(db, message, 'suppressed', deps.now().toISOString());
    deps.log({ level: 'info', msg: 'email suppressed', messageId: message.id, tenantId: message.tenantId, kind: message.kind });
    return 'suppressed';
  }
  const domain = await senderDomainOf(deps, message.tenantId, senderDomains);
  let providerMessageId: string | undefined;
  try {
    const out = await deps.ses.send(
      new SendEmailCommand({
        FromEmailAddress: fromHeader(message.fromName, `no-reply@${domain}`),
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
          },
        },
        ConfigurationSetName: deps.config.configurationSet,
        EmailTags: [{ Name: 'kind', Value: message.kind.replace(/[^A-Za-z0-9_-]/g, '_') }],
      }),
    );
    providerMessageId = out.MessageId;
  } catch (error) {
    if (providerAnswered(error)) {
      await releaseOutboxClaim(db, message);
      throw error;
    }
    await settleOutboxMessage(db, message, 'unknown', deps.now().toISOString());
    deps.log({ level: 'error', msg: 'email outcome unknown', messageId: message.id, tenantId: message.tenantId, error: String(error) });
    return 'unknown';
  }
  await settleOutboxMessage(db, message, 'sent', deps.now().toISOString(), providerMessageId);
  deps.log({ level: 'info', msg: 'email sent', messageId: message.id, tenantId: message.tenantId, kind: message.kind });
  return 'sent';
}

/**
 * Sends a batch of outbox messages in order, each at most once, and reports how far it got:
 * `failedAt` is the index of the first message that failed (for ReportBatchItemFailures).
 */
export async function drainOutbox(
  deps: EmailSenderDeps,
  messages: OutboxMessage[],
): Promise<{ outcomes: SendOutcome[]; failedAt: number | null; error?: unknown }> {
  const outcomes: SendOutcome[] = [];
  const senderDomains = new Map<string, Promise<string>>();
  for (const [index, message] of messages.entries()) {
    try {
      outcomes.push(await sendOutboxMessage(deps, message, senderDomains));
    } catch (error) {
      return { outcomes, failedAt: index, error };
    }
  }
  return { outcomes, failedAt: null };
}
