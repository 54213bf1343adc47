import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, json } from '../testing/fakeApi';
import { ApiClient, ApiError, buildUrl, lastPathSegment } from './client';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('ApiClient error parsing', () => {
  it('turns the error envelope into a typed ApiError with the request id', async () => {
    const client = new ApiClient({
      fetch: fakeApi({
        'POST /api/users': () =>
          apiError(
            400,
            'validation_error',
            'Invalid input',
            [
              { path: 'body.email', message: 'Invalid email' },
              { path: 'name', message: 'Required' },
            ],
            'req-abc',
          ),
      }),
    });

    const error = await caught(client.post('/api/users', { name: '' }));

    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_error');
    expect(error.message).toBe('Invalid input');
    expect(error.requestId).toBe('req-abc');
    expect(error.fieldErrors()).toEqual({
      email: 'Invalid email',
      name: 'Required',
    });
  });

  it('copes with non-JSON error bodies', async () => {
    const client = new ApiClient({
      fetch: async () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'x-request-id': 'req-502' },
        }),
    });

    const error = await caught(client.get('/api/me'));

    expect(error.code).toBe('http_502');
    expect(error.message).toBe('Bad Gateway');
    expect(error.requestId).toBe('req-502');
    expect(error.details).toEqual([]);
  });

  it('reports network failures as network_error', async () => {
    const client = new ApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });

    const error = await caught(client.get('/api/me'));

    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
  });

  it('matches detail paths on their last segment', () => {
    expect(lastPathSegment('body.email')).toBe('email');
    expect(lastPathSegment('email')).toBe('email');
    expect(lastPathSegment('items[0].hireDate')).toBe('hireDate');
    expect(lastPathSegment('')).toBe('');
  });
});

describe('ApiClient requests', () => {
  it('sends the bearer token, refreshes once on 401 and retries', async () => {
    let token = 'expired';
    const client = new ApiClient({
      fetch: fakeApi({
        'GET /api/me': ({ headers }) =>
          headers.get('authorization') === 'Bearer fresh'
            ? json(200, { user: { name: '花子' } })
            : apiError(401, 'unauthorized', 'Token expired'),
      }),
      getAccessToken: () => token,
      refresh: async () => {
        token = 'fresh';
        return true;
      },
    });

    await expect(client.get<{ user: { name: string } }>('/api/me')).resolves.toEqual({
      user: { name: '花子' },
    });
  });

  it('gives up with the 401 when the refresh fails', async () => {
    const client = new ApiClient({
      fetch: fakeApi({
        'GET /api/me': () => apiError(401, 'unauthorized', 'No session'),
      }),
      getAccessToken: () => 'expired',
      refresh: async () => false,
    });

    const error = await caught(client.get('/api/me'));

    expect(error.status).toBe(401);
    expect(error.code).toBe('unauthorized');
  });

  it('returns undefined for 204 responses', async () => {
    const client = new ApiClient({
      fetch: fakeApi({ 'DELETE /api/departments/d1': () => json(204, null) }),
    });

    await expect(client.delete('/api/departments/d1')).resolves.toBeUndefined();
  });

  it('puts a file as the raw body with its own content type', async () => {
    let seen: { type: string | null; body: unknown } | null = null;
    const client = new ApiClient({
      fetch: fakeApi({
        'PUT /api/vendor/branding/logo': ({ headers, body }) => {
          seen = { type: headers.get('content-type'), body };
          return json(200, { ok: true });
        },
      }),
    });
    const file = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', { type: 'image/svg+xml' });

    await expect(client.putBlob('/api/vendor/branding/logo', file)).resolves.toEqual({ ok: true });
    expect(seen!.type).toBe('image/svg+xml');
    expect(seen!.body).toBe(file);
  });

  it('leaves empty query parameters out of the URL', () => {
    expect(
      buildUrl('', '/api/users', {
        q: '',
        level: 'junior',
        cursor: null,
        limit: 50,
      }),
    ).toBe('/api/users?level=junior&limit=50');
  });
});
