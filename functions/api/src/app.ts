import { compress } from 'hono/compress';
import type { MiddlewareHandler } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './env.js';
import { errorBody, errorHandler, render, requestLocale } from './errors.js';
import { newApp, routeAccess, honoPath, pathParams } from './openapi.js';
import { RESOURCES } from './error-messages.js';
import { requestId } from './middleware/request-id.js';
import { requestLogger } from './middleware/logger.js';
import { authenticate } from './middleware/auth.js';
import { firstReadWithAccess } from './auth/first-read.js';
import { securityHeaders } from './middleware/security-headers.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerBrandingRoutes } from './routes/branding.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerAccountSecurityRoutes } from './routes/account-security.js';
import { registerSsoRoutes } from './routes/sso.js';
import { registerMeRoutes } from './routes/me.js';
import { registerUserRoutes } from './routes/users.js';
import { registerUserImportRoutes } from './routes/user-import.js';
import { registerImportJobRoutes } from './routes/import-jobs.js';
import { registerDepartmentRoutes } from './routes/departments.js';
import { registerNotificationRoutes } from './routes/notifications.js';
import { registerEssayGradingRoutes } from './routes/essay-grading.js';
import { registerQuestionRoutes } from './routes/questions.js';
import { registerQuestionImportRoutes } from './routes/question-import.js';
import { registerQuestionImageRoutes } from './routes/question-images.js';
import { registerAssessmentRoutes } from './routes/assessments.js';
import { registerAttemptRoutes } from './routes/attempts.js';
import { registerItemAnalysisRoutes } from './routes/item-analysis.js';
import { registerSkillRoutes } from './routes/skills.js';
import { registerSkillMapRoutes } from './routes/skill-map.js';
import { registerGoalRoutes } from './routes/goals.js';
import { registerPackageRoutes } from './routes/packages.js';
import { registerLessonProgressRoutes } from './routes/lesson-progress.js';
import { registerLearnerPrefsRoutes, registerPlanRoutes } from './routes/plan.js';
import { registerFollowUpRoutes } from './routes/followup.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerVendorRoutes } from './routes/vendor.js';
import { registerPlatformRoutes } from './routes/platform.js';
import { registerTenantLifecycleRoutes } from './routes/tenant-lifecycle.js';
import { registerVendorBrandingRoutes } from './routes/vendor-branding.js';
import { registerVendorSupportRoutes } from './routes/vendor-support.js';
import { registerTenantBrandingRoutes } from './routes/tenant-branding.js';
import { registerSupportRoutes } from './routes/support.js';
import { registerAuditLogRoutes } from './routes/audit-log.js';
import { registerScimTokenRoutes } from './routes/scim-tokens.js';
import { registerScimRoutes } from './scim/routes.js';
import { registerUsageRoutes } from './routes/usage.js';
import { accessState, isLocalObjectStore } from '@manabi/data';
import { registerReportOverviewRoutes } from './routes/report-overview.js';
import { registerHrHomeRoutes } from './routes/hr-home.js';
import { registerDocsRoutes } from './routes/docs.js';
import { registerCertificateRoutes } from './routes/certificates.js';
import { registerFileRoutes } from './routes/files.js';
import { registerLocalObjectRoutes } from './routes/local-objects.js';
import { registerScormRoutes } from './routes/scorm.js';
import { registerScormContentRoutes, separateContentOrigin, SCORM_CONTENT_PREFIX } from './routes/scorm-content.js';

export interface AppOptions {
  /** Serves the built SPA for every non-API path (local server); the cloud serves it from S3. */
  spa?: MiddlewareHandler;
  /** Compresses responses (local server); in the cloud CloudFront compresses at the edge. */
  compress?: boolean;
  /**
   * Routes only the local demo server has (the dev outbox, `routes/dev.ts`): passed by
   * `local/start.ts`, never by the Lambda entry, so the Lambda bundle does not contain them.
   */
  localRoutes?: (app: OpenAPIHono<AppEnv>) => void;
  /** Check every JSON answer against its route's declared schema (tests; see response-contract.ts). */
  checkResponses?: boolean;
  /** Runs before every route (the cloud's origin-verify check, middleware/origin-verify.ts); the local server has none. */
  edgeGuard?: MiddlewareHandler<AppEnv>;
}

/** Paths anyone may call; everything else under /api needs a verified token (deny by default). */
const PUBLIC_DOC_PATHS = new Set(['/api/openapi.json', '/api/docs']);

/** The one Hono app: the Lambda and the local Node server both run exactly this. */
export function createApp(deps: AppDeps, options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const app = newApp();
  app.onError(errorHandler(deps));
  if (options.compress) app.use('*', compress());
  if (options.checkResponses)
    app.use('*', async (c, next) => {
      c.set('checkResponses', true);
      await next();
    });
  app.use('*', requestId(), requestLogger(deps.log, deps.now), securityHeaders());
  if (options.edgeGuard) app.use('*', options.edgeGuard);
  // SCORM packages play on an origin of their own; it reaches nothing else (see routes/scorm-content.ts).
  app.use('*', separateContentOrigin(deps));

  const auth = authenticate(
    deps.jwks,
    deps.now,
    (claims) => accessState(deps.data.identityFor(claims), claims.tenantId, claims.vendorId, claims.userId),
    deps.config.accessRecheckMs,
    firstReadWithAccess(deps),
  );
  app.use('/api/*', async (c, next) => {
    const publicRoute =
      PUBLIC_DOC_PATHS.has(c.req.path) ||
      routeAccess.some(
        (r) => r.roles === 'public' && r.method.toUpperCase() === c.req.method && pathParams(honoPath(r.path), c.req.path) !== null,
      );
    return publicRoute ? next() : auth(c, next);
  });

  registerHealthRoutes(app, deps);
  registerBrandingRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerSsoRoutes(app, deps);
  registerAccountSecurityRoutes(app, deps); // before /api/users/{id} so "reinvite" is not read as an id
  registerMeRoutes(app, deps);
  registerUserImportRoutes(app, deps); // before /api/users/{id} so "import" is not read as an id
  registerUserRoutes(app, deps);
  registerImportJobRoutes(app, deps);
  registerDepartmentRoutes(app, deps);
  registerQuestionRoutes(app, deps);
  registerQuestionImportRoutes(app, deps);
  registerQuestionImageRoutes(app, deps);
  registerAssessmentRoutes(app, deps);
  registerAttemptRoutes(app, deps);
  registerItemAnalysisRoutes(app, deps);
  registerSkillRoutes(app, deps);
  registerSkillMapRoutes(app, deps);
  registerGoalRoutes(app, deps);
  registerCertificateRoutes(app, deps); // before /api/packages/{id}
  registerPackageRoutes(app, deps);
  registerLessonProgressRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerLearnerPrefsRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerVendorRoutes(app, deps);
  registerVendorBrandingRoutes(app, deps);
  registerVendorSupportRoutes(app, deps);
  registerUsageRoutes(app, deps);
  registerPlatformRoutes(app, deps);
  registerTenantLifecycleRoutes(app, deps);
  registerTenantBrandingRoutes(app, deps);
  registerSupportRoutes(app, deps);
  registerAuditLogRoutes(app, deps);
  registerScimTokenRoutes(app, deps);
  registerReportOverviewRoutes(app, deps);
  registerHrHomeRoutes(app, deps);
  registerFileRoutes(app, deps);
  // Locally the server itself answers the signed file URLs S3 answers in the cloud.
  if (isLocalObjectStore(deps.objects)) registerLocalObjectRoutes(app, deps.objects);
  registerScormRoutes(app, deps);
  registerScormContentRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerEssayGradingRoutes(app, deps);
  registerScimRoutes(app, deps);
  options.localRoutes?.(app);
  registerDocsRoutes(app);

  app.notFound((c) => {
    if (options.spa && !c.req.path.startsWith('/api/') && c.req.path !== '/api' && !c.req.path.startsWith(SCORM_CONTENT_PREFIX))
      return options.spa(c, async () => undefined) as Promise<Response>;
    return requestLocale(c, deps).then((locale) =>
      c.json(errorBody('not_found', render({ key: 'not_found', params: { resource: RESOURCES.resource } }, locale)), 404, {
        'Content-Language': locale,
      }),
    );
  });
  return app;
}
