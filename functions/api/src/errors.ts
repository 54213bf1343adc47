import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConflictError, InvalidCursorError, NotFoundError } from '@manabi/data';
import type { ZodError } from 'zod';
import type { AppEnv } from './env.js';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error shape: `{ error: { code, message, details: [{ path, message }] } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource'): ApiError => new ApiError(404, 'not_found', `${what} not found`);

export function errorBody(code: string, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

export function validationError(error: ZodError, prefix?: string): ApiError {
  const details = error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: i.message,
  }));
  return new ApiError(400, 'validation_error', 'The request is not valid', details);
}

/** Maps anything thrown in a handler to the error shape; unknown errors are 500 and logged. */
export function handleError(error: unknown, c: Context<AppEnv>): Response {
  let e: ApiError;
  if (error instanceof ApiError) e = error;
  else if (error instanceof NotFoundError) e = notFound(capitalize(error.what));
  else if (error instanceof ConflictError) {
    e = new ApiError(409, error.code, error.message, error.path ? [{ path: error.path, message: error.message }] : []);
  } else if (error instanceof InvalidCursorError)
    e = new ApiError(400, 'validation_error', 'Invalid cursor', [{ path: 'cursor', message: 'Invalid cursor' }]);
  else if (error instanceof HTTPException && error.status < 500) {
    // Hono's own parsers (malformed JSON, bad form data) end up here.
    e = new ApiError(
      error.status as ContentfulStatusCode,
      error.status === 400 ? 'bad_request' : 'http_error',
      error.message || 'Bad request',
    );
  } else {
    c.get('logger')?.error('unhandled error', {
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
    e = new ApiError(500, 'internal', 'Something went wrong on our side. Please try again.');
  }
  return c.json(errorBody(e.code, e.message, e.details), e.status);
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
