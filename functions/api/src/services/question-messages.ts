import type { Locale } from '@manabi/core';
import { renderMessage, type MessageRef, type SchemaIssue } from '@manabi/questions';
import { localizeIssue } from '../validation-messages.js';

/** Length limits said plainly (the library's own wording reads "Too big: expected string to have <=255 characters"). */
function lengthRule(issue: SchemaIssue['zod'], locale: Locale): string | null {
  const limit = issue.code === 'too_big' ? issue['maximum'] : issue.code === 'too_small' ? issue['minimum'] : undefined;
  if (typeof limit !== 'number') return null;
  if (issue['origin'] === 'string') {
    if (issue.code === 'too_big') return locale === 'ja' ? `${limit} 文字以内にしてください` : `Use at most ${limit} characters`;
    return locale === 'ja' ? `${limit} 文字以上にしてください` : `Use at least ${limit} characters`;
  }
  if (issue['origin'] === 'array') {
    if (issue.code === 'too_big') return locale === 'ja' ? `${limit} 個までにしてください` : `Use at most ${limit}`;
    return locale === 'ja' ? `${limit} 個以上にしてください` : `Give at least ${limit}`;
  }
  return null;
}

/**
 * A question import / export message in the person's language: the questions package's catalog
 * wording, with a question-schema rule worded as the API words every validation message.
 */
export function questionMessage(ref: MessageRef, locale: Locale): string {
  return renderMessage(ref, locale, { schemaIssue: (issue, l) => lengthRule(issue, l) ?? localizeIssue(issue, l) });
}
