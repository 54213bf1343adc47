import { randomBytes } from 'node:crypto';
import { randomId } from '@manabi/core';
import type { TestServer } from '../support/server.js';
import { Client, uniqueEmail } from '../support/client.js';
import { activePerson } from '../support/accounts.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';
import { fixedAssessment, singleChoice } from '../support/content.js';
import { FIXTURES, uploadFile } from '../support/files.js';

/**
 * The population the isolation matrix runs against: two vendors, three client companies (A and B
 * under vendor 1, C under vendor 2), each company with real people and real content, and the
 * platform admin. Every name carries a random tag, so a name found in an answer can only have come
 * from that company's data.
 */

export type Role = 'platform_admin' | 'vendor_admin' | 'tenant_admin' | 'manager' | 'learner';

/** What a path parameter, a query value or a body field can name. */
export type Kind =
  | 'tenant'
  | 'vendor'
  | 'user'
  | 'department'
  | 'bank'
  | 'question'
  | 'assessment'
  | 'attempt'
  | 'goal'
  | 'package'
  | 'checkin'
  | 'inbox'
  | 'file'
  | 'importJob'
  | 'email'
  | 'scimToken';

/** One scope's ids (a company's, or a vendor's content) and the strings only its data contains. */
export interface World {
  label: string;
  ids: Record<Kind, string>;
  /** Names and ids a vendor (and the platform) may see of a company: its id, name, first HR admin. */
  accountMarkers: string[];
  /** Everything else only the company's own people may see. */
  privateMarkers: string[];
  /** Whole documents some routes take back (a company's skill framework, its certificate template). */
  documents: { framework: unknown; certificateTemplate: unknown };
}

export interface Actor {
  name: string;
  role: Role | 'anonymous';
  client: Client;
  /** The worlds whose ids this actor sends (ids of data it must never reach). */
  foreign: World[];
  /** The strings that must never appear in an answer to this actor. */
  forbidden: string[];
  /** Ids of the actor's own scope, for the probes that check a declared role is let in. */
  own: World | null;
}

export interface Company {
  world: World;
  tenantId: string;
  vendorId: string;
  hr: Client;
  learner: Client;
  manager: Client;
  learnerId: string;
  managerId: string;
  spareDepartmentId: string;
}

const tag = () => randomBytes(4).toString('hex');
const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);
const plan = { seatLimit: null, features: { adaptive: true, reportsExport: true } };

function must<T = any>(res: { status: number; body: T }, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A client company of `vendor`, with people and one of every kind of thing the routes name. */
export async function company(server: TestServer, vendor: { id: string; client: Client }, label: string): Promise<Company> {
  const t = tag();
  const name = `株式会社${label}-${t}`;
  const hrName = `${label}人事-${t}`;
  const hrEmail = uniqueEmail(`hr-${label.toLowerCase()}`);
  const created = must(await vendor.client.post('/api/vendor/tenants', { name, adminName: hrName, adminEmail: hrEmail, plan }), 201, name);
  const tenantId: string = created.tenant.id;
  const hrId: string = created.adminUserId;
  const hr = await clientAs(server, hrId, tenantId, vendor.id, 'tenant_admin');

  const dept = must(await hr.post('/api/departments', { name: `${label}部-${t}` }), 201, 'department');
  const spareDept = must(await hr.post('/api/departments', { name: `${label}予備部-${t}` }), 201, 'department');
  const person = (role: 'learner' | 'manager', who: string) =>
    activePerson(hr, role, { name: `${label}${who}-${t}`, departmentId: dept.id, level: 'junior' });
  const [learnerP, managerP] = await Promise.all([person('learner', '受講者'), person('manager', '上長')]);
  const spare = must(
    await hr.post('/api/users', { name: `${label}予備-${t}`, email: uniqueEmail('spare'), departmentId: spareDept.id, sendInvite: false }),
    201,
    'spare user',
  );
  const learner = await clientAs(server, learnerP.id, tenantId, vendor.id, 'learner');
  const manager = await clientAs(server, managerP.id, tenantId, vendor.id, 'manager');

  const bank = must(await hr.post('/api/banks', { name: `${label}バンク-${t}` }), 201, 'bank');
  const skill = '論理的思考';
  const questions: string[] = [];
  for (let i = 0; i < 2; i++) {
    const q = singleChoice(skill, i);
    q.stem = { ja: `${label}設問${i}-${t}`, en: `${label} question ${i} ${t}` };
    questions.push(must(await hr.post(`/api/banks/${bank.id}/questions`, q), 201, 'question').id);
  }
  const assessment = must(
    await hr.post('/api/assessments', fixedAssessment(bank.id, [{ skill, count: 2 }], { title: { ja: `${label}テスト-${t}` } })),
    201,
    'assessment',
  );
  must(await hr.post(`/api/assessments/${assessment.id}/publish`), 200, 'publish');
  const attempt = must(await learner.post(`/api/assessments/${assessment.id}/attempts`), 201, 'attempt');

  const pkg = must(
    await hr.post('/api/packages', {
      title: { ja: `${label}研修-${t}` },
      description: { ja: `${label}研修の説明-${t}` },
      level: 'junior',
      modules: [
        { id: 'l1', kind: 'lesson', title: { ja: `${label}教材-${t}` }, estimatedMinutes: 10, skillTags: [], body: { ja: '本文' } },
      ],
    }),
    201,
    'package',
  );
  must(await hr.post(`/api/packages/${pkg.id}/assignments`, { userIds: [learnerP.id], dueDate: inDays(30) }), 200, 'assignment');
  const goal = must(
    await learner.post('/api/goals', {
      title: `${label}目標-${t}`,
      description: '毎週1本の提案書をピラミッド構造で書き、上長のレビューを受ける',
      metric: { kind: 'proficiency', skillId: 'logical-thinking', target: 3 },
      skillId: 'logical-thinking',
      reason: '顧客提案の通過率を上げるため',
      dueDate: inDays(60),
    }),
    201,
    'goal',
  );
  must(await hr.put(`/api/users/${learnerP.id}/mentor`, { mentorId: managerP.id }), 200, 'mentor');
  const checkins = must(await hr.post(`/api/users/${learnerP.id}/checkins`, { firstDate: inDays(1) }), 201, 'checkin');
  const inbox = must(await learner.get('/api/me/inbox'), 200, 'inbox');
  const file = await uploadFile(hr, `${label}資料-${t}.pdf`, FIXTURES.pdf);
  if (file.status !== 200) throw new Error(`file: ${file.status} ${JSON.stringify(file.body)}`);
  const job = await hr.upload(
    '/api/import-jobs/users',
    new TextEncoder().encode(`name,email\n${label}取込-${t},${uniqueEmail('imported')}\n`),
  );
  if (job.status !== 202) throw new Error(`import job: ${job.status} ${JSON.stringify(job.body)}`);

  const scimToken = must(await hr.post('/api/scim-tokens', { name: `${label}SCIM-${t}` }), 201, 'scim token');
  const documents = {
    framework: must(await hr.get('/api/skills/framework'), 200, 'framework').framework,
    certificateTemplate: must(await hr.get('/api/certificate-template'), 200, 'certificate template').template,
  };
  const ids: Record<Kind, string> = {
    tenant: tenantId,
    vendor: vendor.id,
    user: learnerP.id,
    department: dept.id,
    bank: bank.id,
    question: questions[0]!,
    assessment: assessment.id,
    attempt: attempt.id,
    goal: goal.id,
    package: pkg.id,
    checkin: checkins.items[0].id,
    inbox: inbox.items[0]?.id ?? randomId(),
    file: file.body.id ?? file.body.file?.id,
    importJob: job.body.id ?? job.body.job?.id,
    email: learnerP.email,
    scimToken: scimToken.token.id,
  };
  const world: World = {
    label,
    ids,
    documents,
    accountMarkers: [tenantId, name, hrName, hrEmail, hrId],
    privateMarkers: [
      ...Object.entries(ids)
        .filter(([k]) => !['tenant', 'vendor'].includes(k))
        .map(([, v]) => v),
      managerP.id,
      spare.id,
      managerP.email,
      spareDept.id,
      questions[1]!,
      `${label}受講者-${t}`,
      `${label}上長-${t}`,
      `${label}予備-${t}`,
      `${label}部-${t}`,
      `${label}予備部-${t}`,
      `${label}SCIM-${t}`,
      `${label}バンク-${t}`,
      `${label}設問0-${t}`,
      `${label}テスト-${t}`,
      `${label}研修-${t}`,
      `${label}目標-${t}`,
      `${label}資料-${t}`,
      `${label}取込-${t}`,
    ],
  };
  return {
    world,
    tenantId,
    vendorId: vendor.id,
    hr,
    learner,
    manager,
    learnerId: learnerP.id,
    managerId: managerP.id,
    spareDepartmentId: spareDept.id,
  };
}

/** A vendor's own content (a bank with a question, a package): its client companies may read it. */
async function vendorContent(
  vendor: { id: string; client: Client },
  label: string,
  someTenant: string,
  documents: World['documents'],
): Promise<World> {
  const t = tag();
  const bank = must(await vendor.client.post('/api/banks', { name: `${label}販売店バンク-${t}` }), 201, 'vendor bank');
  const q = singleChoice('営業', 0);
  q.stem = { ja: `${label}販売店設問-${t}`, en: `${label} vendor question ${t}` };
  const question = must(await vendor.client.post(`/api/banks/${bank.id}/questions`, q), 201, 'vendor question');
  const pkg = must(
    await vendor.client.post('/api/packages', {
      title: { ja: `${label}販売店研修-${t}` },
      description: { ja: '販売店の研修' },
      level: 'junior',
      modules: [{ id: 'l1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 10, skillTags: [], body: { ja: '本文' } }],
    }),
    201,
    'vendor package',
  );
  const none = () => randomId();
  return {
    label: `${label}-content`,
    documents,
    ids: {
      tenant: someTenant,
      vendor: vendor.id,
      user: none(),
      department: none(),
      bank: bank.id,
      question: question.id,
      assessment: none(),
      attempt: none(),
      goal: none(),
      package: pkg.id,
      checkin: none(),
      inbox: none(),
      file: none(),
      importJob: none(),
      email: uniqueEmail('nobody'),
      scimToken: none(),
    },
    accountMarkers: [vendor.id],
    privateMarkers: [bank.id, question.id, pkg.id, `${label}販売店バンク-${t}`, `${label}販売店設問-${t}`, `${label}販売店研修-${t}`],
  };
}

export interface Population {
  actors: Actor[];
  companies: Record<'A' | 'B' | 'C', Company>;
  /** Read-backs of foreign data taken before the probes, compared after (nothing may have changed). */
  snapshot: () => Promise<Record<string, unknown>>;
}

export async function buildPopulation(server: TestServer): Promise<Population> {
  const platform = await platformAdmin(server);
  const [v1, v2, spareVendor] = await Promise.all([
    createVendor(server, platform, `販売店1-${tag()}`),
    createVendor(server, platform, `販売店2-${tag()}`),
    createVendor(server, platform, `予備販売店-${tag()}`),
  ]);
  // Vendor 1 lets its companies brand themselves (vendor 2 does not): both answers of the tenant branding routes are met.
  must(
    await v1.client.put('/api/vendor/branding', {
      productName: '販売店1',
      primaryColor: '#123456',
      signInText: null,
      supportEmail: null,
      emailSenderName: null,
      domains: [],
      selfSignup: false,
      allowTenantBranding: true,
    }),
    200,
    'vendor branding',
  );
  const [A, B, C] = await Promise.all([company(server, v1, 'A'), company(server, v1, 'B'), company(server, v2, 'C')]);
  // Companies only the vendors' own-scope probes touch (suspend, change the plan), so no actor's company changes.
  const spareOf = async (v: { id: string; client: Client }, label: string) => {
    const created = must(
      await v.client.post('/api/vendor/tenants', {
        name: `予備${label}-${tag()}`,
        adminName: '予備 人事',
        adminEmail: uniqueEmail('spare-hr'),
        plan,
      }),
      201,
      'spare company',
    );
    // It lets its vendor's support look in, so the support routes have something of the vendor's own to show.
    const hr = await clientAs(server, created.adminUserId, created.tenant.id, v.id, 'tenant_admin');
    must(await hr.post('/api/support-access', { hours: 24 }), 201, 'support access');
    return { tenantId: created.tenant.id as string, adminId: created.adminUserId as string };
  };
  const [spare1, spare2] = await Promise.all([spareOf(v1, '1'), spareOf(v2, '2')]);
  // A vendor has no skill framework or certificate template of its own: its world carries a company's
  // (every company starts with the same defaults), so the routes that take them get valid bodies.
  const [V1, V2] = await Promise.all([
    vendorContent(v1, 'V1', spare1.tenantId, C.world.documents),
    vendorContent(v2, 'V2', spare2.tenantId, A.world.documents),
  ]);

  const markers = (...worlds: World[]) => worlds.flatMap((w) => [...w.accountMarkers, ...w.privateMarkers]);
  const privateOf = (...worlds: World[]) => worlds.flatMap((w) => w.privateMarkers);
  /** The actor's own company world, with the user it may act on as that role. */
  const ownAs = (c: Company, user: string, department = c.world.ids.department): World => ({
    ...c.world,
    ids: { ...c.world.ids, user, department },
  });
  const spareUser = async (c: Company) =>
    must(await c.hr.post('/api/users', { name: '予備 太郎', email: uniqueEmail('own'), sendInvite: false }), 201, 'own spare user')
      .id as string;

  const companyActors = async (label: 'A' | 'B' | 'C', c: Company, foreign: World[]): Promise<Actor[]> => {
    const forbidden = markers(...foreign);
    const companies = foreign.filter((w) => !w.label.endsWith('-content'));
    return [
      // A vendor's content is HR's to read (learners meet it only through HR's copies): learners and
      // managers probe the other companies' ids, HR the vendor's content ids too.
      { name: `${label}.learner`, role: 'learner', client: c.learner, foreign: companies, forbidden, own: ownAs(c, c.learnerId) },
      { name: `${label}.manager`, role: 'manager', client: c.manager, foreign: companies, forbidden, own: ownAs(c, c.learnerId) },
      {
        name: `${label}.hr`,
        role: 'tenant_admin',
        client: c.hr,
        foreign,
        forbidden,
        own: ownAs(c, await spareUser(c), c.spareDepartmentId),
      },
    ];
  };
  // A vendor's own scope: the spare company it may suspend, and its own content.
  const vendorOwn = (v: World, spare: { tenantId: string; adminId: string }): World => ({
    ...v,
    ids: { ...v.ids, tenant: spare.tenantId, user: spare.adminId },
  });
  // Every vendor is the platform admin's to manage: its own-scope probes act on the spare vendor,
  // and a vendor it cannot reach is one that does not exist.
  const platformOwn: World = { ...V1, label: 'platform', ids: { ...V1.ids, vendor: spareVendor.id } };
  const asPlatform = (w: World): World => ({ ...w, ids: { ...w.ids, vendor: randomId() } });

  const actors: Actor[] = [
    {
      name: 'anonymous',
      role: 'anonymous',
      client: new Client(server.url),
      foreign: [A.world, C.world],
      forbidden: markers(A.world, B.world, C.world, V1, V2),
      own: null,
    },
    ...(await companyActors('A', A, [B.world, C.world, V2])),
    ...(await companyActors('B', B, [A.world, C.world, V2])),
    ...(await companyActors('C', C, [A.world, B.world, V1])),
    {
      name: 'vendor1',
      role: 'vendor_admin',
      client: v1.client,
      foreign: [C.world, V2],
      forbidden: [...markers(C.world, V2), ...privateOf(A.world, B.world)],
      own: vendorOwn(V1, spare1),
    },
    {
      name: 'vendor2',
      role: 'vendor_admin',
      client: v2.client,
      foreign: [A.world, V1],
      forbidden: [...markers(A.world, B.world, V1), ...privateOf(C.world)],
      own: vendorOwn(V2, spare2),
    },
    {
      name: 'platform',
      role: 'platform_admin',
      client: platform,
      foreign: [asPlatform(A.world), asPlatform(C.world)],
      forbidden: privateOf(A.world, B.world, C.world, V1, V2),
      own: platformOwn,
    },
  ];

  /**
   * What a foreign probe would change if it got through: the fixture things, by the fields a write
   * sets. Fields the company's own id-free probes legitimately move (its own new departments, a
   * goal's progress after its learner's rating, seat counts, signed URLs) are left out.
   */
  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    const pick = (o: any, fields: string[]) => (o ? Object.fromEntries(fields.map((f) => [f, o[f]])) : o);
    for (const [label, c] of Object.entries({ A, B, C })) {
      const w = c.world.ids;
      const body = async (path: string, client = c.hr) => (await client.get(path)).body;
      const departments = (await body('/api/departments')).items as { id: string; name: string }[];
      out[label] = {
        user: pick(await body(`/api/users/${w.user}`), ['name', 'email', 'role', 'status', 'departmentId', 'level']),
        departments: departments.filter((d) => [w.department, c.spareDepartmentId].includes(d.id)),
        question: pick(await body(`/api/questions/${w.question}`), ['version', 'status', 'content']),
        assessment: pick(await body(`/api/assessments/${w.assessment}`), ['status', 'title', 'bankIds', 'version']),
        package: pick(await body(`/api/packages/${w.package}`), ['rev', 'package']),
        goals: ((await body(`/api/goals?userId=${w.user}`)).items as any[]).map((g) => pick(g, ['id', 'status', 'title', 'userId'])),
        checkins: ((await body(`/api/users/${w.user}/checkins`)).items as any[]).map((x) => pick(x, ['id', 'status', 'dueDate'])),
        files: ((await body('/api/files')).items as any[]).map((f) => pick(f, ['id', 'name', 'status'])),
        mentor: await body(`/api/users/${w.user}/mentor`),
        assignments: await body(`/api/packages/${w.package}/assignments`),
        attempt: pick(await body(`/api/attempts/${w.attempt}`, c.learner), ['id', 'status']),
      };
    }
    for (const [label, v] of Object.entries({ vendor1: v1, vendor2: v2 }))
      out[label] = ((await v.client.get('/api/vendor/tenants')).body.items as any[]).map((t) => pick(t, ['id', 'name', 'status', 'plan']));
    return out;
  };

  return { actors, companies: { A, B, C }, snapshot };
}
