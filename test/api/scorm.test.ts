import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { listProficiencyEntries, objectKeys } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, uniqueEmail, type SignedUpCompany, type Client } from '../support/client.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';
import {
  commit,
  completeZipUpload,
  contentHost,
  openPlayer,
  putToSignedUrl,
  requestAs,
  startZipUpload,
  uploadZip,
  zipFixture,
} from '../support/scorm.js';

// The server clock: moved forward to expire launch and session tokens.
let offsetMs = 0;
let server: TestServer;
let hr: SignedUpCompany;
let objectsDir: string;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(Date.now() + offsetMs), config: { scormLimits: { maxFiles: 50 } } });
  hr = await signUpCompany(server.url, '株式会社スコーム');
  objectsDir = (server.deps.objects as unknown as { root?: string }).root ?? '';
});
afterAll(() => server.stop());

async function learnerOf(company: SignedUpCompany, name = '学習 花子'): Promise<{ client: Client; id: string }> {
  const created = await company.client.post('/api/users', { name, email: uniqueEmail('learner'), role: 'learner', level: 'new_hire' });
  expect(created.status).toBe(201);
  return { id: created.body.id, client: await clientAs(server, created.body.id, company.tenantId, null, 'learner') };
}

const scormPackage = (scormPackageId: string, completion: 'completed' | 'passed', skillTags: string[] = []) => ({
  title: { ja: 'eラーニング研修' },
  description: { ja: 'SCORM 教材で学ぶ' },
  level: 'new_hire',
  modules: [
    {
      id: 'elearning',
      kind: 'scorm',
      title: { ja: '情報セキュリティ' },
      estimatedMinutes: 15,
      skillTags,
      scormPackageId,
      completion,
    },
    { id: 'reading', kind: 'lesson', title: { ja: '読み物' }, estimatedMinutes: 5, skillTags: [], body: { ja: '本文' } },
  ],
});

async function assignedScorm(company: SignedUpCompany, fixture: string, completion: 'completed' | 'passed', skillTags: string[] = []) {
  const uploaded = await uploadZip(company.client, zipFixture(fixture), `${fixture}.zip`);
  expect(uploaded.status).toBe(201);
  const pkg = await company.client.post('/api/packages', scormPackage(uploaded.body.id, completion, skillTags));
  expect(pkg.status).toBe(201);
  const learner = await learnerOf(company);
  expect(
    (await company.client.post(`/api/packages/${pkg.body.id}/assignments`, { userIds: [learner.id], dueDate: '2099-12-31' })).status,
  ).toBe(200);
  const launchPath = `/api/me/assignments/${pkg.body.id}/modules/elearning/scorm/launch`;
  return { scormId: uploaded.body.id as string, packageId: pkg.body.id as string, learner, launchPath };
}

const progressOf = async (learner: Client, packageId: string) =>
  (await learner.get('/api/me/assignments')).body.items.find((a: { packageId: string }) => a.packageId === packageId)?.progress ?? null;

describe('uploading SCORM packages', () => {
  it('reads a SCORM 1.2 and a SCORM 2004 4th edition package and lists them', async () => {
    const v12 = await uploadZip(hr.client, zipFixture('scorm12-quiz'), 'security.zip');
    expect(v12.status).toBe(201);
    expect(v12.body).toMatchObject({
      version: '1.2',
      schemaVersion: '1.2',
      title: '情報セキュリティの基本（SCORM 1.2）',
      launchTitle: 'パスワードの扱い',
      scoCount: 1,
      fileCount: 5,
      fileName: 'security.zip',
      owner: 'tenant',
    });
    const v2004 = await uploadZip(hr.client, zipFixture('scorm2004-course'));
    expect(v2004.body).toMatchObject({ version: '2004', schemaVersion: '2004 4th Edition', title: '報告・連絡・相談（SCORM 2004）' });
    const list = (await hr.client.get('/api/scorm-packages')).body.items.map((p: { id: string }) => p.id);
    expect(list).toEqual(expect.arrayContaining([v12.body.id, v2004.body.id]));
    expect((await hr.client.get(`/api/scorm-packages/${v12.body.id}`)).body.id).toBe(v12.body.id);
  });

  it.each([
    ['no manifest', () => zipFixture('broken-no-manifest'), 'scorm_no_manifest'],
    ['broken XML', () => zipFixture('broken-xml'), 'scorm_broken_manifest'],
    ['a missing launch file', () => zipFixture('broken-missing-launch'), 'scorm_missing_launch_file'],
    ['a zip-slip path', () => zipFixture('broken-zip-slip', { 'escape.html': '../../escape.html' }), 'scorm_unsafe_path'],
    ['no SCO', () => zipFixture('broken-no-sco'), 'scorm_no_sco'],
    ['not a zip', () => new TextEncoder().encode('just text'), 'scorm_not_a_zip'],
    [
      'too many files',
      () => zipSync(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}.txt`, new Uint8Array([i])]))),
      'scorm_too_many_files',
    ],
  ])('refuses a package with %s, storing nothing', async (_name, zip, code) => {
    const before = (await hr.client.get('/api/scorm-packages')).body.items.length;
    const filesBefore = await countFiles(objectsDir);
    const res = await uploadZip(hr.client, zip());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(0);
    expect((await hr.client.get('/api/scorm-packages')).body.items.length).toBe(before);
    expect(await countFiles(objectsDir)).toBe(filesBefore);
    // The staged zip is gone and the upload is over: completing it again finds nothing.
    expect(await stagedSize(hr, res.uploadId!)).toBeNull();
    expect((await completeZipUpload(hr.client, res.uploadId!)).status).toBe(404);
  });

  it('leaves nothing half-imported when storing fails midway: the stored files are deleted, no record is written', async () => {
    const objects = server.deps.objects;
    const put = objects.put.bind(objects);
    let puts = 0;
    // The object store fails on the third file (a full disk, an S3 outage).
    objects.put = async (key, object) => {
      if (++puts === 3) throw new Error('object store unavailable');
      return put(key, object);
    };
    const before = (await hr.client.get('/api/scorm-packages')).body.items.length;
    const filesBefore = await countFiles(objectsDir);
    let uploadId: string | undefined;
    try {
      const res = await uploadZip(hr.client, zipFixture('scorm12-quiz'));
      uploadId = res.uploadId;
      expect(res.status).toBe(500);
    } finally {
      objects.put = put;
    }
    // The staged zip was the first put; two package files followed before the failure.
    expect(puts).toBeGreaterThanOrEqual(3);
    expect((await hr.client.get('/api/scorm-packages')).body.items.length).toBe(before);
    expect(await countFiles(objectsDir)).toBe(filesBefore);
    expect(await stagedSize(hr, uploadId!)).toBeNull();
  });

  it('sends the zip straight to storage: the signed URL takes exactly the declared size, then complete imports it', async () => {
    const zip = zipFixture('scorm12-quiz');
    const started = await startZipUpload(hr.client, zip.length, 'direct.zip');
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ uploadId: expect.any(String), maxBytes: 250 * 1024 * 1024, upload: { method: 'PUT' } });
    // The upload URL is the object store's, not an API route that would carry the body through the API.
    expect(started.body.upload.url).not.toContain('/api/scorm-packages');
    const uploadId = started.body.uploadId as string;

    // Not sent yet: nothing to import, and the upload stays open.
    const early = await completeZipUpload(hr.client, uploadId);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('upload_missing');

    // A body longer or shorter than declared is refused by the storage URL and stores nothing.
    const longer = await putToSignedUrl(hr.client, started.body.upload, new Uint8Array([...zip, 0]));
    expect(longer.status).toBe(400);
    expect((await longer.json()).error.code).toBe('upload_size_mismatch');
    expect((await putToSignedUrl(hr.client, started.body.upload, zip.slice(0, zip.length - 1))).status).toBe(400);
    expect(await stagedSize(hr, uploadId)).toBeNull();

    expect((await putToSignedUrl(hr.client, started.body.upload, zip)).status).toBe(200);
    expect(await stagedSize(hr, uploadId)).toBe(zip.length);
    const done = await completeZipUpload(hr.client, uploadId);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ version: '1.2', fileName: 'direct.zip', fileCount: 5, owner: 'tenant' });
    expect(await stagedSize(hr, uploadId)).toBeNull();
  });

  it('refuses upfront a zip declared larger than the maximum, before any byte is sent', async () => {
    const res = await startZipUpload(hr.client, 250 * 1024 * 1024 + 1);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'scorm_zip_too_large', details: [{ path: 'size', message: '大きすぎます' }] });
    const invalid = await hr.client.post('/api/scorm-packages/uploads', { fileName: 'x.zip', size: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('validation_error');
  });

  it('completes an upload once: completing it again (even at the same time) answers the same package', async () => {
    const before = (await hr.client.get('/api/scorm-packages')).body.items.length;
    const first = await uploadZip(hr.client, zipFixture('scorm2004-course'), 'twice.zip');
    expect(first.status).toBe(201);
    const again = await completeZipUpload(hr.client, first.uploadId!);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    // Two completions racing: one imports, the other answers the same package or asks to wait.
    const zip = zipFixture('scorm12-quiz');
    const started = await startZipUpload(hr.client, zip.length, 'race.zip');
    expect((await putToSignedUrl(hr.client, started.body.upload, zip)).status).toBe(200);
    const raced = await Promise.all([
      completeZipUpload(hr.client, started.body.uploadId),
      completeZipUpload(hr.client, started.body.uploadId),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const r of raced) expect([200, 201, 409]).toContain(r.status);
    const imported = raced.find((r) => r.status === 201)!.body.id;
    for (const r of raced.filter((x) => x.status === 200)) expect(r.body.id).toBe(imported);
    const settled = await completeZipUpload(hr.client, started.body.uploadId);
    expect(settled.status).toBe(200);
    expect(settled.body.id).toBe(imported);

    const after = (await hr.client.get('/api/scorm-packages')).body.items;
    expect(after.length).toBe(before + 2);
    expect(after.filter((p: { fileName: string }) => p.fileName === 'race.zip')).toHaveLength(1);
  });

  it('answers 404 for another company’s upload id, leaving its upload untouched', async () => {
    const other = await signUpCompany(server.url, '株式会社よその会社');
    const zip = zipFixture('scorm12-quiz');
    const theirs = await startZipUpload(other.client, zip.length, 'theirs.zip');
    expect((await putToSignedUrl(other.client, theirs.body.upload, zip)).status).toBe(200);
    const foreign = await completeZipUpload(hr.client, theirs.body.uploadId);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect(await stagedSize(other, theirs.body.uploadId)).toBe(zip.length);
    const own = await completeZipUpload(other.client, theirs.body.uploadId);
    expect(own.status).toBe(201);
    expect((await hr.client.get(`/api/scorm-packages/${own.body.id}`)).status).toBe(404);
    expect((await completeZipUpload(hr.client, theirs.body.uploadId)).status).toBe(404);
  });

  it('keeps companies apart: another company’s package is 404 to read, use, delete or launch', async () => {
    const other = await signUpCompany(server.url, '株式会社よそ');
    const theirs = await uploadZip(other.client, zipFixture('scorm12-quiz'));
    expect((await hr.client.get(`/api/scorm-packages/${theirs.body.id}`)).status).toBe(404);
    expect((await hr.client.delete(`/api/scorm-packages/${theirs.body.id}`)).status).toBe(404);
    const using = await hr.client.post('/api/packages', scormPackage(theirs.body.id, 'completed'));
    expect(using.status).toBe(400);
    expect(using.body.error.details).toEqual([
      { path: 'modules.0.scormPackageId', message: 'アップロード済みの自社の SCORM 教材ではありません' },
    ]);
    expect((await hr.client.get('/api/scorm-packages')).body.items.map((p: { id: string }) => p.id)).not.toContain(theirs.body.id);
    // Learners cannot upload.
    const learner = await learnerOf(hr);
    expect((await uploadZip(learner.client, zipFixture('scorm12-quiz'))).status).toBe(403);
  });

  it('refuses to delete a package in use (409), deletes it and its files once unused', async () => {
    const { scormId, packageId } = await assignedScorm(hr, 'scorm12-quiz', 'completed');
    const inUse = await hr.client.delete(`/api/scorm-packages/${scormId}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('scorm_in_use');
    const pkg = (await hr.client.get(`/api/packages/${packageId}`)).body;
    const withoutScorm = { ...pkg.package, modules: pkg.package.modules.filter((m: { kind: string }) => m.kind !== 'scorm') };
    expect((await hr.client.put(`/api/packages/${packageId}`, { package: withoutScorm, expectedRev: pkg.rev })).status).toBe(200);
    const filesBefore = await countFiles(objectsDir);
    expect((await hr.client.delete(`/api/scorm-packages/${scormId}`)).status).toBe(204);
    expect((await hr.client.get(`/api/scorm-packages/${scormId}`)).status).toBe(404);
    expect(await countFiles(objectsDir)).toBe(filesBefore - 5);
  });

  it('lets a vendor upload packages its client companies use in their copies', async () => {
    const platform = await platformAdmin(server);
    const vendor = await createVendor(server, platform, 'スコーム販売');
    const uploaded = await uploadZip(vendor.client, zipFixture('scorm2004-course'));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ owner: 'vendor', ref: `vendor:${uploaded.body.id}` });
    const pkg = await vendor.client.post('/api/packages', scormPackage(uploaded.body.id, 'passed'));
    expect(pkg.status).toBe(201);
    expect(pkg.body.package.modules[0].scormPackageId).toBe(`vendor:${uploaded.body.id}`);
    // Another vendor (and a company without that vendor) cannot see it.
    const stranger = await createVendor(server, platform, '別の販売店');
    expect((await stranger.client.get(`/api/scorm-packages/${uploaded.body.id}`)).status).toBe(404);
    expect((await hr.client.get(`/api/scorm-packages/vendor:${uploaded.body.id}`)).status).toBe(404);
  });
});

describe('the content origin', () => {
  it('answers only SCORM content routes on the content host, and none of them on the app host', async () => {
    const host = contentHost(server);
    expect(host).toMatch(/^content\.localhost:\d+$/);
    expect((await requestAs(server, host, 'GET', '/api/health')).status).toBe(404);
    expect((await requestAs(server, host, 'POST', '/api/auth/refresh')).status).toBe(404);
    expect((await requestAs(server, host, 'GET', '/')).status).toBe(404);
    const runtime = await requestAs(server, host, 'GET', '/scorm/runtime.js');
    expect(runtime.status).toBe(200);
    expect(runtime.text).toContain('Scorm2004API');
    const onApp = await fetch(`${server.url}/scorm/runtime.js`);
    expect(onApp.status).toBe(404);
    expect((await fetch(`${server.url}/scorm/player?t=x`)).status).toBe(404);
  });
});

describe('playing a package', () => {
  it('launches, serves the files under the session, records a SCORM 1.2 result idempotently and completes the module', async () => {
    const { packageId, learner, launchPath } = await assignedScorm(hr, 'scorm12-quiz', 'passed');
    const launch = await learner.client.post(launchPath);
    expect(launch.status).toBe(200);
    expect(new URL(launch.body.url).host).toBe(contentHost(server));

    const { page, config } = await openPlayer(server, launch.body.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain(`frame-ancestors ${new URL(server.url).origin}`);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(config!.version).toBe('1.2');
    expect(config!.cmi).toMatchObject({
      core: { student_id: learner.id, student_name: '学習 花子', entry: 'ab-initio', lesson_status: 'not attempted' },
      student_data: { mastery_score: '80' },
    });
    // The SCO's launch URL keeps the item's parameters and xml:base; its files are served under the session token.
    expect(config!.scoUrl).toMatch(/^\/scorm\/s\/[^/]+\/content\/index\.html\?lang=ja$/);
    const sco = await requestAs(server, contentHost(server), 'GET', config!.scoUrl.replace(/\?.*$/, ''));
    expect(sco.status).toBe(200);
    expect(sco.headers['content-type']).toContain('text/html');
    expect(sco.text).toContain('パスワードの扱い');
    const script = await requestAs(server, contentHost(server), 'GET', config!.scoUrl.replace('index.html?lang=ja', 'sco.js'));
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(
      (await requestAs(server, contentHost(server), 'GET', config!.scoUrl.replace('index.html?lang=ja', '../imsmanifest.xml'))).status,
    ).toBe(200);
    expect(
      (await requestAs(server, contentHost(server), 'GET', config!.scoUrl.replace('content/index.html?lang=ja', '%2e%2e/%2e%2e/x'))).status,
    ).toBe(404);

    // Progress on the way: incomplete, suspended on the question.
    const first = await commit(server, config!.token, {
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.lesson_location': 'question',
      'cmi.core.exit': 'suspend',
      'cmi.core.session_time': '00:01:00',
      'cmi.suspend_data': 'page=question;answer=b',
      commitSequence: 1,
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ result: 'true', errorCode: 0, status: { completion: 'incomplete', moduleDone: false } });
    expect((await progressOf(learner.client, packageId)).modules[0]).toMatchObject({ done: false, rule: { rule: 'scorm_passed' } });

    // The result; then the same commit again (a retry) changes nothing, time included.
    const passed = {
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '100',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.lesson_location': 'result',
      'cmi.core.exit': 'suspend',
      'cmi.core.session_time': '00:02:30',
      'cmi.suspend_data': 'page=result;answer=b',
      commitSequence: 2,
    };
    expect((await commit(server, config!.token, passed)).json.status).toMatchObject({
      completion: 'completed',
      success: 'passed',
      scorePercent: 100,
      totalSeconds: 150,
      moduleDone: true,
    });
    expect((await commit(server, config!.token, passed)).json.status).toMatchObject({ totalSeconds: 150, moduleDone: true });
    // The last commit of a closing page comes by sendBeacon, as text/plain: read the same way.
    const beacon = await commit(server, config!.token, { ...passed, commitSequence: 3 }, 'text/plain;charset=UTF-8');
    expect(beacon.json).toMatchObject({ result: 'true', status: { totalSeconds: 150 } });
    // An older commit arriving late is ignored.
    expect((await commit(server, config!.token, { 'cmi.core.lesson_status': 'failed', commitSequence: 1 })).json.status.success).toBe(
      'passed',
    );

    const progress = await progressOf(learner.client, packageId);
    expect(progress.modules[0]).toMatchObject({ moduleId: 'elearning', done: true });
    expect(progress).toMatchObject({ done: 1, total: 2, status: 'in_progress' });
    const mine = (await learner.client.get(`/api/me/assignments/${packageId}/modules/elearning/scorm`)).body.registration;
    expect(mine).toMatchObject({
      completion: 'completed',
      success: 'passed',
      scorePercent: 100,
      totalSeconds: 150,
      sessions: 1,
      resumable: true,
    });

    // A second launch resumes: entry=resume with the suspend data and location, the total so far;
    // a worse result later does not undo the pass; time adds up across sessions.
    const again = await openPlayer(server, (await learner.client.post(launchPath)).body.url);
    expect(again.config!.cmi).toMatchObject({
      core: { entry: 'resume', lesson_location: 'result', lesson_status: 'passed', total_time: '0000:02:30' },
      suspend_data: 'page=result;answer=b',
    });
    const worse = await commit(server, again.config!.token, {
      'cmi.core.lesson_status': 'failed',
      'cmi.core.score.raw': '0',
      'cmi.core.session_time': '00:00:30',
      commitSequence: 1,
    });
    expect(worse.json.status).toMatchObject({ success: 'passed', scorePercent: 100, totalSeconds: 180, sessions: 2 });
    // Session tokens travel in paths (files, commits) but never reach the logs.
    expect(JSON.stringify(server.logs)).not.toContain(config!.token);
    // The first session's token is now stale: its commits are refused.
    expect((await commit(server, config!.token, { ...passed, commitSequence: 4 })).status).toBe(409);
  });

  it('records a SCORM 2004 result against a "passed" rule, and a score as skill evidence once', async () => {
    const { packageId, learner, launchPath } = await assignedScorm(hr, 'scorm2004-course', 'passed', ['ビジネス基礎']);
    const { config } = await openPlayer(server, (await learner.client.post(launchPath)).body.url);
    expect(config!.version).toBe('2004');
    expect(config!.scoUrl).toMatch(/\/pages\/course\.html\?start=1$/);
    expect(config!.cmi).toMatchObject({ learner_id: learner.id, entry: 'ab-initio', completion_status: 'not attempted' });

    // Completed but failed: a "passed" rule is not met.
    const failed = await commit(server, config!.token, {
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'failed',
      'cmi.score.scaled': '0.3',
      'cmi.location': '3',
      'cmi.suspend_data': '{"slide":3,"seen":[1,2,3],"answer":"background"}',
      'cmi.exit': 'suspend',
      'cmi.session_time': 'PT1M30S',
      commitSequence: 1,
    });
    expect(failed.json.status).toMatchObject({ completion: 'completed', success: 'failed', moduleDone: false, totalSeconds: 90 });
    expect((await progressOf(learner.client, packageId)).modules[0].done).toBe(false);

    const passed = await commit(server, config!.token, {
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.score.scaled': '0.9',
      'cmi.score.raw': '9',
      'cmi.location': '3',
      'cmi.suspend_data': '{"slide":3,"seen":[1,2,3],"answer":"conclusion"}',
      'cmi.exit': 'suspend',
      'cmi.session_time': 'PT2M',
      commitSequence: 2,
    });
    expect(passed.json.status).toMatchObject({ success: 'passed', scorePercent: 90, moduleDone: true, totalSeconds: 120 });
    expect((await progressOf(learner.client, packageId)).modules[0]).toMatchObject({ done: true, rule: { rule: 'scorm_passed' } });

    const skills = (await learner.client.get('/api/me/skills')).body.skills;
    expect(skills.find((s: { skillId: string }) => s.skillId === 'business-basics')).toMatchObject({ source: 'assessment', current: 5 });
    // Committing again writes no second piece of evidence.
    await commit(server, config!.token, { 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.95', commitSequence: 3 });
    const entries = await listProficiencyEntries(server.data.clientFor({ tenantId: hr.tenantId }), learner.id);
    expect(entries.filter((e) => e.ref?.startsWith('scorm:'))).toEqual([
      expect.objectContaining({ skillId: 'business-basics', source: 'assessment', percent: 90, ref: `scorm:${packageId}:elearning` }),
    ]);

    // Resume: location and suspend data come back with entry=resume.
    const again = await openPlayer(server, (await learner.client.post(launchPath)).body.url);
    expect(again.config!.cmi).toMatchObject({
      entry: 'resume',
      location: '3',
      suspend_data: '{"slide":3,"seen":[1,2,3],"answer":"conclusion"}',
      completion_status: 'completed',
      success_status: 'passed',
      total_time: 'PT0H2M0S',
    });
  });

  it('binds tokens to their person and session: another’s token, a forged one and expired ones are refused', async () => {
    const { packageId, learner, launchPath } = await assignedScorm(hr, 'scorm12-quiz', 'completed');
    // Someone not assigned cannot launch it; a foreign company's learner gets 404.
    const colleague = await learnerOf(hr, '同僚 次郎');
    expect((await colleague.client.post(launchPath)).status).toBe(404);
    const other = await signUpCompany(server.url, '株式会社ほか');
    const outsider = await learnerOf(other);
    expect((await outsider.client.post(launchPath)).status).toBe(404);
    // Not a SCORM module: 409; unknown module: 404.
    expect((await learner.client.post(`/api/me/assignments/${packageId}/modules/reading/scorm/launch`)).status).toBe(409);
    expect((await learner.client.post(`/api/me/assignments/${packageId}/modules/nope/scorm/launch`)).status).toBe(404);

    const { config } = await openPlayer(server, (await learner.client.post(launchPath)).body.url);
    // The colleague, holding the learner's session token, still only writes the learner's registration;
    // with their own access token (not a SCORM token) they are refused.
    expect((await commit(server, colleague.client.token!, { 'cmi.core.lesson_status': 'completed' })).status).toBe(401);
    expect((await commit(server, `${config!.token.slice(0, -4)}AAAA`, { 'cmi.core.lesson_status': 'completed' })).status).toBe(401);
    // A session token is no access token either.
    const asApi = await fetch(`${server.url}/api/me/assignments`, { headers: { authorization: `Bearer ${config!.token}` } });
    expect(asApi.status).toBe(401);
    expect(await progressOf(colleague.client, packageId)).toBeNull();

    // A launch URL expires after minutes; a session after hours.
    const late = (await learner.client.post(launchPath)).body.url;
    offsetMs = 6 * 60_000;
    try {
      const expired = await openPlayer(server, late);
      expect(expired.page.status).toBe(401);
      expect(expired.config).toBeNull();
      offsetMs = 9 * 3600_000;
      expect((await commit(server, config!.token, { 'cmi.core.lesson_status': 'completed', commitSequence: 1 })).status).toBe(401);
    } finally {
      offsetMs = 0;
    }
    expect((await progressOf(learner.client, packageId)).modules[0].done).toBe(false);
  });
});

/** The size of an upload's staged zip in the object store (null when there is none). */
const stagedSize = (company: SignedUpCompany, uploadId: string) =>
  server.deps.objects.size(objectKeys.scormStagedZip({ tenantId: company.tenantId }, uploadId));

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(join(d, entry.name));
      else if (!entry.name.endsWith('.type')) n++;
    }
  };
  await walk(join(dir, 'scorm'));
  return n;
}
