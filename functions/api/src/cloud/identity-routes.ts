/**
 * The routes served by the identity function, the only one allowed to sign tokens with KMS
 * (infra routes exactly these to it; every other /api and /scorm route goes to the request
 * function). They are the routes that start or renew a session: sign-up, sign-in, refresh,
 * verification, invitations, password reset and MFA challenges. SDK-free: infra imports it.
 */
export const IDENTITY_HTTP_ROUTES = [
  { path: '/api/auth/{proxy+}', method: 'ANY' },
  { path: '/api/signup', method: 'POST' },
] as const;

/** Whether a request path belongs to the identity function (it answers 404 to anything else). */
export function isIdentityPath(path: string): boolean {
  return path.startsWith('/api/auth/') || path === '/api/signup';
}
