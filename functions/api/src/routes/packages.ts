import { entitledCatalog, entitledPackage } from '../services/entitlements.js';
import { authorOwner, vendorPackageProblems } from '../services/content-owner.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, isoDateSchema, LEVELS, randomId, type Role } from '@manabi/core';
import type { LearningPackage } from '@manabi/upskilling';
import {
  assignPackage,
  completeModule,
  getAssignment,
  getLearningSettings,
  getBank,
  getPackage,
  getUser,
  listAssignmentsOfPackage,
  listAssignmentsOfUser,
  listPackages,
  listUsers,
  putLearningSettings,
  putNewPackage,
  savePackage,
  type Owner,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError, notFound, validationError } from '../errors.js';
import { BODY_LIMITS, conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import {
  assignmentListSchema,
  assignmentViewSchema,
  errorSchema,
  learningPackageSchema,
  myAssignmentListSchema,
  myAssignmentSchema,
  packageAssigneesSchema,
  packageDetailSchema,
  packageListSchema,
  packageSaveBodySchema,
} from '@manabi/contract';
import { json, jsonBody } from '../schemas.js';
import { personInReach } from '../services/access.js';
import {
  checkVendorTemplates,
  materializeQuizzes,
  withinPlan,
  quizModuleProblems,
  newAssignmentState,
  packageSummary,
  parsePackage,
  presentAssignment,
  refreshAssignmentState,
} from '../services/packages.js';
import { completeByLearner, presentMyAssignment } from '../services/lesson-progress.js';
import { scormModuleProblems } from '../services/scorm-packages.js';
import { checkAudience } from '../services/audience.js';
import { actorName, notify } from '../services/notifications.js';
import { pool } from '../services/pool.js';

const HR: readonly Role[] = ['tenant_admin'];
/** Who writes packages: HR for its company, a vendor admin for its vendor (see authorOwner). */
const AUTHORS: readonly Role[] = ['tenant_admin', 'vendor_admin'];
const RATERS: readonly Role[] = ['tenant_admin', 'manager'];
const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
const pkgParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const moduleParams = z.object({
  packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }),
  moduleId: z.string().openapi({ param: { name: 'moduleId', in: 'path' } }),
});
const userModuleParams = moduleParams.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

const settingsSchema = z
  .object({
    weeklyBudgetMinutes: z.number().int().min(10).max(1200),
    autoAssign: z.partialRecord(z.enum(LEVELS), z.string().max(40)),
    autoAssignDueDays: z.number().int().min(1).max(730),
    autoAddRecommendations: z.boolean(),
  })
  .openapi('LearningSettings');

export function registerPackageRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const tenant = (auth: AuthClaims): Owner => ({ kind: 'tenant', tenantId: auth.tenantId });
  const loadPackage = async (owner: Owner, id: string) => {
    const r = isId(id) ? await getPackage<LearningPackage>(deps.data.platform, owner, id) : null;
    if (!r) throw notFound('package');
    return r;
  };
  /** A read-only package: for a company, what its plan allows (catalog, vendor's); for a vendor, the catalog's. */
  const loadReadable = async (auth: AuthClaims, id: string) => {
    if (auth.role === 'vendor_admin') return loadPackage({ kind: 'catalog' }, id);
    const r = await entitledPackage(deps, auth.tenantId, id);
    if (!r) throw notFound('package');
    return r;
  };
  /**
   * What an author's package becomes when saved: a company's quiz templates turn into its own
   * published assessments at once; a vendor's stay templates, each naming its bank for the readers.
   */
  const prepare = async (auth: AuthClaims, pkg: LearningPackage, prefix?: string): Promise<LearningPackage> => {
    await checkAudience(deps, auth, pkg.audience, prefix ? `${prefix}.audience` : 'audience');
    const scormProblems = await scormModuleProblems(deps, auth, pkg);
    if (scormProblems.length) throw new ApiError(400, 'validation_error', 'validation_error.unknown_scorm', scormProblems);
    const owner = authorOwner(auth);
    if (owner.kind !== 'vendor') {
      const db = deps.data.clientFor(auth);
      const quizProblems = await quizModuleProblems(db, pkg);
      if (quizProblems.length) throw new ApiError(400, 'validation_error', 'validation_error.unknown_assessment', quizProblems);
      return materializeQuizzes(deps, db, pkg);
    }
    const problems = await vendorPackageProblems(pkg, owner.vendorId, async (o, bankId) =>
      isId(bankId) ? (await getBank(deps.data.platform, o, bankId)) !== null : false,
    );
    if (problems.length) throw new ApiError(400, 'validation_error', 'validation_error.package_problems', problems);
    await checkVendorTemplates(deps, owner.vendorId, pkg);
    return pkg;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/packages',
      roles: AUTHORS,
      tags: ['packages'],
      summary: 'Level-based packages: the caller’s own, and read-only the catalog and the vendor’s the plan includes',
      responses: { 200: json(packageListSchema, 'Packages by level'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const own = await listPackages<LearningPackage>(deps.data.platform, authorOwner(auth));
      // A company sees the read-only packages its plan includes; a vendor sees the catalog it builds on.
      const catalog =
        auth.role === 'vendor_admin'
          ? await listPackages<LearningPackage>(deps.data.platform, { kind: 'catalog' })
          : await entitledCatalog(deps, auth.tenantId);
      const order = (l: string) => LEVELS.indexOf(l as (typeof LEVELS)[number]);
      const items = [...own, ...catalog]
        .map(packageSummary)
        .sort((a, b) => order(a.level) - order(b.level) || a.owner.localeCompare(b.owner));
      return c.json({ items }, 200);
    },
  );

  for (const catalog of [false, true]) {
    app.openapi(
      defineRoute({
        method: 'get',
        path: catalog ? '/api/catalog/packages/{id}' : '/api/packages/{id}',
        roles: AUTHORS,
        tags: ['packages'],
        summary: catalog ? 'A platform catalog package (read-only; clone it to customise)' : 'A company package',
        request: { params: pkgParams },
        responses: {
          200: json(packageDetailSchema, 'The package'),
          ...ERROR_RESPONSES,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const auth = c.get('auth');
        const r = catalog ? await loadReadable(auth, id) : await loadPackage(authorOwner(auth), id);
        return c.json({ ...packageSummary(r), package: r.package }, 200);
      },
    );
  }

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/packages',
      bodyLimit: BODY_LIMITS.document,
      roles: AUTHORS,
      tags: ['packages'],
      summary: 'Create a package (quiz modules with a template get a published assessment at once)',
      request: { body: jsonBody(learningPackageSchema) },
      responses: { 201: json(packageDetailSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const pkg = await prepare(auth, parsePackage(c.req.valid('json')));
      const now = deps.now().toISOString();
      const r = await putNewPackage(deps.data.platform, authorOwner(auth), {
        id: randomId(),
        package: pkg,
        clonedFrom: null,
        createdAt: now,
        updatedAt: now,
        rev: 1,
      });
      return c.json({ ...packageSummary(r), package: r.package }, 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/catalog/packages/{id}/clone',
      roles: HR,
      tags: ['packages'],
      summary: 'Copy a catalog package into the company to customise and assign it',
      request: { params: pkgParams },
      responses: { 201: json(packageDetailSchema, 'The company’s copy'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const source = await loadReadable(auth, c.req.valid('param').id);
      const pkg = await materializeQuizzes(deps, deps.data.clientFor(auth), await withinPlan(deps, auth.tenantId, source.package));
      const now = deps.now().toISOString();
      const r = await putNewPackage(deps.data.platform, tenant(auth), {
        id: randomId(),
        package: pkg,
        clonedFrom: source.id,
        createdAt: now,
        updatedAt: now,
        rev: 1,
      });
      return c.json({ ...packageSummary(r), package: r.package }, 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/packages/{id}',
      bodyLimit: BODY_LIMITS.document,
      roles: AUTHORS,
      tags: ['packages'],
      summary: 'Change a company package (guarded by expectedRev)',
      request: { params: pkgParams, body: jsonBody(packageSaveBodySchema) },
      responses: {
        200: json(packageDetailSchema, 'Saved'),
        409: json(errorSchema, 'stale: the package was changed meanwhile (expectedRev is not its revision)'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const current = await loadPackage(authorOwner(auth), c.req.valid('param').id);
      const body = c.req.valid('json');
      if (body.expectedRev !== current.rev) throw new ApiError(409, 'stale');
      const pkg = await prepare(auth, parsePackage(body.package, 'package'), 'package');
      const saved = await savePackage(deps.data.platform, authorOwner(auth), current, pkg, deps.now().toISOString());
      return c.json({ ...packageSummary(saved), package: saved.package }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/packages/{id}/assignments',
      roles: HR,
      tags: ['packages'],
      summary: 'Assign a package to people, a department or a level, with a due date (assigning twice changes nothing)',
      request: {
        params: pkgParams,
        body: jsonBody(
          z.object({
            userIds: z.array(z.string().max(40)).max(1000).optional(),
            departmentId: z.string().max(40).optional(),
            level: z.enum(LEVELS).optional(),
            dueDate: isoDateSchema,
          }),
        ),
      },
      responses: {
        200: json(z.object({ created: z.number().int(), existing: z.number().int(), users: z.number().int() }), 'Assigned'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const pkg = await loadPackage(tenant(auth), c.req.valid('param').id);
      const body = c.req.valid('json');
      if (!body.userIds && !body.departmentId && !body.level) {
        throw new ApiError(400, 'validation_error', 'validation_error.assign_target', [
          { path: 'userIds', message: 'field.choose_assignees' },
        ]);
      }
      const targets: UserRecord[] = [];
      for (const id of body.userIds ?? []) {
        const u = isId(id) ? await getUser(db, id) : null;
        if (!u) throw notFound('user');
        targets.push(u);
      }
      if (body.departmentId || body.level) {
        if (body.departmentId && !isId(body.departmentId)) throw notFound('department');
        let cursor: string | undefined;
        do {
          const page = await listUsers(db, { departmentId: body.departmentId, level: body.level, limit: 200, cursor });
          targets.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      const unique = [...new Map(targets.filter((u) => u.status !== 'deactivated').map((u) => [u.id, u])).values()];
      const via = body.userIds ? 'user' : body.departmentId ? 'department' : 'level';
      const now = deps.now().toISOString();
      let created = 0;
      // Each person's assignment and notice; a few at a time, so a whole department fits the request's time.
      await pool(unique, 8, async (u) => {
        const outcome = await assignPackage(
          db,
          {
            userId: u.id,
            packageId: pkg.id,
            dueDate: body.dueDate,
            assignedAt: now,
            assignedBy: auth.userId,
            via,
            completions: {},
            departmentId: u.departmentId,
            level: u.level,
          },
          newAssignmentState(body.dueDate, deps.now()),
        );
        if (outcome === 'created') created += 1;
        // An existing assignment is told about with its stored due date, only if it never was
        // (a retry after a failure between the two writes); the claim keeps it to one message.
        const dueDate = outcome === 'created' ? body.dueDate : (await getAssignment(db, u.id, pkg.id))?.dueDate;
        if (dueDate)
          await notify(deps, db, {
            kind: 'assignment_assigned',
            learnerId: u.id,
            actorId: auth.userId,
            packageId: pkg.id,
            packageTitle: pkg.package.title,
            dueDate,
          });
      });
      return c.json({ created, existing: unique.length - created, users: unique.length }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/packages/{id}/assignments',
      roles: HR,
      tags: ['packages'],
      summary: 'Who has the package and how far they are',
      request: { params: pkgParams },
      responses: {
        200: json(packageAssigneesSchema, 'Assignments'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const pkg = await loadPackage(tenant(auth), c.req.valid('param').id);
      const assignments = await listAssignmentsOfPackage(db, pkg.id);
      const items = await Promise.all(
        assignments.map(async (a) => {
          const user = await getUser(db, a.userId);
          const view = await presentAssignment(deps, db, a, pkg.package);
          return {
            user: user ? { id: user.id, name: user.name, departmentId: user.departmentId, level: user.level } : null,
            dueDate: a.dueDate,
            via: a.via,
            progress: view.progress,
          };
        }),
      );
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/assignments',
      roles: MEMBERS,
      tags: ['packages'],
      summary: 'My assigned packages with progress per module, earliest due first',
      responses: { 200: json(myAssignmentListSchema, 'Assignments'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const assignments = await listAssignmentsOfUser(db, auth.userId);
      const items = await Promise.all(
        assignments.map(async (a) =>
          presentMyAssignment(
            deps,
            db,
            a,
            (await getPackage<LearningPackage>(deps.data.platform, tenant(auth), a.packageId))?.package ?? null,
          ),
        ),
      );
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/assignments/{packageId}/modules/{moduleId}/complete',
      roles: MEMBERS,
      tags: ['packages'],
      summary: 'Mark a lesson as done, where its author chose self-declared completion (any other rule: 409 naming it)',
      request: { params: moduleParams },
      responses: {
        200: json(myAssignmentSchema, 'Updated'),
        409: conflictResponse('The module completes by another rule (its code names it: completed_by_read_to_end, wrong_module_kind, …)'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { packageId, moduleId } = c.req.valid('param');
      return c.json(await completeByLearner(deps, deps.data.clientFor(auth), auth.userId, packageId, moduleId, 'self'), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users/{id}/assignments/{packageId}/modules/{moduleId}/signoff',
      roles: RATERS,
      tags: ['packages'],
      summary: 'Sign off an OJT task or record attendance of a training session (manager of the department, or HR)',
      request: { params: userModuleParams },
      responses: {
        200: json(assignmentViewSchema, 'Updated'),
        409: conflictResponse('wrong_module_kind: the module is no OJT task or session'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { id, packageId, moduleId } = c.req.valid('param');
      const user = await personInReach(deps.data.clientFor(auth), auth, id, false);
      if (user.id === auth.userId) throw new ApiError(403, 'forbidden', 'forbidden.own_ojt');
      const signed = await complete(auth, user.id, packageId, moduleId, ['ojt', 'session']);
      const pkg = await loadPackage(tenant(auth), packageId);
      const module = pkg.package.modules.find((m) => m.id === moduleId);
      if (module?.kind === 'ojt') {
        const db = deps.data.clientFor(auth);
        await notify(deps, db, {
          kind: 'ojt_signed_off',
          learnerId: user.id,
          actorId: auth.userId,
          actorName: await actorName(db, auth.userId),
          packageId,
          packageTitle: pkg.package.title,
          moduleId,
          moduleTitle: module.title,
        });
      }
      return c.json(signed, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users/{id}/assignments',
      roles: RATERS,
      tags: ['packages'],
      summary: 'A person’s assignments with progress (HR; the manager of their department, for sign-offs)',
      request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: json(assignmentListSchema, 'Assignments'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const user = await personInReach(db, auth, c.req.valid('param').id, false);
      const assignments = await listAssignmentsOfUser(db, user.id);
      const items = await Promise.all(
        assignments.map(async (a) =>
          presentAssignment(
            deps,
            db,
            a,
            (await getPackage<LearningPackage>(deps.data.platform, tenant(auth), a.packageId))?.package ?? null,
          ),
        ),
      );
      return c.json({ items }, 200);
    },
  );

  const complete = async (auth: AuthClaims, userId: string, packageId: string, moduleId: string, kinds: string[]) => {
    const db = deps.data.clientFor(auth);
    const assignment = isId(packageId) ? await getAssignment(db, userId, packageId) : null;
    if (!assignment) throw notFound('assignment');
    const pkg = await loadPackage(tenant(auth), packageId);
    const module = pkg.package.modules.find((m) => m.id === moduleId);
    if (!module) throw notFound('module');
    if (!kinds.includes(module.kind)) {
      throw new ApiError(409, 'wrong_module_kind', module.kind === 'quiz' ? 'wrong_module_kind.quiz' : 'wrong_module_kind.sign_off');
    }
    await completeModule(db, userId, packageId, moduleId, { at: deps.now().toISOString(), by: auth.userId });
    await refreshAssignmentState(deps, db, userId, packageId);
    return presentAssignment(deps, db, (await getAssignment(db, userId, packageId))!, pkg.package);
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/learning/settings',
      roles: HR,
      tags: ['packages'],
      summary: 'Learning settings: weekly time budget, automatic assignment per level, auto-add recommendations',
      responses: { 200: json(settingsSchema, 'Settings'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await getLearningSettings(deps.data.clientFor(c.get('auth'))), 200),
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/learning/settings',
      roles: HR,
      tags: ['packages'],
      summary: 'Change the learning settings',
      request: { body: jsonBody(settingsSchema) },
      responses: { 200: json(settingsSchema, 'Saved'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const settings = c.req.valid('json');
      for (const [level, id] of Object.entries(settings.autoAssign)) {
        if (id && !(isId(id) && (await getPackage(deps.data.platform, tenant(auth), id)))) {
          throw validationError(
            new z.ZodError([{ code: 'custom', path: ['autoAssign', level], message: 'Not a package of this company', input: id }]),
          );
        }
      }
      await putLearningSettings(deps.data.clientFor(auth), settings, deps.now().toISOString());
      return c.json(settings, 200);
    },
  );
}
