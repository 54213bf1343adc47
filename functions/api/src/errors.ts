import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { BrandImageProblem, Locale } from '@manabi/core';
import { ConflictError, getUser, InvalidCursorError, isStoreUnavailable, NotFoundError } from '@manabi/data';
import type { ZodError } from 'zod';
import type { AppDeps, AppEnv } from './env.js';
import {
  codeOfKey,
  ERROR_MESSAGES,
  errorMessage,
  RESOURCES,
  type ErrorCode,
  type MessageKey,
  type Params,
  type Resource,
  type Text,
} from './error-messages.js';
import { localizeIssue, type ValidationIssue } from './validation-messages.js';

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * What a message is before the request's language is known: a catalog key (with values for its
 * placeholders), a text a domain module already wrote in both languages, or a zod issue.
 */
export type Message = MessageKey | { key: MessageKey; params?: Params } | Text | { issue: ValidationIssue };

export interface Detail {
  path: string;
  message: Message;
}

/**
 * The one error shape: `{ error: { code, message, details: [{ path, message }] } }`. The message
 * is chosen by code (or a more precise key) and worded in the caller's language when answered.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly text: Message = code,
    readonly details: Detail[] = [],
  ) {
    super(render(text, 'en'));
  }
}

export const notFound = (what: Resource = 'resource'): ApiError =>
  new ApiError(404, 'not_found', { key: 'not_found', params: { resource: RESOURCES[what] } });

export function errorBody(code: string, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

/** 400 for a refused image (brand or certificate), worded by reason. */
export function brandImageProblem(problem: BrandImageProblem, path: string): ApiError {
  const key: MessageKey = problem.reason === 'too_large' ? 'image_too_large' : `invalid_image.${problem.reason}`;
  const message = { key, params: problem.values };
  return new ApiError(400, problem.code, message, [{ path, message }]);
}

/** Walks `input` along an issue's path, so the message can say what was received. */
function inputAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** 400 from zod issues; `input` (what was parsed) lets "expected …, received …" name the right type. */
export function validationError(error: ZodError, prefix?: string, input?: unknown): ApiError {
  const details = error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: { issue: input === undefined ? i : { ...i, input: inputAt(input, i.path) } } as Message,
  }));
  return new ApiError(400, 'validation_error', 'validation_error', details);
}

export function render(message: Message, locale: Locale): string {
  if (typeof message === 'string') return errorMessage(message, locale);
  if ('issue' in message) return localizeIssue(message.issue, locale);
  if ('key' in message) return errorMessage(message.key, locale, message.params);
  return message[locale] || message.ja || message.en;
}

/** `Accept-Language` → ja or en (ja unless English comes first). */
export function acceptedLocale(header: string | undefined): Locale {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

/**
 * The language to answer in: the signed-in user's own setting (the SPA saves it when they switch),
 * else what the browser accepts, else Japanese. Read only when an error is answered.
 */
export async function requestLocale(c: Context<AppEnv>, deps: Pick<AppDeps, 'data'>): Promise<Locale> {
  const auth = c.get('auth');
  if (auth) {
    const user = await getUser(deps.data.clientFor(auth), auth.userId).catch(() => null);
    if (user) return user.locale;
  }
  return acceptedLocale(c.req.header('accept-language'));
}

/** NotFoundError's `what` (data layer words) → the translated resource. */
const DATA_RESOURCES: Record<string, Resource> = { department: 'department', 'check-in': 'check_in', message: 'message' };

/** ConflictError codes the data layer raises → a catalog key (a precise one where the field says which). */
function conflictKey(error: ConflictError): MessageKey {
  if (error.code === 'conflict' && error.path === 'name') return 'conflict.department_name';
  return error.code in ERROR_MESSAGES && !error.code.includes('.') ? (error.code as ErrorCode) : 'conflict';
}

/** Turns anything thrown in a handler into an ApiError; unknown errors are 500 and logged. */
export function toApiError(error: unknown, c: Context<AppEnv>): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) return notFound(DATA_RESOURCES[error.what] ?? 'resource');
  if (error instanceof ConflictError) {
    const key = conflictKey(error);
    return new ApiError(409, codeOfKey(key), key, error.path ? [{ path: error.path, message: key }] : []);
  }
  if (error instanceof InvalidCursorError)
    return new ApiError(400, 'validation_error', 'validation_error.cursor', [{ path: 'cursor', message: 'field.cursor' }]);
  if (isStoreUnavailable(error)) {
    // The store is down, throttled or slow: a retry may succeed, so say when (no stack, no details).
    c.get('logger')?.error('store unavailable', { error: { name: (error as Error).name, message: (error as Error).message } });
    return new ApiError(503, 'service_unavailable');
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own parsers (malformed JSON, bad form data) end up here.
    const code = error.status === 400 ? 'bad_request' : error.status === 415 ? 'unsupported_media_type' : 'http_error';
    return new ApiError(error.status as ContentfulStatusCode, code);
  }
  c.get('logger')?.error('unhandled error', {
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  return new ApiError(500, 'internal');
}

/** When a client should try again after a 503 (the store's restarts and throttling pass within seconds). */
export const RETRY_AFTER_SECONDS = 2;

/** The app's error handler: the error shape, worded in the caller's language. */
export const errorHandler =
  (deps: Pick<AppDeps, 'data'>) =>
  async (error: unknown, c: Context<AppEnv>): Promise<Response> => {
    const e = toApiError(error, c);
    // With the store unavailable, the caller's saved language cannot be read either.
    const locale = e.status === 503 ? acceptedLocale(c.req.header('accept-language')) : await requestLocale(c, deps);
    if (e.status === 503) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    const details = e.details.map((d) => ({ path: d.path, message: render(d.message, locale) }));
    // Says which language the message is in: the SPA shows it only when it matches its own.
    c.header('Content-Language', locale);
    return c.json(errorBody(e.code, render(e.text, locale), details), e.status);
  };
