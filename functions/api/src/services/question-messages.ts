import type { Locale } from '@manabi/core';
import { renderMessage, type MessageRef } from '@manabi/questions';
import { localizeIssue } from '../validation-messages.js';

/**
 * A question import / export message in the person's language: the questions package's catalog
 * wording, with a question-schema rule worded as the API words every validation message.
 */
export function questionMessage(ref: MessageRef, locale: Locale): string {
  return renderMessage(ref, locale, { schemaIssue: (issue, l) => localizeIssue(issue, l) });
}
