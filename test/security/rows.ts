import { randomId } from '@manabi/core';
import type { Kind, World } from './world.js';
import { fixedAssessment, singleChoice } from '../support/content.js';
import { PNG_1x1 } from '../support/vendors.js';

/**
 * One row per API operation (`method path`, as in the OpenAPI document): how the matrix fills the
 * operation's path, query and body with a scope's ids. The matrix fails for an operation without a
 * row (and for a row without an operation), so a new route cannot escape it.
 */
export interface Row {
  /** What `{id}` in the path names (every other parameter is named by its own name, see `PARAMS`). */
  id?: Kind;
  query?: (w: World) => Record<string, string>;
  /** A JSON body valid for the route, naming the scope's ids wherever the route takes one. */
  body?: (w: World) => unknown;
  /** A body of another kind: a CSV file in a form, a question file in a form, or an image. */
  upload?: 'users-csv' | 'questions-gift' | 'png';
  /**
   * What a role the route declares may answer when every id is another scope's: by default 404
   * when the path names something; else the route answers from the caller's own scope (listed here).
   */
  foreign?: number[];
  /** What a public route answers anyone, whatever ids it is sent. */
  public?: number[];
  /** Why this route's answer may contain other companies' data (checked by nothing else here). */
  leakExempt?: string;
  /**
   * A refusal a declared role may meet on its own scope's data (a finer rule than the role): the
   * roles it applies to, its error code and why. Any other 401 or 403 on own data fails the matrix.
   */
  ownRefused?: { roles: readonly string[]; code: string; why: string };
}

const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);
const token = () => `${randomId()}${randomId()}`;

/** Path parameters other than `{id}`: what each names. */
export const PARAMS: Record<string, (w: World) => string> = {
  bankId: (w) => w.ids.bank,
  questionId: (w) => w.ids.question,
  packageId: (w) => w.ids.package,
  userId: (w) => w.ids.user,
  jobId: (w) => w.ids.importJob,
  attemptId: (w) => w.ids.attempt,
  // Modules are named inside a package; every fixture package has a lesson `l1`.
  moduleId: () => 'l1',
  uploadId: () => randomId(),
  kind: () => 'logo',
  code: () => randomId(),
  scope: () => 'tenant',
  owner: (w) => w.ids.tenant,
  file: () => 'logo.png',
};

const lessonPackage = (extra: Record<string, unknown>[] = []) => ({
  title: { ja: '検査の研修' },
  description: { ja: '説明' },
  level: 'junior',
  modules: [{ id: 'l1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 10, skillTags: [], body: { ja: '本文' } }, ...extra],
});
const quizModule = (assessmentId: string) => ({
  id: 'q1',
  kind: 'quiz',
  title: { ja: '確認' },
  estimatedMinutes: 10,
  skillTags: [],
  assessmentId,
});
const goal = (w: World) => ({
  userId: w.ids.user,
  title: '検査の目標',
  description: '毎週1本の提案書をピラミッド構造で書き、上長のレビューを受ける',
  metric: { kind: 'proficiency', skillId: 'logical-thinking', target: 3 },
  skillId: 'logical-thinking',
  reason: '顧客提案の通過率を上げるため',
  dueDate: inDays(60),
});
const plan = (w: World) => ({ seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: [w.ids.package] });
const question = () => singleChoice('論理的思考', 9);
const essayGrade = (w: World) => ({ points: { [w.ids.question]: 1 }, comment: null });

const ALL = ['platform_admin', 'vendor_admin', 'tenant_admin', 'manager', 'learner'] as const;
const WRONG_CODE = 'the probe cannot know the authenticator’s code: a wrong one is 401 invalid_mfa_code';
// Vendor 2 does not let its companies brand themselves.
const BRANDING_LOCKED = { roles: ['tenant_admin'], code: 'branding_locked', why: 'the company’s vendor does not allow its own branding' };

const SIGNED_URL = (w: World) => ({ t: `${w.ids.tenant}.${w.ids.file}.0.forged` });

/** A SAML configuration the matrix may save: metadata that reads (no network), a fresh domain each time. */
const ssoConfig = () => ({
  protocol: 'saml',
  saml: {
    metadataXml: `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.test/m"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>MII${'A'.repeat(200)}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/sso"/></IDPSSODescriptor></EntityDescriptor>`,
  },
  domains: [`m-${randomId()}.example.test`],
  jit: { enabled: false },
});

export const ROWS: Record<string, Row> = {
  'get /api/health': {},
  'get /api/branding': {},
  'get /api/branding/mine': {},
  'get /api/assets/brand/{scope}/{owner}/{file}': { public: [404] },
  // Sign-up with a registered address answers as for a new one (no enumeration).
  'post /api/signup': {
    body: (w) => ({ companyName: '検査会社', adminName: '検査 太郎', email: w.ids.email, password: 'a long enough password' }),
    public: [202],
  },
  // 429 once the address or the caller has failed too often (the probes repeat the same address).
  'post /api/auth/signin': { body: (w) => ({ email: w.ids.email, password: 'not the password' }), public: [401, 429] },
  'post /api/auth/refresh': { public: [204] }, // no refresh cookie: no session to restore
  'post /api/auth/signout': { public: [204] },
  'post /api/auth/verify-email': { body: () => ({ token: token() }), public: [400, 404] },
  'get /api/auth/invitation': { query: () => ({ token: token() }), public: [400, 404] },
  'post /api/auth/set-password': { body: () => ({ token: token(), password: 'a long enough password' }), public: [400, 404] },
  'post /api/auth/password-reset/request': { body: (w) => ({ email: w.ids.email }), public: [202, 429] },
  'get /api/auth/password-reset': { query: () => ({ token: token() }), public: [400, 404] },
  'post /api/auth/password-reset/complete': { body: () => ({ token: token(), password: 'a long enough password' }), public: [400, 404] },
  'post /api/users/{id}/password-reset': { id: 'user' },
  'post /api/users/reinvite': { body: (w) => ({ departmentId: w.ids.department, requestKey: randomId() }), foreign: [404] },
  'post /api/auth/mfa/verify': { body: () => ({ challengeToken: token(), code: '123456' }), public: [400, 401] },
  'post /api/auth/mfa/enrol/start': { body: () => ({ challengeToken: token() }), public: [400, 401] },
  'post /api/auth/mfa/enrol/confirm': { body: () => ({ challengeToken: token(), code: '123456' }), public: [400, 401] },
  'get /api/me/mfa': {},
  'post /api/me/mfa/totp/start': {},
  'post /api/me/mfa/totp/confirm': {
    body: () => ({ code: '000000' }),
    foreign: [401],
    ownRefused: { roles: ALL, code: 'invalid_mfa_code', why: WRONG_CODE },
  },
  'post /api/me/mfa/disable': {
    body: () => ({ code: '000000' }),
    foreign: [401, 409],
    ownRefused: { roles: ALL, code: 'invalid_mfa_code', why: WRONG_CODE },
  },
  'post /api/me/mfa/passkeys/options': {},
  'post /api/me/mfa/passkeys': {
    body: () => ({ response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } }),
    foreign: [401],
    ownRefused: { roles: ALL, code: 'invalid_mfa_code', why: 'the probe holds no authenticator: its made-up credential does not verify' },
  },
  'post /api/auth/mfa/passkey/options': { body: () => ({ challengeToken: token() }), public: [400, 401] },
  'post /api/auth/mfa/passkey/verify': {
    body: () => ({ challengeToken: token(), response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } }),
    public: [400, 401],
  },
  // Company SSO (#13): HR configures its own company (no id names another); the sign-in routes are public.
  'get /api/sso/config': {},
  'put /api/sso/config': { body: () => ssoConfig(), foreign: [200, 409] }, // 409: two probes of one company raced (stale)
  'get /api/sso/saml/metadata': { foreign: [200, 404] }, // 404 until the company configured SAML
  'post /api/auth/sso/start': { body: (w) => ({ email: w.ids.email }), public: [200] },
  // An unknown state sends the browser to the sign-in page (`?error=state`); the probe follows the 303
  // to it, which the matrix's server (no SPA) answers 404.
  'get /api/auth/sso/oidc/callback': { query: () => ({ state: token(), code: 'x' }), public: [303, 404] },
  'post /api/auth/sso/saml/acs': { public: [415] }, // the ACS reads only an HTML form post (the IdP's)
  'post /api/auth/sso/complete': { body: () => ({ token: token() }), public: [400] },
  'get /api/security-settings': {},
  'put /api/security-settings': { body: () => ({ requireMfaForAdmins: false }) },
  'get /api/me': {},
  // 409 when two of the probes write the same person at once (optimistic locking).
  'patch /api/me': { body: () => ({ locale: 'ja' }), foreign: [200, 409] },
  'post /api/users/import': { upload: 'users-csv', query: () => ({ mode: 'preview' }) },
  'get /api/users/import/template': {},
  'get /api/users/export': {},
  'get /api/users': { query: (w) => ({ departmentId: w.ids.department, q: w.ids.email }) },
  'post /api/users': {
    body: (w) => ({
      name: '検査 花子',
      email: `probe-${randomId().toLowerCase()}@example.test`,
      departmentId: w.ids.department,
      sendInvite: false,
    }),
    foreign: [404],
  },
  'get /api/users/{id}': { id: 'user' },
  'patch /api/users/{id}': { id: 'user', body: (w) => ({ name: '乗っ取り', departmentId: w.ids.department }) },
  'post /api/users/{id}/deactivate': { id: 'user' },
  'post /api/users/{id}/reactivate': { id: 'user' },
  'post /api/users/{id}/invite': { id: 'user' },
  'post /api/import-jobs/users': { upload: 'users-csv' },
  'get /api/import-jobs/users': {},
  'get /api/import-jobs/users/{jobId}': {},
  'get /api/departments': {},
  'post /api/departments': { body: () => ({ name: `検査部-${randomId()}` }) },
  'patch /api/departments/{id}': { id: 'department', body: () => ({ name: '乗っ取り部' }) },
  'delete /api/departments/{id}': { id: 'department' },
  'get /api/banks': {},
  'post /api/banks': { body: () => ({ name: '検査バンク' }) },
  'get /api/banks/{bankId}/questions': {},
  'get /api/catalog/banks/{bankId}/questions': {},
  'post /api/banks/{bankId}/questions': { body: question },
  'get /api/questions/{id}': { id: 'question' },
  'put /api/questions/{id}': { id: 'question', body: () => ({ content: question(), expectedVersion: 1 }) },
  'post /api/questions/{id}/publish': { id: 'question' },
  'get /api/catalog/questions/{id}': { id: 'question' },
  'post /api/banks/{bankId}/import': { upload: 'questions-gift', query: () => ({ format: 'gift', mode: 'preview' }) },
  'get /api/banks/{bankId}/export': { query: () => ({ format: 'csv' }) },
  'post /api/question-images': { upload: 'png', query: () => ({ name: 'probe.png' }) },
  'get /api/question-images/{id}': { id: 'file' },
  'get /api/assessments': {},
  // A draft keeps its bank ids as given: they are read only in the company's own key space, when
  // it is published (another company's bank id then finds nothing there: 400).
  'post /api/assessments': { body: (w) => fixedAssessment(w.ids.bank, [{ skill: '論理的思考', count: 1 }]), foreign: [201] },
  'get /api/assessments/{id}': { id: 'assessment' },
  'put /api/assessments/{id}': { id: 'assessment', body: (w) => fixedAssessment(w.ids.bank, [{ skill: '論理的思考', count: 1 }]) },
  'post /api/assessments/{id}/publish': { id: 'assessment' },
  'post /api/assessments/{id}/attempts': { id: 'assessment' },
  'get /api/attempts/{id}': { id: 'attempt' },
  'post /api/attempts/{id}/answers': { id: 'attempt', body: (w) => ({ questionId: w.ids.question, response: { optionIds: ['a'] } }) },
  'post /api/attempts/{id}/finish': { id: 'attempt' },
  'get /api/me/attempts': {},
  'get /api/assessments/{id}/statistics': { id: 'assessment' },
  'post /api/assessments/{id}/calibrate': { id: 'assessment', body: () => ({ minResponses: 10, apply: false }) },
  'get /api/skills/framework': {},
  // A stale revision: the body is valid, nothing is written.
  'put /api/skills/framework': { body: (w) => ({ framework: w.documents.framework, expectedRev: 999 }), foreign: [409] },
  'get /api/me/skills': {},
  'get /api/users/{id}/skills': { id: 'user' },
  'post /api/me/ratings': { body: () => ({ skillId: 'logical-thinking', value: 2 }) },
  'post /api/users/{id}/ratings': { id: 'user', body: () => ({ skillId: 'logical-thinking', value: 2 }) },
  'get /api/skills/map': { query: (w) => ({ departmentId: w.ids.department }) },
  'post /api/goals': { body: goal, foreign: [404] },
  'get /api/goals': { query: (w) => ({ userId: w.ids.user }), foreign: [404] },
  'get /api/goals/overview': {},
  'post /api/goals/{id}/return': { id: 'goal', body: () => ({ note: '差し戻し' }) },
  'post /api/goals/{id}/agree': { id: 'goal' },
  'post /api/goals/{id}/start': { id: 'goal' },
  'post /api/goals/{id}/evaluate': { id: 'goal' },
  'get /api/me/certificates': {},
  'get /api/me/certificates/{packageId}/pdf': {},
  'get /api/certificate-template': {},
  'put /api/certificate-template': { body: (w) => w.documents.certificateTemplate, foreign: [200] },
  'post /api/certificate-template/preview': { body: (w) => w.documents.certificateTemplate, foreign: [200] },
  'put /api/certificate-template/{kind}': { upload: 'png', foreign: [200] },
  'delete /api/certificate-template/{kind}': { foreign: [200, 204] },
  'get /api/packages/{id}/certificates': { id: 'package' },
  'get /api/packages/{id}/certificates/{userId}/pdf': { id: 'package' },
  'get /api/packages/{id}/certificates.zip': { id: 'package' },
  'get /api/certificates/verify/{code}': { public: [200] }, // { valid: false }: a verification page for anyone holding a code
  'get /api/packages': {},
  'post /api/packages': { body: (w) => lessonPackage([quizModule(w.ids.assessment)]), foreign: [400, 404] },
  'get /api/packages/{id}': { id: 'package' },
  'put /api/packages/{id}': { id: 'package', body: () => ({ package: lessonPackage(), expectedRev: 1 }) },
  'get /api/catalog/packages/{id}': { id: 'package' },
  'post /api/catalog/packages/{id}/clone': { id: 'package' },
  'post /api/packages/{id}/assignments': { id: 'package', body: (w) => ({ userIds: [w.ids.user], dueDate: inDays(30) }) },
  'get /api/packages/{id}/assignments': { id: 'package' },
  'get /api/me/assignments': {},
  'post /api/me/assignments/{packageId}/modules/{moduleId}/complete': {},
  'post /api/users/{id}/assignments/{packageId}/modules/{moduleId}/signoff': { id: 'user' },
  'get /api/users/{id}/assignments': { id: 'user' },
  'get /api/learning/settings': {},
  'put /api/learning/settings': {
    body: (w) => ({ weeklyBudgetMinutes: 60, autoAssign: { junior: w.ids.package }, autoAssignDueDays: 30, autoAddRecommendations: false }),
    foreign: [400, 404],
  },
  'post /api/me/assignments/{packageId}/modules/{moduleId}/end-reached': {},
  'post /api/me/assignments/{packageId}/modules/{moduleId}/heartbeat': { body: () => ({ view: randomId(), seq: 1 }) },
  'put /api/me/assignments/{packageId}/resume': { body: () => ({ moduleId: 'l1', position: 0.5 }) },
  'get /api/me/plan': {},
  'put /api/me/learning-budget': { body: () => ({ weeklyBudgetMinutes: 60 }) },
  'put /api/users/{id}/mentor': { id: 'user', body: (w) => ({ mentorId: w.ids.user }) },
  'get /api/users/{id}/mentor': { id: 'user' },
  'get /api/me/mentees': {},
  'post /api/users/{id}/checkins': {
    id: 'user',
    body: () => ({ firstDate: inDays(2) }),
    ownRefused: { roles: ['learner'], code: 'forbidden', why: 'a learner does not schedule their own check-ins (their mentor or HR does)' },
  },
  'get /api/users/{id}/checkins': { id: 'user' },
  'post /api/checkins/{id}/reflection': {
    id: 'checkin',
    body: () => ({ text: '振り返り' }),
    ownRefused: {
      roles: ['manager', 'tenant_admin'],
      code: 'forbidden',
      why: 'only the person the check-in is for reflects (the fixture’s is the learner’s)',
    },
  },
  'post /api/checkins/{id}/comment': {
    id: 'checkin',
    body: () => ({ text: 'コメント' }),
    ownRefused: { roles: ['learner'], code: 'forbidden', why: 'the mentor comments on a check-in, not the learner it is for' },
  },
  'get /api/me/inbox': {},
  'post /api/me/inbox/{id}/read': { id: 'inbox' },
  'get /api/reports/assessments/{id}': { id: 'assessment', query: (w) => ({ departmentId: w.ids.department }) },
  'get /api/reports/assessments/{id}/results.csv': { id: 'assessment' },
  'get /api/reports/learners/{id}': { id: 'user' },
  'get /api/reports/assessments/{id}/trend': { id: 'assessment', query: (w) => ({ departmentId: w.ids.department }) },
  'get /api/vendor/tenants': {},
  'post /api/vendor/tenants': {
    body: (w) => ({
      name: '検査の会社',
      adminName: '検査 人事',
      adminEmail: `probe-${randomId().toLowerCase()}@example.test`,
      plan: plan(w),
    }),
    foreign: [400, 404],
  },
  'get /api/vendor/tenants/{id}': { id: 'tenant' },
  'patch /api/vendor/tenants/{id}': { id: 'tenant', body: (w) => ({ plan: plan(w) }) },
  'post /api/vendor/tenants/{id}/suspend': { id: 'tenant' },
  'post /api/vendor/tenants/{id}/reactivate': { id: 'tenant' },
  'get /api/vendor/catalog': {},
  'get /api/vendor/branding': {},
  'put /api/vendor/branding': {
    body: () => ({
      productName: '検査ブランド',
      primaryColor: '#123456',
      signInText: null,
      supportEmail: null,
      emailSenderName: null,
      domains: [],
      selfSignup: false,
      allowTenantBranding: true,
    }),
  },
  'put /api/vendor/branding/logo': { upload: 'png' },
  'delete /api/vendor/branding/logo': {},
  'put /api/vendor/branding/favicon': { upload: 'png' },
  'delete /api/vendor/branding/favicon': {},
  'get /api/vendor/tenants/{id}/users': { id: 'tenant' },
  'get /api/vendor/tenants/{id}/users/{userId}': { id: 'tenant' },
  'get /api/vendor/usage': {},
  'get /api/vendor/usage.csv': {},
  'get /api/platform/usage': {},
  'get /api/platform/tenants': {},
  // The platform reaches every company: a foreign company's export is accepted, its deletion
  // refused only by the typed name (the probes never type it).
  'post /api/platform/tenants/{id}/export': { id: 'tenant', foreign: [202] },
  'post /api/platform/tenants/{id}/delete': { id: 'tenant', body: () => ({ confirmName: 'not the company name' }), foreign: [400, 409] },
  'get /api/platform/tenants/{id}/jobs': { id: 'tenant', foreign: [200] },
  'get /api/platform/tenant-jobs/{id}': { id: 'tenant' },
  'post /api/vendor/tenants/{id}/export': { id: 'tenant' },
  'post /api/vendor/tenants/{id}/delete': { id: 'tenant', body: () => ({ confirmName: 'not the company name' }) },
  'get /api/vendor/tenants/{id}/jobs': { id: 'tenant' },
  'get /api/vendor/tenant-jobs/{id}': { id: 'tenant' },
  'get /api/platform/vendors': {},
  'post /api/platform/vendors': {
    body: () => ({ name: '検査の販売店', adminName: '検査 管理者', adminEmail: `probe-${randomId().toLowerCase()}@example.test` }),
  },
  'post /api/platform/vendors/{id}/suspend': { id: 'vendor' },
  'post /api/platform/vendors/{id}/reactivate': { id: 'vendor' },
  'get /api/platform/vendors/{id}/admins': { id: 'vendor' },
  'post /api/platform/vendors/{id}/admins': {
    id: 'vendor',
    body: () => ({ name: '検査 管理者', email: `probe-${randomId().toLowerCase()}@example.test` }),
  },
  'get /api/tenant/branding': {},
  'put /api/tenant/branding': { body: () => ({ productName: null, primaryColor: null }), ownRefused: BRANDING_LOCKED },
  'put /api/tenant/branding/logo': { upload: 'png', ownRefused: BRANDING_LOCKED },
  'delete /api/tenant/branding/logo': { ownRefused: BRANDING_LOCKED },
  'get /api/support-access': {},
  'post /api/support-access': { body: () => ({ hours: 1 }) },
  'delete /api/support-access': {},
  'get /api/audit-log': { query: () => ({ type: 'signin.succeeded', from: '2026-01-01', to: '2099-12-31' }) },
  'get /api/audit-log.csv': {},
  'get /api/scim-tokens': {},
  'post /api/scim-tokens': { body: () => ({ name: 'probe' }) },
  'delete /api/scim-tokens/{id}': { id: 'scimToken' },
  // A manager's overview is always their own department's (the query's is ignored); HR's names it: 404.
  'get /api/reports/overview': { query: (w) => ({ departmentId: w.ids.department }), foreign: [200, 404] },
  'get /api/reports/skill-gaps': {},
  'get /api/admin/home': {},
  'get /api/files': {},
  'post /api/files': { body: () => ({ name: 'probe.pdf', size: 100 }) },
  'post /api/files/{id}/complete': { id: 'file' },
  'delete /api/files/{id}': { id: 'file' },
  'post /api/files/links': { body: (w) => ({ ids: [w.ids.file] }) },
  'get /api/me/assignments/{packageId}/files': {},
  'get /api/objects/file': { query: SIGNED_URL, public: [403] },
  'put /api/objects/upload': { query: SIGNED_URL, upload: 'png', public: [403] },
  'get /api/scorm-packages': {},
  'post /api/scorm-packages/uploads': { body: () => ({ fileName: 'probe.zip', size: 100 }) },
  'post /api/scorm-packages/uploads/{uploadId}/complete': {},
  'get /api/scorm-packages/{id}': { id: 'file' },
  'delete /api/scorm-packages/{id}': { id: 'file' },
  'post /api/me/assignments/{packageId}/modules/{moduleId}/scorm/launch': {},
  'get /api/me/assignments/{packageId}/modules/{moduleId}/scorm': {},
  'get /scorm/player': { query: (w) => ({ t: `${w.ids.tenant}.forged` }), public: [403, 404] },
  'get /scorm/runtime.js': { public: [200, 404] },
  'get /scorm/player.js': { public: [200, 404] },
  'get /api/me/notification-preferences': {},
  'put /api/me/notification-preferences': { body: () => ({ email: { goal_agreed: 'digest' } }) },
  'get /api/essay-grading': {},
  'get /api/essay-grading/{attemptId}/{questionId}': {},
  'post /api/essay-grading/{attemptId}/{questionId}/grade': { body: essayGrade },
  'post /api/essay-grading/{attemptId}/{questionId}/regrade': { body: essayGrade },
  'get /api/dev/outbox': {
    public: [200],
    leakExempt:
      'the local demo server’s outbox: never in the Lambda, answered on the loopback interface only (test/api/dev-outbox.test.ts)',
  },
  'post /api/dev/jobs/digest': { public: [200, 202, 204] },
};

/** The bytes of each kind of upload. */
export const UPLOADS = {
  'users-csv': { name: 'users.csv', type: 'text/csv', bytes: new TextEncoder().encode('name,email\n検査 一郎,probe-csv@example.test\n') },
  'questions-gift': { name: 'questions.gift', type: 'text/plain', bytes: new TextEncoder().encode('::q1:: 1 + 1 は？ {=2 ~3 ~4}\n') },
  png: { name: 'logo.png', type: 'image/png', bytes: PNG_1x1 },
} as const;
