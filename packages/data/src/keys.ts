import { isId, type Level } from '@manabi/core';

/**
 * The one key builder. Every pk/sk/gsi key in the table is made here and nowhere else
 * (keys.guard.test.ts fails if another module writes a key literal).
 *
 * - Tenant data: every key starts with `T#<tenantId>#` (or is exactly `T#<tenantId>`).
 *   Tenant ids are fixed-length random ids, so no tenant's prefix matches another's.
 * - Platform data (sign-in lookup by email, one-time tokens, rate limits, vendors): `P#…`.
 */
// A type alias (not an interface) so it is assignable to Record<string, unknown>.
export type ItemKey = {
  pk: string;
  sk: string;
};

function tenantPrefix(tenantId: string): string {
  // A malformed id (e.g. one containing '#') could address another key space: refuse it.
  if (!isId(tenantId)) throw new Error('Invalid tenant id');
  return `T#${tenantId}`;
}

/**
 * Who owns content (question banks, packages): one tenant; the platform catalog every tenant reads;
 * or a vendor, whose content its client companies read (each stored once).
 */
export type Owner = { kind: 'tenant'; tenantId: string } | { kind: 'catalog' } | { kind: 'vendor'; vendorId: string };

function ownerPrefix(owner: Owner): string {
  if (owner.kind === 'catalog') return 'C';
  if (owner.kind === 'vendor') return `V#${part(owner.vendorId)}`;
  return tenantPrefix(owner.tenantId);
}

function part(value: string): string {
  if (value.includes('#')) throw new Error('Key part must not contain #');
  return value;
}

/** What a rate-limit counter counts: failed sign-ins, or password-reset requests, per email or IP. */
export type RateLimitKind = 'email' | 'ip' | 'reset_email' | 'reset_ip';

export const keys = {
  tenant: (tenantId: string): ItemKey => ({ pk: tenantPrefix(tenantId), sk: 'TENANT' }),

  user: (tenantId: string, userId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}`, sk: 'USER' }),
  /** gsi1: all users of a tenant, ordered by folded name. */
  usersByName: (tenantId: string, sortName?: string, userId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#USERS`,
    gsi1sk: sortName === undefined ? '' : `${sortName}#${part(userId ?? '')}`,
  }),
  /** gsi2: users of one department, ordered by folded name. */
  usersByDepartment: (tenantId: string, departmentId: string, sortName?: string, userId?: string) => ({
    gsi2pk: `${tenantPrefix(tenantId)}#DEPT#${part(departmentId)}#USERS`,
    gsi2sk: sortName === undefined ? '' : `${sortName}#${part(userId ?? '')}`,
  }),
  /** gsi3: users of one level, ordered by folded name. */
  usersByLevel: (tenantId: string, level: Level, sortName?: string, userId?: string) => ({
    gsi3pk: `${tenantPrefix(tenantId)}#LEVEL#${part(level)}#USERS`,
    gsi3sk: sortName === undefined ? '' : `${sortName}#${part(userId ?? '')}`,
  }),

  /**
   * The company's people search index: a fixed number of shard items (`S#<nn>`, one attribute per
   * person) and a `META` item (index format version, rebuild lease), all in one partition so one
   * Query reads the whole index.
   */
  userSearchIndex: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}#USERSEARCH` }),
  userSearchShard: (tenantId: string, shard: number): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USERSEARCH`,
    sk: `S#${String(shard).padStart(2, '0')}`,
  }),
  userSearchMeta: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#USERSEARCH`, sk: 'META' }),

  departments: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}#DEPTS` }),
  department: (tenantId: string, departmentId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#DEPTS`,
    sk: `DEPT#${part(departmentId)}`,
  }),
  departmentSkPrefix: (): string => 'DEPT#',
  /** Uniqueness guard for a department name within a tenant (folded name). */
  departmentName: (tenantId: string, foldedName: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#DEPTNAME#${foldedName.replaceAll('#', '＃')}`,
    sk: 'DEPTNAME',
  }),

  session: (tenantId: string, sessionId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#SESSION#${part(sessionId)}`,
    sk: 'SESSION',
  }),

  outboxMessage: (tenantId: string, createdAt: string, messageId: string) => ({
    pk: `${tenantPrefix(tenantId)}#OUTBOX`,
    sk: `MSG#${createdAt}#${part(messageId)}`,
    gsi1pk: 'P#OUTBOX',
    gsi1sk: `${createdAt}#${part(messageId)}`,
  }),
  outboxAll: () => ({ gsi1pk: 'P#OUTBOX' }),
  outboxOfTenant: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}#OUTBOX` }),

  // ── Skills (issue 4) ──────────────────────────────────────────────────────────────────
  /** The company's skill framework (categories → skills → required proficiency per level). */
  skillFramework: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#FRAMEWORK`, sk: 'CURRENT' }),

  /** Evidence of one user's proficiency (assessment results, ratings), newest last per skill. */
  proficiencyEntries: (tenantId: string, userId: string) => ({ pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#PROF`, skPrefix: 'E#' }),
  proficiencyEntry: (tenantId: string, userId: string, skillId: string, at: string, entryId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#PROF`,
    sk: `E#${part(skillId)}#${at}#${part(entryId)}`,
  }),

  goal: (tenantId: string, goalId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#GOAL#${part(goalId)}`, sk: 'GOAL' }),
  /** gsi2 on goals: every goal of the company by due date (HR's overview). */
  goalsOfTenant: (tenantId: string, dueDate?: string, goalId?: string) => ({
    gsi2pk: `${tenantPrefix(tenantId)}#GOALS`,
    gsi2sk: dueDate === undefined ? '' : `${dueDate}#${part(goalId ?? '')}`,
  }),
  /** gsi1 on goals: one person's goals, newest first. */
  goalsOfUser: (tenantId: string, userId: string, createdAt?: string, goalId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#GOALS`,
    gsi1sk: createdAt === undefined ? '' : `${createdAt}#${part(goalId ?? '')}`,
  }),

  /** Learning packages of an owner (a company, or the platform's level-based catalog). */
  learningPackage: (owner: Owner, packageId: string): ItemKey => ({ pk: `${ownerPrefix(owner)}#PKGS`, sk: `PKG#${part(packageId)}` }),
  learningPackages: (owner: Owner) => ({ pk: `${ownerPrefix(owner)}#PKGS`, skPrefix: 'PKG#' }),
  /** Uploaded lesson files (PDF, slides, images, video) of an owner (a company or a vendor). */
  lessonFile: (owner: Owner, fileId: string): ItemKey => ({ pk: `${ownerPrefix(owner)}#FILES`, sk: `FILE#${part(fileId)}` }),
  lessonFiles: (owner: Owner) => ({ pk: `${ownerPrefix(owner)}#FILES`, skPrefix: 'FILE#' }),
  /** One person's assignment of one package: the key makes assigning twice impossible. */
  assignment: (tenantId: string, userId: string, packageId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#ASSIGN#${part(packageId)}`,
    sk: 'ASSIGN',
  }),
  /**
   * What the learner did inside one assignment, beside it in the assignment's own partition (so it
   * is never on the stream the reports read): the server-measured viewing time of a lesson
   * (`LP#VIEW#<module>`) and where they stopped (`LP#RESUME`). One Query (`begins_with LP#`) reads both.
   */
  lessonViewing: (tenantId: string, userId: string, packageId: string, moduleId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#ASSIGN#${part(packageId)}`,
    sk: `LP#VIEW#${part(moduleId)}`,
  }),
  learningResume: (tenantId: string, userId: string, packageId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#ASSIGN#${part(packageId)}`,
    sk: 'LP#RESUME',
  }),
  learnerProgressOfAssignment: (tenantId: string, userId: string, packageId: string) => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#ASSIGN#${part(packageId)}`,
    skPrefix: 'LP#',
    viewPrefix: 'LP#VIEW#',
  }),
  /** gsi1: a person's assignments by due date; gsi2: a package's assignments. */
  assignmentsOfUser: (tenantId: string, userId: string, dueDate?: string, packageId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#ASSIGNS`,
    gsi1sk: dueDate === undefined ? '' : `${dueDate}#${part(packageId ?? '')}`,
  }),
  assignmentsOfPackage: (tenantId: string, packageId: string, assignedAt?: string, userId?: string) => ({
    gsi2pk: `${tenantPrefix(tenantId)}#PKG#${part(packageId)}#ASSIGNS`,
    gsi2sk: assignedAt === undefined ? '' : `${assignedAt}#${part(userId ?? '')}`,
  }),
  /** A learner's own weekly time budget (overrides the company default). */
  learnerPrefs: (tenantId: string, userId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#PREFS`,
    sk: 'LEARNING',
  }),
  /** The company's learning settings (weekly budget, auto-assign per level, auto-add recommendations). */
  learningSettings: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#SETTINGS`, sk: 'LEARNING' }),

  /** Follow-up: a learner's mentor; gsi1 lists a mentor's mentees. */
  mentorship: (tenantId: string, learnerId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(learnerId)}#MENTOR`,
    sk: 'MENTOR',
  }),
  menteesOf: (tenantId: string, mentorId: string, learnerId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#MENTOR#${part(mentorId)}#MENTEES`,
    gsi1sk: learnerId === undefined ? '' : part(learnerId),
  }),
  checkIn: (tenantId: string, checkInId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#CHECKIN#${part(checkInId)}`,
    sk: 'CHECKIN',
  }),
  /** gsi1 on check-ins: one learner's check-ins by date. */
  checkInsOfUser: (tenantId: string, userId: string, date?: string, checkInId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#CHECKINS`,
    gsi1sk: date === undefined ? '' : `${date}#${part(checkInId ?? '')}`,
  }),
  inboxMessage: (tenantId: string, userId: string, at: string, messageId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#INBOX`,
    sk: `${at}#${part(messageId)}`,
  }),
  inbox: (tenantId: string, userId: string) => ({ pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#INBOX` }),
  /** A reminder that was sent (its idempotency key), so the job sends each once. */
  reminderSent: (tenantId: string, reminderKey: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#REMINDER#${reminderKey.replaceAll('#', '%23')}`,
    sk: 'SENT',
  }),
  /** Platform: every tenant, for scheduled jobs that visit each company (never a request path). */
  tenantRegistry: (createdAt?: string, tenantId?: string) => ({
    gsi1pk: 'P#TENANTS',
    gsi1sk: createdAt === undefined ? '' : `${createdAt}#${tenantId ?? ''}`,
  }),

  // ── Reports (issue 5) ──────────────────────────────────────────────────────────────────
  /** One shard of an aggregate cell (cell ids come from @manabi/reports and never contain '#'). */
  aggregateShard: (tenantId: string, cellId: string, shard: number): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#AGG#${part(cellId)}`,
    sk: `S#${String(shard).padStart(2, '0')}`,
  }),
  aggregateCell: (tenantId: string, cellId: string) => ({ pk: `${tenantPrefix(tenantId)}#AGG#${part(cellId)}`, skPrefix: 'S#' }),
  /**
   * One shard of a group of cells read together (an assessment's item table): the group's shards are
   * separate partitions, so a hot group spreads its writes, and one Query per shard reads it all.
   */
  aggregateGroupShard: (tenantId: string, groupId: string, shard: number, member?: string) => ({
    pk: `${tenantPrefix(tenantId)}#AGGG#${part(groupId)}#S${String(shard).padStart(2, '0')}`,
    sk: member === undefined ? '' : `M#${part(member)}`,
  }),
  /** A person's current skill standing (required vs current per skill), maintained for the gap heatmap. */
  skillStanding: (tenantId: string, userId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#STANDING`,
    sk: 'STANDING',
  }),
  /** "This change was applied to the aggregates" (idempotency of stream redelivery). */
  aggregateApplied: (tenantId: string, key: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#AGGAPPLIED#${key.replaceAll('#', '%23')}`,
    sk: 'APPLIED',
  }),

  // ── Assessments (issue 3) ──────────────────────────────────────────────────────────────
  /** Question banks of an owner: a tenant (`T#<t>`) or the shared platform catalog (`C`). */
  bank: (owner: Owner, bankId: string): ItemKey => ({ pk: `${ownerPrefix(owner)}#BANKS`, sk: `BANK#${part(bankId)}` }),
  banks: (owner: Owner) => ({ pk: `${ownerPrefix(owner)}#BANKS`, skPrefix: 'BANK#' }),
  /** A question's head (current state) and its immutable versions share a partition. */
  questionHead: (owner: Owner, questionId: string): ItemKey => ({ pk: `${ownerPrefix(owner)}#Q#${part(questionId)}`, sk: 'HEAD' }),
  questionVersion: (owner: Owner, questionId: string, version: number): ItemKey => ({
    pk: `${ownerPrefix(owner)}#Q#${part(questionId)}`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  /** gsi1 on the head: questions of a bank, most recently changed first. */
  questionsOfBank: (owner: Owner, bankId: string, updatedAt?: string, questionId?: string) => ({
    gsi1pk: `${ownerPrefix(owner)}#BANK#${part(bankId)}#QS`,
    gsi1sk: updatedAt === undefined ? '' : `${updatedAt}#${part(questionId ?? '')}`,
  }),
  /** Published questions tagged with a skill (one small item per tag; what draws and CAT pools read). */
  publishedBySkill: (owner: Owner, bankId: string, skill: string, questionId?: string) => ({
    pk: `${ownerPrefix(owner)}#BANK#${part(bankId)}#SKILL#${skill.replaceAll('#', '%23')}`,
    sk: questionId === undefined ? 'Q#' : `Q#${part(questionId)}`,
  }),

  assessment: (tenantId: string, assessmentId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#ASMT#${part(assessmentId)}`,
    sk: 'ASMT',
  }),
  /** The frozen pool of one published version (immutable, so servers may cache it). */
  assessmentSnapshot: (tenantId: string, assessmentId: string, version: number): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#ASMT#${part(assessmentId)}`,
    sk: `SNAP#${String(version).padStart(6, '0')}`,
  }),
  /** gsi1 on assessments: a tenant's assessments, newest first. */
  assessmentsOfTenant: (tenantId: string, createdAt?: string, assessmentId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#ASMTS`,
    gsi1sk: createdAt === undefined ? '' : `${createdAt}#${part(assessmentId ?? '')}`,
  }),
  attempt: (tenantId: string, attemptId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#ATT#${part(attemptId)}`, sk: 'ATT' }),
  /** gsi1 on attempts: a learner's attempts; gsi2: an assessment's attempts. */
  attemptsOfUser: (tenantId: string, userId: string, startedAt?: string, attemptId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#ATTS`,
    gsi1sk: startedAt === undefined ? '' : `${startedAt}#${part(attemptId ?? '')}`,
  }),
  attemptsOfAssessment: (tenantId: string, assessmentId: string, startedAt?: string, attemptId?: string) => ({
    gsi2pk: `${tenantPrefix(tenantId)}#ASMT#${part(assessmentId)}#ATTS`,
    gsi2sk: startedAt === undefined ? '' : `${startedAt}#${part(attemptId ?? '')}`,
  }),
  /** A learner's standing on one assessment: attempts used, items already seen. */
  learnerAssessment: (tenantId: string, userId: string, assessmentId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#ASMT#${part(assessmentId)}`,
    sk: 'PROGRESS',
  }),

  // ── SCORM packages (issue 16) ─────────────────────────────────────────────────────────
  /** An uploaded SCORM package of an owner (a company, or a vendor for its client companies). */
  scormPackage: (owner: Owner, scormId: string): ItemKey => ({ pk: `${ownerPrefix(owner)}#SCORMS`, sk: `SCORM#${part(scormId)}` }),
  scormPackages: (owner: Owner) => ({ pk: `${ownerPrefix(owner)}#SCORMS`, skPrefix: 'SCORM#' }),
  /**
   * A SCORM zip being uploaded straight to the object store (pending until completed, then naming
   * the package it became; TTL). Same partition as the packages, but never matched by `SCORM#`.
   */
  scormUpload: (owner: Owner, uploadId: string): ItemKey => ({ pk: `${ownerPrefix(owner)}#SCORMS`, sk: `UPLOAD#${part(uploadId)}` }),
  /** The package's file list (kept apart from the record so listing packages stays small). */
  scormPackageFiles: (owner: Owner, scormId: string): ItemKey => ({
    pk: `${ownerPrefix(owner)}#SCORMS`,
    sk: `SCORMFILES#${part(scormId)}`,
  }),
  /** One learner's runs of the SCORM package of one module of an assigned package (resume data, best result, time). */
  scormRegistration: (tenantId: string, userId: string, packageId: string, moduleId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#SCORMREG#${part(packageId)}#${part(moduleId)}`,
    sk: 'REG',
  }),

  /** Platform: email → the account it signs in to (emails are unique across the platform). */
  login: (normalizedEmail: string): ItemKey => ({ pk: `P#LOGIN#${normalizedEmail}`, sk: 'LOGIN' }),
  /** Platform: one-time token (email verification, invitation), by the hash of its secret. */
  oneTimeToken: (tokenHash: string): ItemKey => ({ pk: `P#TOKEN#${part(tokenHash)}`, sk: 'TOKEN' }),
  /** Platform: fixed-window counter of failed sign-ins for an email or an IP. */
  rateLimit: (kind: RateLimitKind, value: string, windowStart: number): ItemKey => ({
    pk: `P#RL#${kind}#${value.replaceAll('#', '%23')}#${windowStart}`,
    sk: 'RL',
  }),
  vendor: (vendorId: string): ItemKey => ({ pk: `P#VENDOR#${part(vendorId)}`, sk: 'VENDOR' }),
  /** gsi1 on vendors: every vendor (the platform console). */
  vendorRegistry: (createdAt?: string, vendorId?: string) => ({
    gsi1pk: 'P#VENDORS',
    gsi1sk: createdAt === undefined ? '' : `${createdAt}#${part(vendorId ?? '')}`,
  }),
  /** gsi2 on tenants: a vendor's client companies, oldest first. */
  tenantsOfVendor: (vendorId: string, createdAt?: string, tenantId?: string) => ({
    gsi2pk: `P#VENDOR#${part(vendorId)}#TENANTS`,
    gsi2sk: createdAt === undefined ? '' : `${createdAt}#${part(tenantId ?? '')}`,
  }),
  /** A host name claimed by one vendor (white-label domains are unique across the platform). */
  domain: (host: string): ItemKey => ({ pk: `P#DOMAIN#${part(host)}`, sk: 'DOMAIN' }),
  /**
   * A company's usage in one month (Japan time): active people and quizzes started. gsi1 gathers
   * every company's month for the platform console, gsi2 a vendor's companies for its console.
   */
  usageMonth: (tenantId: string, month: string, vendorId: string | null) => ({
    pk: `${tenantPrefix(tenantId)}#USAGE`,
    sk: `M#${part(month)}`,
    gsi1pk: `P#USAGE#${part(month)}`,
    gsi1sk: `${vendorId === null ? '-' : part(vendorId)}#${tenantId}`,
    ...(vendorId === null ? {} : { gsi2pk: `P#VENDOR#${part(vendorId)}#USAGE#${part(month)}`, gsi2sk: tenantId }),
  }),
  usageOfPlatform: (month: string) => ({ gsi1pk: `P#USAGE#${part(month)}` }),
  usageOfVendor: (vendorId: string, month: string) => ({ gsi2pk: `P#VENDOR#${part(vendorId)}#USAGE#${part(month)}` }),
  /** "This person was active this month" (counted once) and "this attempt was counted" markers. */
  usageMarker: (tenantId: string, month: string, what: 'active' | 'attempt', id: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USAGE#${part(month)}#${what === 'active' ? 'U' : 'A'}#${part(id)}`,
    sk: 'MARK',
  }),
  /** The company's grant of support access to its vendor (one at a time, time-limited). */
  supportGrant: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#SUPPORT`, sk: 'GRANT' }),
  /** The company's audit log, newest last in the partition. */
  auditEntry: (tenantId: string, at: string, entryId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#AUDIT`,
    sk: `${at}#${part(entryId)}`,
  }),
  auditLog: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}#AUDIT` }),
  // ── Certificates (issue 16) ────────────────────────────────────────────────────────────
  /** One person's certificate for one package: the key makes issuing twice impossible. */
  certificate: (tenantId: string, userId: string, packageId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#CERT#${part(packageId)}`,
    sk: 'CERT',
  }),
  /** gsi1: a person's certificates, newest last; gsi2: a package's certificates. */
  certificatesOfUser: (tenantId: string, userId: string, issuedAt?: string, packageId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#CERTS`,
    gsi1sk: issuedAt === undefined ? '' : `${issuedAt}#${part(packageId ?? '')}`,
  }),
  certificatesOfPackage: (tenantId: string, packageId: string, issuedAt?: string, userId?: string) => ({
    gsi2pk: `${tenantPrefix(tenantId)}#PKG#${part(packageId)}#CERTS`,
    gsi2sk: issuedAt === undefined ? '' : `${issuedAt}#${part(userId ?? '')}`,
  }),
  /** The company's certificate template (wording, signer, images). */
  certificateTemplate: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#CERTTEMPLATE`, sk: 'CURRENT' }),
  /** Platform: a verification code, claimed once across the platform (the public check reads only this). */
  certificateCode: (code: string): ItemKey => ({ pk: `P#CERTCODE#${part(code)}`, sk: 'CODE' }),
  // ── Import jobs (issue 14) ─────────────────────────────────────────────────────────────
  /**
   * A background import of a company (a user CSV): its progress and result. gsi1 lists the
   * company's jobs newest first (the import page shows the latest one).
   */
  importJob: (tenantId: string, jobId: string, createdAt?: string) => ({
    pk: `${tenantPrefix(tenantId)}#IMPORTJOB#${part(jobId)}`,
    sk: 'JOB',
    ...(createdAt === undefined ? {} : { gsi1pk: `${tenantPrefix(tenantId)}#IMPORTJOBS`, gsi1sk: `${createdAt}#${part(jobId)}` }),
  }),
  importJobsOfTenant: (tenantId: string) => ({ gsi1pk: `${tenantPrefix(tenantId)}#IMPORTJOBS` }),
  /** Platform: an item that never exists, read by the health check. */
  health: (): ItemKey => ({ pk: 'P#HEALTH', sk: 'HEALTH' }),
  /** Platform: marks that the demo data was seeded (seed runs once). */
  seedMarker: (): ItemKey => ({ pk: 'P#SEED', sk: 'DEMO' }),

  // ── Notifications (issue 14) ────────────────────────────────────────────────────────────
  /** A person's email choices per notification kind. */
  notificationPreferences: (tenantId: string, userId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#NOTIFPREFS`,
    sk: 'PREFS',
  }),
  /** An event delivered to one person (its idempotency claim): inbox, email or digest item at most once. */
  notificationSent: (tenantId: string, eventKey: string, userId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#NOTIFIED#${eventKey.replaceAll('#', '%23')}#${part(userId)}`,
    sk: 'SENT',
  }),
  /** A notification waiting for its recipient's daily digest; gsi1 lists a company's pending items by day. */
  digestItem: (tenantId: string, userId: string, day: string, at: string, itemId: string) => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#DIGEST`,
    sk: `${part(day)}#${at}#${part(itemId)}`,
    gsi1pk: `${tenantPrefix(tenantId)}#DIGESTS`,
    gsi1sk: `${part(day)}#${part(userId)}#${at}#${part(itemId)}`,
  }),
  /** The company's pending digest items of `throughDay` and before: `gsi1sk < below` ('$' sorts right after '#'). */
  digestsOfTenant: (tenantId: string, throughDay: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#DIGESTS`,
    below: `${part(throughDay)}$`,
  }),

  // ── Account security (issue 13) ─────────────────────────────────────────────────────────
  /**
   * One person's sign-in security: the time before which their sessions are void (set by a
   * password reset), their TOTP seed (encrypted), its last used time step and their unused
   * recovery-code hashes.
   */
  userSecurity: (tenantId: string, userId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#SECURITY`,
    sk: 'SECURITY',
  }),
  /** A passkey (WebAuthn credential) of a person, beside their security item (one Query reads both). */
  userPasskey: (tenantId: string, userId: string, credentialId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#SECURITY`,
    sk: `PASSKEY#${part(credentialId)}`,
  }),
  userSecurityPartition: (tenantId: string, userId: string) => ({ pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#SECURITY` }),
  /** The one live emailed link of a purpose (invitation, password reset) for a person: its token hash. */
  currentLink: (tenantId: string, userId: string, purpose: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#LINK#${part(purpose)}`,
    sk: 'LINK',
  }),
  /** The company's sign-in security settings (MFA required for HR admins and managers). */
  securitySettings: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#SECURITY`, sk: 'SETTINGS' }),
  /** A bulk re-invitation's claim per person (its request key makes a retry send nothing twice). */
  reinviteClaim: (tenantId: string, requestKey: string, userId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#REINVITE#${part(requestKey)}#${part(userId)}`,
    sk: 'CLAIM',
  }),

  // ── Essays graded by a person (issue 17) ──────────────────────────────────────────────
  /** One essay answer of an attempt (text, grade, regrades), in the attempt's own partition. */
  essayAnswer: (tenantId: string, attemptId: string, questionId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#ATT#${part(attemptId)}`,
    sk: `ESSAY#${part(questionId)}`,
  }),
  /** Every essay answer of one attempt: one Query on the attempt's partition. */
  essaysOfAttempt: (tenantId: string, attemptId: string) => ({
    pk: `${tenantPrefix(tenantId)}#ATT#${part(attemptId)}`,
    skPrefix: 'ESSAY#',
  }),
  /**
   * gsi1 on a submitted, ungraded essay: the company's grading queue, oldest first (HR). Sparse:
   * grading removes the attributes, so the index holds only what is waiting.
   */
  pendingEssaysOfTenant: (tenantId: string, submittedAt?: string, attemptId?: string, questionId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#ESSAYQ`,
    gsi1sk: submittedAt === undefined ? '' : `${submittedAt}#${part(attemptId ?? '')}#${part(questionId ?? '')}`,
  }),
  /** gsi2 on the same item: the queue of the learner's department, the people its manager leads. */
  pendingEssaysOfDepartment: (tenantId: string, departmentId: string, submittedAt?: string, attemptId?: string, questionId?: string) => ({
    gsi2pk: `${tenantPrefix(tenantId)}#DEPT#${part(departmentId)}#ESSAYQ`,
    gsi2sk: submittedAt === undefined ? '' : `${submittedAt}#${part(attemptId ?? '')}#${part(questionId ?? '')}`,
  }),
  // ── Tenant data lifecycle (issue #20) ───────────────────────────────────────────────────
  /**
   * The membership index partition (`tpk`, index gsiT) an item of a company belongs to: one of
   * TENANT_MEMBER_SHARDS per company, chosen by a hash of the item's pk, so a large company's
   * writes spread over several index partitions. Null for platform keys.
   */
  tenantMemberOf: (pk: string): { tpk: string } | null => {
    const tenantId = tenantOfKey(pk);
    if (tenantId === null) return null;
    return { tpk: `${tenantPrefix(tenantId)}#MEMBERS#${String(memberShardOf(pk)).padStart(2, '0')}` };
  },
  tenantMemberShard: (tenantId: string, shard: number) => ({ tpk: `${tenantPrefix(tenantId)}#MEMBERS#${String(shard).padStart(2, '0')}` }),
  /** Platform: an export or a deletion of one company (kept after the deletion as its receipt). */
  tenantJob: (jobId: string, tenantId?: string, createdAt?: string) => ({
    pk: `P#TENANTJOB#${part(jobId)}`,
    sk: 'JOB',
    ...(tenantId === undefined || createdAt === undefined
      ? {}
      : { gsi1pk: `P#TENANTJOBS#${tenantPrefix(tenantId).slice(2)}`, gsi1sk: `${createdAt}#${part(jobId)}` }),
  }),
  /** gsi1: a company's export and deletion jobs, oldest first. */
  tenantJobsOf: (tenantId: string) => ({ gsi1pk: `P#TENANTJOBS#${tenantPrefix(tenantId).slice(2)}` }),
  /** Platform: "this company is being (or was) deleted", read by the aggregator before it counts. */
  tenantTombstone: (tenantId: string): ItemKey => ({ pk: `P#TENANTGONE#${tenantPrefix(tenantId).slice(2)}`, sk: 'GONE' }),

  // ── Email delivery (issue #12) ──────────────────────────────────────────────────────────
  /** Platform: an address SES reported as bouncing for good or complaining; nothing is sent to it. */
  emailSuppression: (normalizedEmail: string): ItemKey => ({ pk: `P#SUPPRESS#${normalizedEmail.replaceAll('#', '%23')}`, sk: 'SUPPRESS' }),

  // ── Audit by type, SCIM provisioning (issue 13) ───────────────────────────────────────
  /** gsi1: the company's audit entries of one type, time-ordered (the log's type filter). */
  auditByType: (tenantId: string, type: string, at?: string, entryId?: string) => ({
    gsi1pk: `${tenantPrefix(tenantId)}#AUDIT#TYPE#${part(type)}`,
    gsi1sk: at === undefined ? '' : `${at}#${part(entryId ?? '')}`,
  }),
  /** One SCIM bearer token of a company (name, dates; never the secret), in the company's token list. */
  scimToken: (tenantId: string, tokenId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#SCIMTOKEN`, sk: part(tokenId) }),
  scimTokens: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}#SCIMTOKEN` }),
  /**
   * Where a presented SCIM token is resolved: by the token id it carries, to its company and its
   * sealed secret hash. The only way a SCIM request learns its tenant.
   */
  scimTokenLookup: (tokenId: string): ItemKey => ({ pk: `P#SCIMTOKEN#${part(tokenId)}`, sk: 'SCIMTOKEN' }),
  /** What SCIM says about a person that the person item does not hold (externalId, name parts, deletion). */
  scimUser: (tenantId: string, userId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#USER#${part(userId)}#SCIM`, sk: 'SCIM' }),
  /** What SCIM says about a department (externalId). */
  scimGroup: (tenantId: string, departmentId: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}#DEPT#${part(departmentId)}#SCIM`,
    sk: 'SCIM',
  }),
  // ── Company SSO (issue #13) ─────────────────────────────────────────────────────────────
  /** A company's SSO configuration (protocol, IdP, domains, provisioning; secrets sealed). */
  ssoConfig: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}#SSO`, sk: 'CONFIG' }),
  /** Platform: an email domain claimed by one company's SSO (unique across the platform). */
  ssoDomain: (domain: string): ItemKey => ({ pk: `P#SSODOMAIN#${part(domain)}`, sk: 'SSODOMAIN' }),
  /** Platform: a started SSO sign-in (PKCE verifier, nonce or SAML request id), by the hash of its state; one use, TTL. */
  ssoState: (stateHash: string): ItemKey => ({ pk: `P#SSOSTATE#${part(stateHash)}`, sk: 'STATE' }),
  /** Platform: a SAML assertion already used, by the hash of its issuer and id (replay refused until it expires). */
  samlAssertion: (assertionHash: string): ItemKey => ({ pk: `P#SAMLASSERT#${part(assertionHash)}`, sk: 'ASSERT' }),
};

/**
 * Object store keys (S3 / `.data/objects`), built here like every table key. Brand images are
 * named by their content hash, so a URL never changes meaning and can be cached for good.
 */
const scormPrefix = (owner: { vendorId: string } | { tenantId: string }): string =>
  'vendorId' in owner ? `scorm/v/${part(owner.vendorId)}` : `scorm/t/${tenantPrefix(owner.tenantId).slice(2)}`;

export const objectKeys = {
  brandImage: (owner: { vendorId: string } | { tenantId: string }, kind: 'logo' | 'favicon', hash: string, ext: string): string =>
    'vendorId' in owner
      ? `brand/v/${part(owner.vendorId)}/${kind}-${part(hash)}.${part(ext)}`
      : `brand/t/${tenantPrefix(owner.tenantId).slice(2)}/${kind}-${part(hash)}.${part(ext)}`,
  /** An issued certificate's PDF, generated once at issue time (never served publicly). */
  certificatePdf: (tenantId: string, code: string): string => `certificates/${tenantPrefix(tenantId).slice(2)}/${part(code)}.pdf`,
  /** A logo or signature image of a company's certificate template, named by its content hash. */
  certificateImage: (tenantId: string, kind: 'logo' | 'signature', hash: string, ext: string): string =>
    `certificates/${tenantPrefix(tenantId).slice(2)}/template/${kind}-${part(hash)}.${part(ext)}`,
  /** An uploaded lesson file's bytes (served only through signed, expiring URLs). */
  lessonFile: (owner: { vendorId: string } | { tenantId: string }, fileId: string): string =>
    'vendorId' in owner
      ? `files/v/${part(owner.vendorId)}/${part(fileId)}`
      : `files/t/${tenantPrefix(owner.tenantId).slice(2)}/${part(fileId)}`,
  /**
   * A file of an uploaded SCORM package, under its owner's prefix (a company's files never share a
   * prefix with another's). `path` is the package-relative path, already checked by @manabi/scorm.
   */
  scormFile: (owner: { vendorId: string } | { tenantId: string }, scormId: string, path: string): string => {
    if (path.split('/').some((s) => s === '' || s === '.' || s === '..') || path.includes('\0')) throw new Error('Invalid SCORM file path');
    return `${scormPrefix(owner)}/${part(scormId)}/f/${path}`;
  },
  /**
   * A SCORM zip staged between its upload and its import, under the owner's part of one `staging/`
   * prefix (the bucket expires everything there after a day, so an abandoned upload goes away).
   */
  scormStagedZip: (owner: { vendorId: string } | { tenantId: string }, uploadId: string): string =>
    'vendorId' in owner
      ? `staging/scorm/v/${part(owner.vendorId)}/${part(uploadId)}.zip`
      : `staging/scorm/t/${tenantPrefix(owner.tenantId).slice(2)}/${part(uploadId)}.zip`,
  /** A company's export archive (JSON of its items and its files), under the company's own prefix. */
  tenantExport: (tenantId: string, jobId: string): string => `exports/t/${tenantPrefix(tenantId).slice(2)}/${part(jobId)}.zip`,
  /** Every prefix the objects of one company live under (its export and its deletion list them). */
  tenantPrefixes: (tenantId: string): string[] => {
    const t = tenantPrefix(tenantId).slice(2);
    return [
      `brand/t/${t}/`,
      `certificates/${t}/`,
      `files/t/${t}/`,
      `scorm/t/${t}/`,
      `staging/scorm/t/${t}/`,
      `staging/imports/t/${t}/`,
      `exports/t/${t}/`,
    ];
  },
  /** The file an import job reads (kept until the job finishes; the bucket's staging rule expires leftovers). */
  importJobFile: (tenantId: string, jobId: string): string => `staging/imports/t/${tenantPrefix(tenantId).slice(2)}/${part(jobId)}.csv`,
  /** Whether a requested object name is a brand image key (the only objects served publicly). */
  isBrandImage: (key: string): boolean => /^brand\/[vt]\/[0-9a-z]{16}\/(logo|favicon)-[0-9a-f]{16,64}\.(png|jpg|webp|svg|ico)$/.test(key),
};

/** Index partitions per company in the membership index (gsiT). */
export const TENANT_MEMBER_SHARDS = 8;

/** FNV-1a of the pk, modulo the shard count: the same pk always lands in the same shard. */
function memberShardOf(pk: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < pk.length; i++) {
    h ^= pk.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % TENANT_MEMBER_SHARDS;
}

/** The tenant a key belongs to (a stream record names its tenant only through its key); null for platform keys. */
export function tenantOfKey(key: string): string | null {
  const m = /^T#([^#]+)(#|$)/.exec(key);
  return m && isId(m[1]!) ? m[1]! : null;
}

export function isTenantKey(key: string, tenantId: string): boolean {
  const prefix = tenantPrefix(tenantId);
  return key === prefix || key.startsWith(`${prefix}#`);
}

/**
 * The key spaces as IAM `dynamodb:LeadingKeys` patterns (infra/lib/tenant-isolation.ts), made here
 * so the policies follow the key builder. The arguments are policy variables
 * (`${aws:PrincipalTag/TenantId}`) or ids. `T#<t>#*` (not `T#<t>*`): no tenant reaches an id that
 * merely starts with its own.
 */
export const leadingKeyPatterns = {
  tenant: (tenant: string): string[] => [`T#${tenant}`, `T#${tenant}#*`],
  catalog: (): string[] => ['C#*'],
  vendor: (vendor: string): string[] => [`V#${vendor}#*`],
  platform: (): string[] => ['P#*'],
};
