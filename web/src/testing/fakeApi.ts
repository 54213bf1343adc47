import type { FetchLike } from '../api/client';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type FakeHandler = (request: FakeRequest) => Response | Promise<Response>;

let requestCounter = 0;

/** A JSON response carrying an `x-request-id`, like every real API response. */
export function json(status: number, body: unknown, requestId = `req-${++requestCounter}`): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
  });
}

export function apiError(
  status: number,
  code: string,
  message: string,
  details: { path: string; message: string }[] = [],
  requestId?: string,
): Response {
  return json(status, { error: { code, message, details } }, requestId);
}

/**
 * An in-memory stand-in for the API: routes are "METHOD /path" → handler.
 * Unknown routes answer 404 so a missing stub shows up as a visible error.
 */
export function fakeApi(routes: Record<string, FakeHandler>): FetchLike {
  return async (input, init) => {
    const url = new URL(input, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    let body: unknown = init?.body ?? null;
    if (typeof body === 'string' && headers.get('content-type')?.includes('application/json')) {
      body = JSON.parse(body);
    }
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return apiError(404, 'not_found', `No fake for ${method} ${url.pathname}`);
    return handler({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body,
    });
  };
}
