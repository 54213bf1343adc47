import {
  createRouter,
  createWebHistory,
  loadRouteLocation,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import type { Role } from './api/types';
import type { MessagePart } from './i18n';
import { useAuthStore } from './stores/auth';
import { useNoticeStore } from './stores/notice';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Signed-in users are sent home instead (sign-in, sign-up). */
    guestOnly?: boolean;
    /** Only these roles may open the page; others get the 403 page. */
    roles?: Role[];
    /** i18n key of the page title, used for document.title. */
    titleKey?: string;
  }
}

const ADMIN: Role[] = ['tenant_admin'];
/** HR admins see everyone; managers see the members of their own department (the API enforces it). */
const PEOPLE_LEADS: Role[] = ['tenant_admin', 'manager'];
/** Everyone in a company (the learning pages call APIs only they may use). */
const MEMBERS: Role[] = ['tenant_admin', 'manager', 'learner'];
/** A reseller's console: its client companies, their usage and its white-label brand (the vendor comes from the token). */
const VENDOR: Role[] = ['vendor_admin'];
/**
 * Who authors question banks and packages: HR for its company, a vendor admin for the vendor (offered
 * read-only to its client companies). The pages adapt to the role; assessments stay HR's.
 */
const AUTHORS: Role[] = ['tenant_admin', 'vendor_admin'];
/** The platform operator: the vendors and their usage. */
const PLATFORM: Role[] = ['platform_admin'];

export const routes: RouteRecordRaw[] = [
  {
    path: '/signin',
    name: 'signin',
    component: () => import('./pages/SignInPage.vue'),
    meta: { public: true, guestOnly: true, titleKey: 'signIn.title' },
  },
  {
    path: '/signup',
    name: 'signup',
    component: () => import('./pages/SignUpPage.vue'),
    meta: { public: true, guestOnly: true, titleKey: 'signUp.title' },
  },
  {
    path: '/verify-email',
    name: 'verify-email',
    component: () => import('./pages/VerifyEmailPage.vue'),
    meta: { public: true, titleKey: 'verifyEmail.title' },
  },
  {
    path: '/set-password',
    name: 'set-password',
    component: () => import('./pages/SetPasswordPage.vue'),
    meta: { public: true, titleKey: 'setPassword.title' },
  },
  // Never rendered: the guard sends each role to its own home.
  { path: '/', name: 'home', component: () => import('./pages/MePage.vue') },
  {
    path: '/me',
    name: 'me',
    component: () => import('./pages/MePage.vue'),
    meta: { titleKey: 'me.title' },
  },
  {
    path: '/me/skills',
    name: 'my-skills',
    component: () => import('./pages/MySkillsPage.vue'),
    meta: { titleKey: 'mySkills.title' },
  },
  {
    path: '/me/plan',
    name: 'my-plan',
    component: () => import('./pages/PlanPage.vue'),
    meta: { roles: MEMBERS, titleKey: 'plan.title' },
  },
  {
    path: '/me/assignments',
    name: 'my-assignments',
    component: () => import('./pages/MyAssignmentsPage.vue'),
    meta: { roles: MEMBERS, titleKey: 'assignments.title' },
  },
  {
    path: '/me/assignments/:packageId/:moduleId',
    name: 'module-reader',
    component: () => import('./pages/ModuleReaderPage.vue'),
    props: true,
    meta: { roles: MEMBERS, titleKey: 'reader.title' },
  },
  {
    path: '/me/goals',
    name: 'my-goals',
    component: () => import('./pages/GoalsPage.vue'),
    meta: { roles: MEMBERS, titleKey: 'goals.title' },
  },
  {
    path: '/me/checkins',
    name: 'my-checkins',
    component: () => import('./pages/CheckInsPage.vue'),
    meta: { roles: MEMBERS, titleKey: 'checkins.title' },
  },
  {
    path: '/me/inbox',
    name: 'inbox',
    component: () => import('./pages/InboxPage.vue'),
    meta: { roles: MEMBERS, titleKey: 'inbox.title' },
  },
  {
    path: '/me/notifications',
    name: 'notification-settings',
    component: () => import('./pages/NotificationSettingsPage.vue'),
    meta: { roles: MEMBERS, titleKey: 'notificationSettings.title' },
  },
  {
    path: '/team',
    name: 'team',
    component: () => import('./pages/TeamPage.vue'),
    meta: { roles: PEOPLE_LEADS, titleKey: 'team.title' },
  },
  // Mentors may be learners; the API decides whose follow-up they may see.
  {
    path: '/team/:userId',
    name: 'team-member',
    component: () => import('./pages/TeamMemberPage.vue'),
    props: true,
    meta: { roles: MEMBERS, titleKey: 'teamMember.title' },
  },
  { path: '/admin', redirect: '/admin/home' },
  {
    path: '/admin/packages',
    name: 'packages',
    component: () => import('./pages/PackagesPage.vue'),
    meta: { roles: AUTHORS, titleKey: 'packages.title' },
  },
  {
    path: '/admin/packages/new',
    name: 'package-new',
    component: () => import('./pages/PackageNewPage.vue'),
    meta: { roles: AUTHORS, titleKey: 'packageEditor.newTitle' },
  },
  {
    path: '/admin/packages/:id',
    name: 'package',
    component: () => import('./pages/PackageDetailPage.vue'),
    props: true,
    meta: { roles: AUTHORS, titleKey: 'packageDetail.title' },
  },
  {
    path: '/admin/catalog/packages/:id',
    name: 'catalog-package',
    component: () => import('./pages/PackageDetailPage.vue'),
    props: (route) => ({ id: String(route.params['id']), catalog: true }),
    meta: { roles: AUTHORS, titleKey: 'packageDetail.title' },
  },
  {
    path: '/admin/learning-settings',
    name: 'learning-settings',
    component: () => import('./pages/LearningSettingsPage.vue'),
    meta: { roles: ADMIN, titleKey: 'learningSettings.title' },
  },
  {
    path: '/admin/branding',
    name: 'company-branding',
    component: () => import('./pages/CompanyBrandingPage.vue'),
    meta: { roles: ADMIN, titleKey: 'companyBranding.title' },
  },
  {
    path: '/admin/support-access',
    name: 'support-access',
    component: () => import('./pages/SupportAccessPage.vue'),
    meta: { roles: ADMIN, titleKey: 'supportAccess.title' },
  },
  {
    path: '/admin/settings/audit-log',
    name: 'audit-log',
    component: () => import('./pages/settings/AuditLogPage.vue'),
    meta: { roles: ADMIN, titleKey: 'auditLog.title' },
  },
  {
    path: '/admin/settings/scim',
    name: 'scim-tokens',
    component: () => import('./pages/settings/ScimTokensPage.vue'),
    meta: { roles: ADMIN, titleKey: 'scimTokens.title' },
  },
  {
    path: '/admin/framework',
    name: 'framework',
    component: () => import('./pages/FrameworkPage.vue'),
    meta: { roles: ADMIN, titleKey: 'framework.title' },
  },
  {
    path: '/admin/skills',
    name: 'skill-map',
    component: () => import('./pages/SkillMapPage.vue'),
    meta: { roles: PEOPLE_LEADS, titleKey: 'skillMap.title' },
  },
  {
    path: '/admin/reports',
    name: 'reports',
    component: () => import('./pages/ReportsPage.vue'),
    meta: { roles: PEOPLE_LEADS, titleKey: 'reports.title' },
  },
  // The company overview and the skill gaps; managers see their own department (the API enforces it).
  {
    path: '/admin/reports/overview',
    name: 'reports-overview',
    component: () => import('./pages/ReportsOverviewPage.vue'),
    meta: { roles: PEOPLE_LEADS, titleKey: 'reportsOverview.title' },
  },
  {
    path: '/admin/reports/skill-gaps',
    name: 'reports-skill-gaps',
    component: () => import('./pages/ReportsSkillGapsPage.vue'),
    meta: { roles: PEOPLE_LEADS, titleKey: 'skillGaps.title' },
  },
  // Managers only for their own team (the API enforces it).
  {
    path: '/admin/reports/learners/:id',
    name: 'learner-report',
    component: () => import('./pages/LearnerReportPage.vue'),
    props: true,
    meta: { roles: PEOPLE_LEADS, titleKey: 'learnerReport.title' },
  },
  {
    path: '/admin/goals',
    name: 'goals-overview',
    component: () => import('./pages/GoalsOverviewPage.vue'),
    meta: { roles: ADMIN, titleKey: 'goalsOverview.title' },
  },
  {
    path: '/admin/users/:id/skills',
    name: 'user-skills',
    component: () => import('./pages/UserSkillsPage.vue'),
    props: true,
    meta: { roles: PEOPLE_LEADS, titleKey: 'userSkills.title' },
  },
  {
    path: '/admin/users',
    name: 'users',
    component: () => import('./pages/UsersPage.vue'),
    meta: { roles: ADMIN, titleKey: 'users.title' },
  },
  {
    path: '/admin/users/new',
    name: 'user-new',
    component: () => import('./pages/UserFormPage.vue'),
    meta: { roles: ADMIN, titleKey: 'userForm.newTitle' },
  },
  {
    path: '/admin/users/import',
    name: 'users-import',
    component: () => import('./pages/ImportPage.vue'),
    meta: { roles: ADMIN, titleKey: 'import.title' },
  },
  {
    path: '/admin/users/:id',
    name: 'user-edit',
    component: () => import('./pages/UserFormPage.vue'),
    props: true,
    meta: { roles: ADMIN, titleKey: 'userForm.editTitle' },
  },
  {
    path: '/admin/departments',
    name: 'departments',
    component: () => import('./pages/DepartmentsPage.vue'),
    meta: { roles: ADMIN, titleKey: 'departments.title' },
  },
  {
    path: '/admin/banks',
    name: 'banks',
    component: () => import('./pages/BanksPage.vue'),
    meta: { roles: AUTHORS, titleKey: 'banks.title' },
  },
  {
    path: '/admin/banks/:bankId',
    name: 'bank',
    component: () => import('./pages/BankQuestionsPage.vue'),
    props: true,
    meta: { roles: AUTHORS, titleKey: 'bankQuestions.title' },
  },
  {
    path: '/admin/catalog/:bankId',
    name: 'catalog-bank',
    component: () => import('./pages/BankQuestionsPage.vue'),
    props: (route) => ({ bankId: String(route.params['bankId']), catalog: true }),
    meta: { roles: AUTHORS, titleKey: 'bankQuestions.title' },
  },
  {
    path: '/admin/banks/:bankId/import',
    name: 'bank-import',
    component: () => import('./pages/QuestionImportPage.vue'),
    props: true,
    meta: { roles: AUTHORS, titleKey: 'questionImport.title' },
  },
  {
    path: '/admin/questions/new',
    name: 'question-new',
    component: () => import('./pages/QuestionEditorPage.vue'),
    meta: { roles: AUTHORS, titleKey: 'questionEditor.newTitle' },
  },
  {
    path: '/admin/questions/:id',
    name: 'question-edit',
    component: () => import('./pages/QuestionEditorPage.vue'),
    props: true,
    meta: { roles: AUTHORS, titleKey: 'questionEditor.editTitle' },
  },
  {
    path: '/admin/assessments',
    name: 'admin-assessments',
    component: () => import('./pages/AdminAssessmentsPage.vue'),
    meta: { roles: ADMIN, titleKey: 'adminAssessments.title' },
  },
  {
    path: '/admin/assessments/new',
    name: 'assessment-new',
    component: () => import('./pages/AssessmentFormPage.vue'),
    meta: { roles: ADMIN, titleKey: 'assessmentForm.newTitle' },
  },
  {
    path: '/admin/assessments/:id',
    name: 'assessment-edit',
    component: () => import('./pages/AssessmentFormPage.vue'),
    props: true,
    meta: { roles: ADMIN, titleKey: 'assessmentForm.editTitle' },
  },
  {
    path: '/vendor/tenants',
    name: 'vendor-tenants',
    component: () => import('./pages/VendorTenantsPage.vue'),
    meta: { roles: VENDOR, titleKey: 'vendorTenants.title' },
  },
  {
    path: '/vendor/tenants/:id',
    name: 'vendor-tenant',
    component: () => import('./pages/VendorTenantPage.vue'),
    props: true,
    meta: { roles: VENDOR, titleKey: 'vendorTenant.title' },
  },
  {
    path: '/vendor/branding',
    name: 'vendor-branding',
    component: () => import('./pages/VendorBrandingPage.vue'),
    meta: { roles: VENDOR, titleKey: 'vendorBranding.title' },
  },
  {
    path: '/vendor/usage',
    name: 'vendor-usage',
    component: () => import('./pages/VendorUsagePage.vue'),
    meta: { roles: VENDOR, titleKey: 'vendorUsage.title' },
  },
  {
    path: '/platform/vendors',
    name: 'platform-vendors',
    component: () => import('./pages/PlatformVendorsPage.vue'),
    meta: { roles: PLATFORM, titleKey: 'platformVendors.title' },
  },
  {
    path: '/platform/tenants',
    name: 'platform-tenants',
    component: () => import('./pages/PlatformTenantsPage.vue'),
    meta: { roles: PLATFORM, titleKey: 'platformTenants.title' },
  },
  {
    path: '/platform/usage',
    name: 'platform-usage',
    component: () => import('./pages/PlatformUsagePage.vue'),
    meta: { roles: PLATFORM, titleKey: 'platformUsage.title' },
  },
  // Every signed-in role may take a published assessment.
  {
    path: '/assessments',
    name: 'assessments',
    component: () => import('./pages/AssessmentsPage.vue'),
    meta: { titleKey: 'assessments.title' },
  },
  {
    path: '/attempts/:id',
    name: 'attempt',
    component: () => import('./pages/AttemptPage.vue'),
    props: true,
    meta: { titleKey: 'player.title' },
  },
  {
    path: '/attempts/:id/result',
    name: 'attempt-result',
    component: () => import('./pages/AttemptResultPage.vue'),
    props: true,
    meta: { titleKey: 'result.title' },
  },
  // HR's landing page: the getting-started checklist and the weekly figures.
  {
    path: '/admin/home',
    name: 'hr-home',
    component: () => import('./pages/home/HrHomePage.vue'),
    meta: { roles: ADMIN, titleKey: 'hrHome.title' },
  },
  // ── Certificates (修了証) ──
  {
    path: '/admin/certificate-template',
    name: 'certificate-template',
    component: () => import('./pages/certificates/CertificateTemplatePage.vue'),
    meta: { roles: ADMIN, titleKey: 'certificates.template.title' },
  },
  {
    path: '/admin/packages/:id/certificates',
    name: 'package-certificates',
    component: () => import('./pages/certificates/PackageCertificatesPage.vue'),
    props: true,
    meta: { roles: ADMIN, titleKey: 'certificates.package.title' },
  },
  {
    // Printed on every certificate: anyone may check a code, signed in or not.
    path: '/verify/:code?',
    name: 'verify-certificate',
    component: () => import('./pages/certificates/VerifyCertificatePage.vue'),
    meta: { public: true, titleKey: 'certificateVerify.title' },
  },
  // ── Password reset and two-step verification (issue 13) ──
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('./pages/account/ForgotPasswordPage.vue'),
    meta: { public: true, guestOnly: true, titleKey: 'accountSecurity.forgotTitle' },
  },
  {
    path: '/reset-password',
    name: 'reset-password',
    component: () => import('./pages/account/ResetPasswordPage.vue'),
    meta: { public: true, titleKey: 'accountSecurity.resetTitle' },
  },
  {
    // The sign-in's second step; it reads the challenge the sign-in left in the auth store.
    path: '/signin/mfa',
    name: 'signin-mfa',
    component: () => import('./pages/account/MfaSignInPage.vue'),
    meta: { public: true, titleKey: 'accountSecurity.mfaTitle' },
  },
  {
    // Sign-in with a company account; the IdP's callback returns here (hand-off in the fragment).
    path: '/signin/sso',
    name: 'signin-sso',
    component: () => import('./pages/account/SsoSignInPage.vue'),
    meta: { public: true, titleKey: 'sso.title' },
  },
  {
    path: '/settings/sso',
    name: 'sso-settings',
    component: () => import('./pages/settings/SsoSettingsPage.vue'),
    meta: { roles: ADMIN, titleKey: 'ssoSettings.title' },
  },
  {
    path: '/me/security',
    name: 'security-settings',
    component: () => import('./pages/account/SecuritySettingsPage.vue'),
    meta: { titleKey: 'accountSecurity.settingsTitle' },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./pages/ForbiddenPage.vue'),
    meta: { public: true, titleKey: 'forbidden.title' },
  },
  // Essays graded by a person: HR grades the company's, a manager their people's (the API decides whose).
  {
    path: '/grading',
    name: 'essay-grading-queue',
    component: () => import('./pages/grading/EssayQueuePage.vue'),
    meta: { roles: PEOPLE_LEADS, titleKey: 'essayGrading.queue.title' },
  },
  {
    path: '/grading/:attemptId/:questionId',
    name: 'essay-grading',
    component: () => import('./pages/grading/EssayGradingPage.vue'),
    props: true,
    meta: { roles: PEOPLE_LEADS, titleKey: 'essayGrading.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { public: true, titleKey: 'notFound.title' },
  },
];

/** Only same-origin paths are followed after sign-in (no `//evil.example`). */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

export interface AccessState {
  isSignedIn: boolean;
  role: Role | null;
  homePath: string;
}

/** Where a navigation may go: `true` to proceed, or where to send the user instead. */
export function accessDecision(
  to: Pick<RouteLocationNormalized, 'name' | 'meta' | 'fullPath' | 'query'>,
  auth: AccessState,
): true | RouteLocationRaw {
  if (to.meta.public) {
    if (to.meta.guestOnly && auth.isSignedIn) return safeRedirect(to.query['redirect']) ?? auth.homePath;
    return true;
  }
  if (!auth.isSignedIn) {
    return to.fullPath === '/' ? { name: 'signin' } : { name: 'signin', query: { redirect: to.fullPath } };
  }
  if (to.name === 'home') return auth.homePath;
  const roles = to.meta.roles;
  if (roles && (!auth.role || !roles.includes(auth.role))) return { name: 'forbidden' };
  return true;
}

export interface AppRouterOptions {
  /** More of the messages (main.ts); unit tests give all messages up front and pass none. */
  loadMessages?: (part: MessagePart) => Promise<void>;
}

/**
 * The messages a signed-in page needs: the whole set for staff (HR, managers, vendors, the
 * platform) and on pages only they open; a learner's pages need only the people's set.
 */
export function messagesFor(to: Pick<RouteLocationNormalized, 'meta'>, role: Role | null): MessagePart {
  if (role && role !== 'learner') return 'app';
  const roles = to.meta.roles;
  return roles && !roles.includes('learner') ? 'app' : 'people';
}

export function createAppRouter(history: RouterHistory = createWebHistory(), options: AppRouterOptions = {}) {
  const loadMessages = options.loadMessages ?? (() => Promise.resolve());
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    // At boot the session restore is a round trip: fetch the page's code meanwhile, not after it.
    // (The page's code holds no data; the API decides what the person may see.) Home is never
    // shown, and a failed download surfaces in the navigation itself.
    if (!auth.initialized && to.name !== 'home') loadRouteLocation(to).catch(() => undefined);
    // Likewise the signed-in pages' messages (not for `/`, which a guest opens too: a guest gets
    // only the public pages' messages). index.html preloads the people's set already on such a path.
    const early = to.meta.public || to.name === 'home' ? null : loadMessages(messagesFor(to, auth.role));
    early?.catch(() => undefined);
    await auth.init();
    const decision = accessDecision(to, auth);
    // A signed-in page renders only with its messages: never a raw key on screen.
    if (decision === true && !to.meta.public) await loadMessages(messagesFor(to, auth.role));
    return decision;
  });
  router.afterEach((to, from) => {
    if (to.path !== from.path) useNoticeStore().onNavigate();
  });
  return router;
}
