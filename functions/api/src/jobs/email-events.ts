import { suppressEmail, type PlatformDb } from '@manabi/data';

/**
 * SES event publishing (configuration set → SNS → SQS) for bounces and complaints. With raw
 * message delivery the SQS body is the SES event itself; without it, an SNS envelope whose
 * `Message` is the event. Only what decides suppression is read.
 */
interface SesEvent {
  eventType?: string;
  notificationType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string }[]; timestamp?: string };
  complaint?: { complainedRecipients?: { emailAddress?: string }[]; timestamp?: string };
}

function parseEvent(body: string): SesEvent | null {
  try {
    const parsed = JSON.parse(body) as SesEvent & { Type?: string; Message?: string };
    if (parsed.Type === 'Notification' && typeof parsed.Message === 'string') return JSON.parse(parsed.Message) as SesEvent;
    return parsed;
  } catch {
    return null;
  }
}

/** The addresses an event says must not be mailed again: permanent bounces and every complaint. */
export function suppressionsOf(body: string): { email: string; reason: 'bounce' | 'complaint' }[] {
  const event = parseEvent(body);
  const type = event?.eventType ?? event?.notificationType;
  if (type === 'Bounce' && event?.bounce?.bounceType === 'Permanent')
    return (event.bounce.bouncedRecipients ?? []).flatMap((r) =>
      r.emailAddress ? [{ email: r.emailAddress, reason: 'bounce' as const }] : [],
    );
  if (type === 'Complaint')
    return (event?.complaint?.complainedRecipients ?? []).flatMap((r) =>
      r.emailAddress ? [{ email: r.emailAddress, reason: 'complaint' as const }] : [],
    );
  return [];
}

/** Adds the addresses of one SES event to the suppression list (idempotent: a redelivery writes the same item). */
export async function applyEmailEvent(db: PlatformDb, body: string, now: Date): Promise<number> {
  const found = suppressionsOf(body);
  for (const s of found) await suppressEmail(db, s.email, s.reason, now.toISOString());
  return found.length;
}
