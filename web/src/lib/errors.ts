import { ApiError } from '../api/client';

/** Looks up a message key; returns null when there is no such key. */
export type Translate = (key: string) => string | null;

/**
 * The text for a general error alert: a translated message for known error codes,
 * otherwise the server's message (worded in the UI's language), otherwise a generic one.
 */
export function describeError(error: unknown, translate: Translate): string {
  const generic = translate('errors.generic') ?? 'Error';
  if (!(error instanceof ApiError)) return generic;
  const known = translate(`errors.${error.code}`);
  if (known) return known;
  if ((error.status === 400 || error.status === 422) && error.details.length > 0) {
    return translate('errors.validation_error') ?? error.message;
  }
  if (error.status >= 500 || error.status === 0 || !error.inUiLanguage) return generic;
  return error.message || generic;
}
