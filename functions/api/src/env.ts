import type { Role } from '@manabi/core';
import type { DataAccess, ObjectStore } from '@manabi/data';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from './middleware/logger.js';
import type { TokenSigner } from './auth/jwt.js';
import type { SecretBox } from './auth/secret-box.js';

/** Who is calling, from the verified token only (never from the URL or body). */
export interface AuthClaims {
  userId: string;
  tenantId: string;
  vendorId: string | null;
  role: Role;
  /** The person's access generation when the token was issued (absent: 0); see auth/access-gate.ts. */
  accessGen?: number;
}

export interface AppConfig {
  /** Base URL used in emailed links (never taken from the request's Host header). */
  publicUrl: string;
  /** Failed sign-ins allowed per window, per email and per IP. */
  rateLimit: { perEmail: number; perIp: number; windowSeconds: number };
  /** Take the client IP from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Password-reset requests allowed per window, per email and per IP (counted whether or not the email exists). */
  resetRateLimit?: { perEmail: number; perIp: number; windowSeconds: number };
  /** Mark the refresh cookie Secure (https). */
  secureCookies: boolean;
  /**
   * How long a process trusts what it read about a token's company, vendor and person (default
   * auth/access-gate.ts ACCESS_RECHECK_MS): the bound on how late another process's change applies.
   */
  accessRecheckMs?: number;
  /** Expose the local email outbox at /api/dev/outbox (local server only). */
  devOutbox: boolean;
  /**
   * The header carrying the host the visitor asked for (it picks the white-label brand): `host`
   * locally; behind CloudFront the origin sees API Gateway's host, so CloudFront sets its own header.
   */
  viewerHostHeader?: string;
  /**
   * The origin SCORM packages are served from (`SCORM_CONTENT_ORIGIN`; locally
   * `http://content.localhost:<port>`). It is not the app's host, so a package's scripts never see
   * the app's cookies or storage; requests to it reach only the SCORM content routes.
   */
  scormContentOrigin: string;
  /**
   * Let company SSO talk to identity providers over plain http (OIDC discovery, SAML metadata
   * URLs). Only the local server sets it (its tests run real IdPs on loopback); the cloud never does.
   */
  ssoAllowInsecureHttp?: boolean;
  /** Limits on an uploaded SCORM zip (defaults: @manabi/scorm's DEFAULT_ZIP_LIMITS); tests lower them. */
  scormLimits?: Partial<import('@manabi/scorm').ZipLimits>;
}

export interface AppDeps {
  data: DataAccess;
  /** Uploaded files (brand images, SCORM packages): S3 in the cloud, `.data/objects` locally. */
  objects: ObjectStore;
  signer: TokenSigner;
  /** Key set the auth middleware verifies access tokens with (local JWKS now, Cognito later). */
  jwks: JWTVerifyGetKey;
  config: AppConfig;
  /** Seals secrets stored in the table (TOTP seeds): a key file in `.data/keys/` locally, the deploy's key in the cloud. */
  secrets: SecretBox;
  now: () => Date;
  /**
   * Seeds each new attempt's item draw (fixed-form selection, randomesque picks). Absent: a fresh
   * random seed per attempt. The demo history passes a seeded sequence so that the same demo
   * company gets the same tests, answer for answer, on every machine.
   */
  attemptSeed?: () => number;
  log: (line: Record<string, unknown>) => void;
  /** Reads the caller's IP where the runtime knows it (node socket / Lambda event). */
  clientIp?: (c: import('hono').Context) => string | undefined;
  /** The socket's own address (the local server), for the loopback-only dev routes; clientIp may be set to another. */
  socketAddress?: (c: import('hono').Context) => string | undefined;
  /**
   * The local stream reader's lag (health shows it). Absent in the cloud, where the event source
   * mapping's IteratorAge metric and the failed-records queue's alarm play that part.
   */
  streamStatus?: () => import('@manabi/data/local').StreamStatus;
  /**
   * Runs background import jobs in this process (the local server). Absent in the cloud, where the
   * job record's stream event invokes the import worker Lambda instead.
   */
  importJobs?: { start(ref: { tenantId: string; jobId: string }): void };
  /** Runs company export and deletion jobs in this process (the local server); see services/tenant-lifecycle.ts. */
  tenantJobs?: { start(jobId: string): void };
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    auth: AuthClaims;
    /** A route's first read, made by the auth gate with the access check (auth/first-read.ts). */
    firstRead?: import('./auth/first-read.js').FirstReadResult;
    /** Parse every JSON answer by its route's declared schema (apps created for tests; see response-contract.ts). */
    checkResponses?: boolean;
  };
}
