import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/** A person the test IdP knows, by the login typed on its page (their email). */
export interface OidcAccount {
  email: string;
  name?: string;
  department?: string;
  level?: string;
}

export interface OidcIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Makes (or replaces) an account the IdP signs in with any password. */
  addAccount(account: OidcAccount): void;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (`oidc-provider`) on a free loopback port, with one confidential client
 * registered for the app's redirect URI: code flow, PKCE required. Its own development login page
 * takes any login and password; the login names the account.
 */
export async function startOidcIdp(redirectUri: string): Promise<OidcIdp> {
  const accounts = new Map<string, OidcAccount>();
  const clientId = `manabi-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');
  let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'department', 'level'] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: true,
          ...(account.name ? { name: account.name } : {}),
          ...(account.department ? { department: account.department } : {}),
          ...(account.level ? { level: account.level } : {}),
        }),
      };
    },
  });
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (account) => void accounts.set(account.email, account),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
