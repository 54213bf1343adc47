/** Shapes returned by the Manabi HTTP API. Being replaced by types inferred from @manabi/contract (see ./attempts, ./goals). */
import type { ClozeContent, MatchingContent } from './gap-types';
import type {
  AnswerOutcome,
  AnswerResponse,
  AttemptResult,
  AttemptStatus,
  AttemptView,
  MyAttempt,
  ReviewItem,
  ServedItem,
  SkillResult,
} from './attempts';
import type { Goal, GoalOverviewItem, GoalsOverview, GoalStatus } from './goals';

export type { AnswerOutcome, AnswerResponse, AttemptResult, AttemptStatus, AttemptView, MyAttempt, ReviewItem, ServedItem, SkillResult };
export type { Goal, GoalOverviewItem, GoalsOverview, GoalStatus };

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['tenant_admin', 'manager', 'learner', 'vendor_admin', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an HR admin may give to people in their own company. */
export const TENANT_ROLES = ['tenant_admin', 'manager', 'learner'] as const;

export const LEVELS = ['pre_hire', 'new_hire', 'junior', 'mid', 'leader', 'manager'] as const;
export type Level = (typeof LEVELS)[number];

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface User {
  id: string;
  name: string;
  /** フリガナ, stored in katakana. */
  furigana: string | null;
  email: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  level: Level | null;
  hireDate: string | null;
  /** Job role (an id of the skill framework's job roles), whose requirements replace the level's. */
  jobRole: string | null;
  status: UserStatus;
  locale: Locale;
  emailVerified: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TenantRef {
  id: string;
  name: string;
}

export interface Session {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface SignUpResponse extends Session {
  tenant: TenantRef;
}

/** What the company's plan includes; the SPA hides what it does not (the API refuses it anyway). */
export interface PlanFeatures {
  adaptive: boolean;
  reportsExport: boolean;
}

/** The company's seats: people counted against its plan, and the plan's limit (null = no limit). */
export interface SeatUsage {
  used: number;
  limit: number | null;
}

/** The signed-in person's company as `GET /api/me` tells it: with its plan's features and seats. */
export interface MeTenant extends TenantRef {
  features: PlanFeatures;
  seats: SeatUsage;
}

export interface MeResponse {
  user: User;
  tenant: MeTenant;
}

export interface Branding {
  productName: string;
  primaryColor: string;
  /** A second brand colour (#rrggbb): the header's stripe and the current page's marker; null: the primary colour. */
  accentColor: string | null;
  logoUrl: string | null;
  faviconUrl: string | null;
  signInText: { ja?: string; en?: string } | null;
  supportEmail: string | null;
}

/** `GET /api/branding` (by host, before sign-in): the brand, and whether companies may sign up here. */
export interface PublicBranding extends Branding {
  selfSignup: boolean;
}

/* ---------- Vendor console and platform admin ---------- */

/** A client company or a vendor, as seen by whoever sells or runs it. */
export const ORG_STATUSES = ['active', 'suspended'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/** What a vendor sells a company: seats (null: unlimited), features and the catalog packages it may use. */
export interface TenantPlan {
  seatLimit: number | null;
  features: { adaptive: boolean; reportsExport: boolean };
  /** Catalog package ids the company may use; null: the whole catalog. */
  catalogPackageIds: string[] | null;
}

/** An active support grant, as the vendor sees it. */
export interface SupportWindow {
  grantedAt: string;
  expiresAt: string;
}

/** A vendor's client company. */
export interface TenantView {
  id: string;
  name: string;
  status: OrgStatus;
  plan: TenantPlan;
  seatsUsed: number;
  createdAt: string;
  /** Only on `GET /api/vendor/tenants/{id}`: the company's active support grant, or null. */
  support?: SupportWindow | null;
}

/** A package a vendor offers (`GET /api/vendor/catalog`): the platform's level-based catalog, or the vendor's own. */
export interface CatalogPackage {
  id: string;
  title: LocalizedText;
  level: Level | null;
  /** Whose package it is (ids kept in a plan that the list no longer has carry none). */
  source?: 'platform' | 'vendor';
}

export interface CreateTenantInput {
  name: string;
  adminName: string;
  adminEmail: string;
  locale?: Locale;
  plan: TenantPlan;
}

export interface CreateTenantResponse {
  tenant: TenantView;
  adminUserId: string;
}

/** A vendor's white-label settings (what `/api/branding` answers on its domains). */
export interface VendorBranding {
  productName: string;
  /** #rrggbb */
  primaryColor: string;
  /** #rrggbb, or null: the primary colour is used for the accent too. */
  accentColor: string | null;
  signInText: { ja?: string; en?: string } | null;
  supportEmail: string | null;
  emailSenderName: string | null;
  /** Host names, e.g. `learn.example-training.co.jp`. */
  domains: string[];
  selfSignup: boolean;
  /** Uploaded images (URLs), or null. */
  logoUrl: string | null;
  faviconUrl: string | null;
  /** Client companies may set their own product name, colour and logo. */
  allowTenantBranding: boolean;
  /**
   * The plan a company that signs itself up on these domains starts with; null: the default
   * (unlimited seats, every feature, the whole catalog).
   */
  selfSignupPlan: TenantPlan | null;
}

/**
 * What `PUT /api/vendor/branding` takes (the images have their own endpoints). The API keeps the
 * stored `selfSignupPlan` when it is left out; this app always sends it.
 */
export type VendorBrandingInput = Omit<VendorBranding, 'logoUrl' | 'faviconUrl'>;

/** A company's own brand overrides (`/api/tenant/branding`); null: use the provider's. */
export interface TenantBranding {
  /** False when the provider does not let companies change the brand. */
  allowed: boolean;
  productName: string | null;
  primaryColor: string | null;
  logoUrl: string | null;
  /** What the company's people see: the provider's brand with these overrides. */
  effective: Branding;
}

/** Usage in one month (`YYYY-MM`, Japan time). */
export interface UsageMonth {
  month: string;
  /** Distinct people who signed in or started a test. */
  activeLearners: number;
  /** Tests started. */
  attempts: number;
}

export interface UsageTotals {
  seatsUsed: number;
  byMonth: UsageMonth[];
}

export interface VendorUsage {
  /** Oldest first, ending with the current month. */
  months: string[];
  tenants: {
    id: string;
    name: string;
    status: OrgStatus;
    seatLimit: number | null;
    seatsUsed: number;
    byMonth: UsageMonth[];
  }[];
  totals: UsageTotals;
}

export interface PlatformUsage {
  months: string[];
  vendors: {
    id: string;
    name: string;
    status: OrgStatus;
    /** Number of client companies. */
    tenants: number;
    seatsUsed: number;
    byMonth: UsageMonth[];
  }[];
  totals: UsageTotals;
}

/** A company's grant of support access to its provider. */
export interface SupportGrant {
  grantedAt: string;
  expiresAt: string;
  grantedBy: { id: string; name: string };
}

export interface SupportAccess {
  /** null: the company has no provider, so there is nobody to grant access to. */
  vendorName: string | null;
  /** null when none, or expired. */
  grant: SupportGrant | null;
}

export const AUDIT_ACTIONS = [
  'support_access.granted',
  'support_access.revoked',
  'support.users_viewed',
  'support.user_viewed',
  'vendor.plan_changed',
  'vendor.suspended',
  'vendor.reactivated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: string;
  actor: { kind: 'user' | 'vendor'; id: string; name: string };
  /** One of AUDIT_ACTIONS (others may be added later). */
  action: string;
  detail: Record<string, string | number | null>;
}

export interface AuditLogPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** A person of a client company, as the vendor sees them during support access. */
export interface SupportUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  level: Level | null;
  status: UserStatus;
}

export interface SupportAttempt {
  id: string;
  assessmentTitle: LocalizedText;
  status: AttemptStatus;
  score: number | null;
  passed: boolean | null;
  submittedAt: string | null;
}

export interface SupportUserDetail {
  user: SupportUser;
  attempts: SupportAttempt[];
}

export interface PlatformVendor {
  id: string;
  name: string;
  status: OrgStatus;
  /** How many client companies it has. */
  tenants: number;
  createdAt: string;
}

export interface CreateVendorInput {
  name: string;
  adminName: string;
  adminEmail: string;
}

export interface CreateVendorResponse {
  vendor: PlatformVendor;
  adminUserId: string;
}

/** One of a vendor's admins, as the platform console lists them. */
export interface VendorAdmin {
  id: string;
  name: string;
  email: string;
  status: UserStatus;
}

export interface AddVendorAdminInput {
  name: string;
  email: string;
  /** The language of the invitation email (the API defaults to Japanese). */
  locale?: Locale;
}

export interface Invitation {
  email: string;
  name: string;
  tenantName: string;
}

export interface Department {
  id: string;
  name: string;
  userCount: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserInput {
  name: string;
  furigana: string | null;
  email: string;
  role: Role;
  departmentId: string | null;
  level: Level | null;
  hireDate: string | null;
  jobRole: string | null;
}

export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportPreviewRow {
  row: number;
  name: string;
  email: string;
  role: string;
  department: string | null;
  level: string | null;
  hireDate: string | null;
  action: ImportAction;
}

export interface ImportReport {
  mode: 'preview' | 'commit';
  encoding: 'utf-8' | 'utf-8-bom' | 'shift_jis';
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: ImportError[];
  newDepartments: string[];
  preview: ImportPreviewRow[];
}

/* ---------- Questions, banks, assessments, attempts ---------- */

/** Text in Japanese and/or English (at least one is present). */
export interface LocalizedText {
  ja?: string;
  en?: string;
}

export const QUESTION_TYPES = [
  'single_choice',
  'multiple_response',
  'true_false',
  'ordering',
  'numeric',
  'short_text',
  'matching',
  'cloze',
  'essay',
  'description',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answer is chosen among options. */
export const OPTION_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_response', 'ordering'];

export const PUBLISH_STATUSES = ['draft', 'published'] as const;
export type PublishStatus = (typeof PUBLISH_STATUSES)[number];

/** Most options a question may have (same limit as the API). */
export const MAX_OPTIONS = 20;

export interface QuestionOption {
  id: string;
  text: LocalizedText;
  feedback?: LocalizedText;
}

export interface IrtParams {
  a: number;
  b: number;
  c: number;
  source: 'prior' | 'calibrated';
}

export interface SourceRef {
  format: string;
  item: number;
  line?: number;
  id?: string;
  file?: string;
}

interface QuestionCommon {
  title?: string;
  stem: LocalizedText;
  feedback?: { correct?: LocalizedText; incorrect?: LocalizedText };
  explanation?: LocalizedText;
  skillTags: string[];
  level: Level | null;
  difficultyPrior: number | null;
  irt?: IrtParams;
  status?: PublishStatus;
  sourceRef?: SourceRef;
}

/** Question content (one version), with its answer key. Mirrors packages/questions/src/model.ts. */
export type Question =
  | (QuestionCommon & { type: 'single_choice'; options: QuestionOption[]; correctOptionIds: string[] })
  | (QuestionCommon & { type: 'multiple_response'; options: QuestionOption[]; correctOptionIds: string[]; partialCredit?: boolean })
  | (QuestionCommon & { type: 'true_false'; answer: boolean })
  | (QuestionCommon & { type: 'ordering'; options: QuestionOption[]; order: string[] })
  | (QuestionCommon & { type: 'numeric'; answer: { value: number; tolerance: number } })
  | (QuestionCommon & { type: 'short_text'; accepted: string[]; caseSensitive?: boolean })
  | (QuestionCommon & MatchingContent)
  | (QuestionCommon & ClozeContent)
  | (QuestionCommon & {
      type: 'essay';
      rubric: RubricCriterion[];
      minWords?: number;
      maxWords?: number;
      graderNotes?: LocalizedText;
    })
  | (QuestionCommon & { type: 'description' });

/** One criterion of an essay's rubric: whole points from 0 to maxPoints (1–10). */
export interface RubricCriterion {
  id: string;
  criterion: LocalizedText;
  maxPoints: number;
}

/** Who a bank belongs to: a company, the platform catalog or a vendor (reseller). */
export type BankOwner = 'tenant' | 'catalog' | 'vendor';

export interface QuestionBank {
  id: string;
  name: string;
  owner: BankOwner;
  /** The caller authors it: a company's own banks for HR, the vendor's own banks for a vendor admin. */
  editable: boolean;
  /**
   * How assessments and quiz templates name the bank: the bare id for a company's own bank,
   * `catalog:<id>` for the platform catalog, `vendor:<id>` for a vendor's bank (from either side).
   */
  ref: string;
  questionCount: number;
}

export interface QuestionSummary {
  id: string;
  bankId: string;
  type: QuestionType;
  title: string | null;
  /** First 120 characters of the stem, ja or en. */
  stemPreview: string;
  skillTags: string[];
  level: Level | null;
  status: PublishStatus;
  latestVersion: number;
  publishedVersion: number | null;
  irt: IrtParams;
  updatedAt: string;
}

export interface QuestionDetail extends QuestionSummary {
  /** The latest version, with answer keys. */
  content: Question;
  /** Signed URLs of the images its texts show. */
  images?: { id: string; url: string }[];
}

export const QUESTION_IMPORT_FORMATS = ['csv', 'gift', 'moodle_xml', 'qti21'] as const;
export type QuestionImportFormat = (typeof QUESTION_IMPORT_FORMATS)[number];

export const QUESTION_EXPORT_FORMATS = ['csv', 'gift', 'moodle_xml', 'qti21', 'qti3'] as const;
export type QuestionExportFormat = (typeof QUESTION_EXPORT_FORMATS)[number];

export interface QuestionImportError {
  /** Item number, or 'file' / 'header' for the whole file. */
  item: number | string;
  line: number | null;
  code: string;
  /** The message's stable key in the API's question message catalog. */
  key: string;
  /** Worded by the API in the language the SPA sent (Accept-Language). */
  message: string;
}

export interface QuestionImportPreviewRow {
  item: number;
  type: QuestionType;
  title: string | null;
  stemPreview: string;
  skillTags: string[];
  /** The language the item's text is stored under. */
  language: Locale;
}

export const TEXT_ENCODINGS = ['utf-8', 'shift_jis', 'euc-jp', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedFile {
  name: TextEncoding;
  source: 'chosen' | 'bom' | 'declaration' | 'utf8' | 'detected';
  /** Detected among encodings that fit the bytes: the person should check the preview. */
  guessed: boolean;
  declarationIgnored: string | null;
}

export interface QuestionImportReport {
  mode: 'preview' | 'commit';
  format: QuestionImportFormat;
  total: number;
  /** In a preview: how many would be imported. */
  imported: number;
  errors: QuestionImportError[];
  /** Items imported with something not kept (dropped parts, readings to check). */
  warnings?: QuestionImportError[];
  preview: QuestionImportPreviewRow[];
  /** Null for a QTI content package (each item file is decoded on its own). */
  encoding: DecodedFile | null;
  /** The start of the decoded text. */
  textPreview: string;
  /** Images the imported questions show (stored with them on commit, once each). */
  images?: { count: number; bytes: number; items: { item: number; name: string; contentType: string; size: number }[] };
}

export const ASSESSMENT_MODES = ['fixed', 'adaptive'] as const;
export type AssessmentMode = (typeof ASSESSMENT_MODES)[number];

export const REVIEW_POLICIES = ['after_submit', 'after_due', 'never'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export interface DrawRule {
  skill: string;
  level: Level | null;
  count: number;
}

export interface AssessmentInput {
  title: LocalizedText;
  description?: LocalizedText;
  mode: AssessmentMode;
  /** Bank refs (`QuestionBank.ref`): own bank ids, `catalog:<id>` or `vendor:<id>`. */
  bankIds: string[];
  fixed?: {
    questionIds: string[];
    draws: DrawRule[];
    shuffleQuestions: boolean;
    shuffleOptions: boolean;
  };
  adaptive?: {
    skills: string[];
    minItems: number;
    maxItems: number;
    seTarget: number;
    /** Only items of these levels (a catalog placement test: its level and the adjacent ones). */
    levels?: Level[];
  };
  timeLimitMinutes: number | null;
  /** Percent for fixed, band 1–5 for adaptive. */
  passMark: number;
  attemptsAllowed: number | null;
  reviewPolicy: ReviewPolicy;
  dueAt: string | null;
  /** Who the test is for (the API answers everyone for tests from before audiences). */
  audience?: Audience;
}

export interface Assessment extends AssessmentInput {
  id: string;
  status: PublishStatus;
  createdAt: string;
  updatedAt: string;
}

export interface AssessmentSummary {
  id: string;
  title: LocalizedText;
  mode: AssessmentMode;
  status: PublishStatus;
  /** Fixed: exact count; adaptive: null. */
  questionCount: number | null;
  maxItems: number | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  /** For the caller. */
  attemptsUsed: number;
  passMark: number;
  dueAt: string | null;
  /** The caller's unfinished attempt. */
  inProgressAttemptId: string | null;
  audience?: Audience;
}

/** A learner's answer, by question type. */
export type QuestionResponse =
  | { optionId: string }
  | { optionIds: string[] }
  | { value: boolean }
  | { order: string[] }
  | { value: string }
  | { text: string }
  | { pairs: Record<string, string> }
  | { blanks: Record<string, string> }
  // A description is read, not answered: an empty response moves on.
  | Record<string, never>;

export interface ServedOption {
  id: string;
  text: LocalizedText;
}

export interface ServedEssay {
  minWords: number | null;
  maxWords: number | null;
  rubric: RubricCriterion[];
}

export interface AttemptProgress {
  answered: number;
  /** Fixed mode. */
  total: number | null;
  /** Adaptive: items left as a range whose ends never go up (null for fixed forms and once over). */
  left: { min: number; max: number } | null;
  /** Adaptive: 0–100, never goes down during the attempt. */
  percent: number | null;
  maxItems: number | null;
}

export interface LearnerEssayGrade {
  points: Record<string, number>;
  total: number;
  max: number;
  score: number;
  comment: string | null;
}

/* ---------- Skills: framework, standings, ratings, skill map ---------- */

/** Proficiency on the shared 1–5 scale. */
export const PROFICIENCY_VALUES = [1, 2, 3, 4, 5] as const;
export type ProficiencyValue = (typeof PROFICIENCY_VALUES)[number];

export interface FrameworkSkill {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  /** What each step of the scale looks like for this skill. */
  proficiencyLevels: Record<ProficiencyValue, LocalizedText>;
  /** Required proficiency per level; a level that is absent does not need the skill. */
  required: RequiredProficiency;
  /** Per job role id: replaces `required` for the levels it names, for people in that role. */
  jobRoleRequired?: Record<string, RequiredProficiency>;
}

/** Required proficiency (1–5) per level. */
export type RequiredProficiency = Partial<Record<Level, number>>;

export interface JobRole {
  id: string;
  name: LocalizedText;
}

export interface FrameworkCategory {
  id: string;
  name: LocalizedText;
  skills: FrameworkSkill[];
}

export interface SkillFramework {
  categories: FrameworkCategory[];
  jobRoles: JobRole[];
}

export interface SkillFrameworkDocument {
  framework: SkillFramework;
  rev: number;
  updatedAt: string;
}

export const SKILL_SOURCES = ['assessment', 'manager_rating', 'self_rating'] as const;
export type SkillSource = (typeof SKILL_SOURCES)[number];

/** One skill required at the person's level, with where its current value comes from. */
export interface SkillStanding {
  skillId: string;
  name: LocalizedText;
  required: number;
  /** null: no assessment or rating yet. */
  current: number | null;
  /** Shortfall to the required level (0 = meets it); an unrated skill counts its whole requirement. */
  gap: number;
  source: SkillSource | null;
  date: string | null;
  selfReported: boolean;
  stale: boolean;
  /** Why the current value is what it is. */
  explanation: LocalizedText;
}

export interface MySkills {
  /** null: HR has not set the person's level yet, so no skill is required (skills is empty). */
  level: Level | null;
  /** Largest gap first. */
  skills: SkillStanding[];
}

export interface UserSkills extends MySkills {
  user: { id: string; name: string; departmentName: string | null; level: Level | null };
}

export interface RatingInput {
  skillId: string;
  value: number;
  /** YYYY-MM-DD */
  date: string;
  comment?: string;
}

export interface SkillMapCell {
  skillId: string;
  /** null: the skill is not required at this person's level. */
  required: number | null;
  current: number | null;
  gap: number | null;
  source: string | null;
}

export interface SkillMapRow {
  user: { id: string; name: string; departmentId: string | null; departmentName: string | null; level: Level | null };
  cells: SkillMapCell[];
}

export interface SkillAggregate {
  skillId: string;
  /** People who need the skill. */
  users: number;
  /** …of whom have a current value. */
  assessed: number;
  meanCurrent: number | null;
  meanGap: number;
  /** People with a gap above 0. */
  withGap: number;
}

export interface SkillMapGroup<Key> {
  key: Key;
  users: number;
  skills: SkillAggregate[];
}

export interface SkillMap {
  skills: { id: string; name: LocalizedText }[];
  rows: SkillMapRow[];
  aggregates: {
    byDepartment: (SkillMapGroup<string | null> & { name: string | null })[];
    byLevel: SkillMapGroup<Level | null>[];
  };
  /** More people matched than the map shows. */
  truncated: boolean;
}

/* ---------- Packages, assignments, learning plan ---------- */

export const MODULE_KINDS = ['lesson', 'scorm', 'quiz', 'ojt', 'session'] as const;
export type ModuleKind = (typeof MODULE_KINDS)[number];

/** Who a package belongs to: a company, the platform catalog or a vendor (reseller). */
export type PackageOwner = 'tenant' | 'catalog' | 'vendor';

/** Draw rules for a quiz module; the server creates and publishes an assessment from them. */
export interface QuizTemplate {
  /** Bank refs (`QuestionBank.ref`): own bank ids, `catalog:<id>` or `vendor:<id>`. */
  bankIds: string[];
  /** A draw may name the level its questions come from (the catalog's level packages do). */
  draws: { skill: string; level?: Level; count: number }[];
  /** A placement test instead of draws: adaptive over these skills and levels. */
  adaptive?: { skills: string[]; levels: Level[]; minItems: number; maxItems: number; seTarget: number };
  /** Percent, 0–100 (an adaptive test's: a band 1–5). */
  passMark: number;
  timeLimitMinutes: number | null;
}

/** How a lesson counts as done (the author chooses; reading to the end when none is stored). */
export type LessonCompletion = { rule: 'read_to_end' } | { rule: 'viewed'; minutes: number } | { rule: 'self' };

/** The rule that completes a module, as the server reports it with the progress. */
export type CompletionRule =
  | LessonCompletion
  | { rule: 'quiz_passed' }
  | { rule: 'scorm_completed' }
  | { rule: 'scorm_passed' }
  | { rule: 'signed_off' }
  | { rule: 'attended' };

/** Where the learner stopped in an assignment: the module last opened and how far down its text (0–1). */
export interface LearningResume {
  moduleId: string;
  position: number;
  at: string;
}

/** The answer to a viewing heartbeat: time the server counted, and the assignment once the lesson is done. */
export interface HeartbeatResult {
  moduleId: string;
  viewedSeconds: number;
  remainingMinutes: number;
  done: boolean;
  assignment: MyAssignment | null;
}

/** One step of a package: e-learning, quiz, OJT task or training session. */
export interface PackageModule {
  id: string;
  kind: ModuleKind;
  title: LocalizedText;
  estimatedMinutes: number;
  skillTags: string[];
  /** Lesson text (a small Markdown subset). */
  body?: LocalizedText;
  /** OJT task instructions (same Markdown subset). */
  instructions?: LocalizedText;
  /** Quiz: the assessment the learner takes. */
  assessmentId?: string;
  /** Quiz written with draw rules: the server turns it into an assessment when the package is saved. */
  template?: QuizTemplate;
  /** Lesson: how it is completed; SCORM: done when the package reports completed, or only passed. */
  completion?: LessonCompletion | 'completed' | 'passed';
  /** SCORM: the uploaded package it plays (`<id>`, or `vendor:<id>` for the vendor's). */
  scormPackageId?: string;
  /** Session. */
  format?: 'online' | 'in_person';
  startsAt?: string | null;
  place?: string | null;
}

export interface PackageSummary {
  id: string;
  owner: PackageOwner;
  title: LocalizedText;
  description: LocalizedText;
  level: Level;
  moduleCount: number;
  totalMinutes: number;
  clonedFrom: string | null;
  rev: number;
  updatedAt?: string;
  audience?: Audience;
}

export interface LearningPackage {
  title: LocalizedText;
  description: LocalizedText;
  level: Level;
  /** Who the package is for; missing means everyone. */
  audience?: Audience;
  modules: PackageModule[];
}

export interface PackageDetail extends PackageSummary {
  package: LearningPackage;
}

export interface ModuleStatus {
  moduleId: string;
  kind: ModuleKind;
  /** The rule that completes it (absent from answers of older servers). */
  rule?: CompletionRule;
  done: boolean;
  completedAt: string | null;
  /** A viewing-time lesson, in the learner's own view: time counted so far and whole minutes left. */
  viewedSeconds?: number;
  remainingMinutes?: number;
}

export type ProgressStatus = 'not_started' | 'in_progress' | 'completed';

export interface PackageProgress {
  modules: ModuleStatus[];
  done: number;
  total: number;
  percent: number;
  status: ProgressStatus;
  overdue: boolean;
}

export type AssignmentVia = 'user' | 'department' | 'level' | 'auto';

export interface AssignInput {
  userIds?: string[];
  departmentId?: string;
  level?: Level;
  dueDate: string;
}

export interface AssignResult {
  created: number;
  existing: number;
  users: number;
}

export interface PackageAssignee {
  user: { id: string; name: string; departmentId: string | null; level: Level | null } | null;
  dueDate: string | null;
  via: AssignmentVia | string;
  progress: PackageProgress | null;
}

/** An assignment as the learner sees it; `package`/`progress` are null when the package is gone. */
export interface MyAssignment {
  packageId: string;
  userId: string;
  dueDate: string | null;
  assignedAt: string;
  via: AssignmentVia | string;
  package: Pick<LearningPackage, 'title' | 'level' | 'modules'> | null;
  progress: PackageProgress | null;
  /** Where the learner stopped (null: nothing opened yet). */
  resume?: LearningResume | null;
}

export interface LearningSettings {
  weeklyBudgetMinutes: number;
  autoAssign: Partial<Record<Level, string>>;
  autoAssignDueDays: number;
  autoAddRecommendations: boolean;
}

export interface PlanItem {
  /** `packageId:moduleId`. */
  id: string;
  kind: 'assigned' | 'recommended';
  minutes: number;
  dueDate: string | null;
  oversized: boolean;
  title?: LocalizedText;
  packageId?: string;
  moduleId?: string;
  moduleKind?: ModuleKind;
  reason: LocalizedText | null;
  /** A recommendation's reasons, one per weak skill it builds. */
  reasons?: LocalizedText[];
}

export interface PlanWeek {
  /** Monday, YYYY-MM-DD. */
  weekStart: string;
  capacity: number;
  minutes: number;
  items: PlanItem[];
}

export interface PlanLateItem {
  id: string;
  dueDate: string;
  weekStart: string;
  /**
   * Why it is late. The API currently spreads the module's description over the item, which
   * replaces this with the (null) recommendation reason, so the UI also works it out itself.
   */
  reason: 'overdue' | 'over_budget' | LocalizedText | null;
  title?: LocalizedText;
  packageId?: string;
  moduleId?: string;
  moduleKind?: ModuleKind;
}

export interface PlanUnscheduled {
  id: string;
  /** As for late items, the API may send the recommendation's reason text here instead. */
  reason: 'too_long' | 'no_capacity' | LocalizedText | null;
  title?: LocalizedText;
  packageId?: string;
  moduleId?: string;
  moduleKind?: ModuleKind;
}

export interface PlanRecommendation {
  id: string;
  packageId?: string;
  moduleId?: string;
  moduleKind?: ModuleKind;
  title?: LocalizedText;
  skillId: string;
  estimatedMinutes: number;
  reasonText: LocalizedText;
  /** Every skill's reason when one module builds several weak skills (the first is `reasonText`). */
  reasons?: LocalizedText[];
}

export interface LearningPlan {
  weeklyBudgetMinutes: number;
  level: Level | null;
  weeks: PlanWeek[];
  late: PlanLateItem[];
  unscheduled: PlanUnscheduled[];
  recommendations: PlanRecommendation[];
}

/* ---------- Goals ---------- */

export const GOAL_STATUSES = ['draft', 'agreed', 'in_progress', 'achieved', 'missed'] as const;

export const GOAL_METRIC_KINDS = ['proficiency', 'assessment_score'] as const;
export type GoalMetricKind = (typeof GOAL_METRIC_KINDS)[number];

export type GoalMetric =
  { kind: 'proficiency'; skillId: string; target: number } | { kind: 'assessment_score'; assessmentId: string; target: number };

export interface GoalInput {
  userId?: string;
  title: string;
  description: string;
  metric: { kind: GoalMetricKind; skillId?: string; assessmentId?: string; target: number | null };
  skillId: string;
  reason: string;
  dueDate: string;
}

/* ---------- Follow-up: mentors, check-ins, inbox ---------- */

export interface MentorInfo {
  learnerId: string;
  mentor: { id: string; name: string } | null;
}

export interface PersonRef {
  id: string;
  name: string;
  level: Level | null;
  departmentId: string | null;
}

export interface CheckIn {
  id: string;
  userId: string;
  hostId: string | null;
  dueDate: string;
  reflection: { text: string; at: string } | null;
  comment: { text: string; at: string; by: string } | null;
  status: 'scheduled' | 'done';
  createdAt?: string;
}

export interface InboxMessage {
  id: string;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface Inbox {
  items: InboxMessage[];
  unread: number;
}

/** Mean and spread of a group (population SD); null where there is nothing to average. */
export interface ReportMoments {
  count: number;
  mean: number | null;
  variance: number | null;
  sd: number | null;
}

/** Results of one assessment from the maintained aggregates. Rates are fractions 0–1, `percent` is 0–100. */
export interface ReportResults {
  closed: number;
  count: number;
  unscored: number;
  expired: number;
  passCount: number;
  passRate: number | null;
  score: ReportMoments;
  histogram: ReportHistogramBucket[];
  bands: { band: number; count: number; share: number | null }[];
  theta: ReportMoments;
}

/** One bucket of the score histogram (0–100 in ten steps). */
export interface ReportHistogramBucket {
  from: number;
  to: number;
  count: number;
  share: number | null;
}

/** One week of results; `week` is the Monday (YYYY-MM-DD). */
export interface ReportWeek {
  week: string;
  count: number;
  mean: number | null;
  passRate: number | null;
}

export interface AssessmentReport {
  assessmentId: string;
  filter: { departmentId?: string; level?: Level; week?: string };
  results: ReportResults;
  skills: { skill: string; count: number; correct: number; answered: number; percent: number | null }[];
}

export interface AssessmentTrend {
  /** Oldest first. */
  weeks: ReportWeek[];
}

/** Completion of assigned packages. Rates are fractions 0–1 (null when there is nothing to divide by). */
export interface CompletionStats {
  assigned: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  overdue: number;
  completionRate: number | null;
  onTimeRate: number | null;
  overdueRate: number | null;
}

/** Goals by status; `achievedRate` = achieved / (achieved + missed). */
export interface GoalCounts {
  total: number;
  draft: number;
  agreed: number;
  in_progress: number;
  achieved: number;
  missed: number;
  achievedRate: number | null;
}

/** Results of a group in the company overview: pass rate 0–1, mean score 0–100. */
export interface GroupResults {
  count: number;
  passRate: number | null;
  mean: number | null;
}

/** The company overview (`GET /api/reports/overview`); a manager's is always their own department. */
export interface ReportsOverview {
  filter: { departmentId?: string; level?: string };
  completion: CompletionStats;
  /** Across all assessments of the company. */
  results: ReportResults;
  goals: GoalCounts;
  /** `departmentId` null: people without a department. */
  byDepartment: {
    departmentId: string | null;
    name: string | null;
    completion: CompletionStats;
    results: GroupResults;
    goals: GoalCounts;
  }[];
  byLevel: { level: string | null; completion: CompletionStats; results: GroupResults; goals: GoalCounts }[];
  /** `percent` is 0–100. */
  bySkill: { skill: string; count: number; answered: number; percent: number | null }[];
  /** Oldest first, 12 weeks. */
  trend: ReportWeek[];
}

/** Group × skill gap on the 0–5 proficiency scale; `meanGap` > 0 means below the requirement. */
export interface SkillGapCell {
  skillId: string;
  people: number;
  assessed: number;
  meanCurrent: number | null;
  meanRequired: number | null;
  meanGap: number | null;
  below: number;
}

export type SkillGapsBy = 'department' | 'level';

export interface SkillGaps {
  by: SkillGapsBy;
  skills: { id: string; name: LocalizedText }[];
  /** `key` is the department id or the level id; null: no department / no level. */
  rows: { key: string | null; name: string | null; people: number; cells: SkillGapCell[] }[];
  total: { people: number; cells: SkillGapCell[] };
}

/** Classical item analysis of an assessment, maintained continuously (`GET /api/assessments/{id}/statistics`). */
export interface ItemStatistics {
  computedAt: string | null;
  attempts: number;
  items: {
    itemId: string;
    exposureCount: number;
    /** 0–1 of the people who took the assessment. */
    exposureRate: number;
    /** Share answering correctly, 0–1. */
    pValue: number;
    pointBiserial: number | null;
    /** Share choosing each option, 0–1. */
    optionRates: Record<string, number>;
  }[];
}

/** A package assigned to the learner, as the learner report shows it. */
export interface LearnerAssignment {
  packageId: string;
  title: LocalizedText;
  level: string | null;
  dueDate: string | null;
  assignedAt: string;
  progress: Pick<PackageProgress, 'done' | 'total' | 'percent' | 'status' | 'overdue'> | null;
}

export interface LearnerHistory {
  user: { id: string; name: string; departmentId: string | null; level: Level | null };
  attempts: {
    id: string;
    assessmentId: string;
    title: LocalizedText | null;
    status: AttemptStatus;
    startedAt: string;
    finishedAt: string | null;
    /** θ, SE and the scaled score come for HR and managers only (adaptive attempts). */
    result: {
      score: number;
      passed: boolean;
      band: number;
      theta?: number | null;
      se?: number | null;
      scaledScore?: number | null;
    } | null;
  }[];
  proficiency: {
    skillId: string;
    /** The skill's name in the framework (null for a skill since removed from it). */
    skillName?: LocalizedText | null;
    source: SkillSource;
    date: string;
    percent: number | null;
    band: number | null;
    value: number | null;
  }[];
  goals: (Pick<Goal, 'id' | 'title' | 'status' | 'dueDate'> & Partial<Goal>)[];
  /** Absent from older API versions. */
  assignments?: LearnerAssignment[];
}

/* ---------- Audiences ---------- */

/** Who a test or package is for: an empty list means everyone on that dimension. */
export interface Audience {
  levels: Level[];
  departmentIds: string[];
  jobRoles: string[];
}

/* ---------- Essay grading (HR and managers) ---------- */

export interface EssayQueueItem {
  attemptId: string;
  questionId: string;
  learner: { id: string; name: string };
  assessment: { id: string; title: LocalizedText };
  question: { title: string | null; stem: LocalizedText };
  submittedAt: string;
}

export interface EssayQueue {
  items: EssayQueueItem[];
  /** Every essay waiting in the caller's queue (all pages). */
  count: number;
  nextCursor: string | null;
}

export interface EssayGrade extends LearnerEssayGrade {
  gradedBy: string;
  gradedByName: string;
  gradedAt: string;
}

export interface EssayGrading {
  attemptId: string;
  questionId: string;
  state: 'pending' | 'graded';
  learner: { id: string; name: string };
  assessment: { id: string; title: LocalizedText };
  attemptStatus: AttemptStatus | null;
  submittedAt: string | null;
  question: {
    title: string | null;
    stem: LocalizedText;
    rubric: RubricCriterion[];
    minWords: number | null;
    maxWords: number | null;
    graderNotes: LocalizedText | null;
  };
  /** Signed URLs of the images the stem and the graders' notes show. */
  images?: { id: string; url: string }[];
  text: string;
  grade: EssayGrade | null;
  regrades: { by: string; byName: string; at: string; previous: { total: number; max: number } }[];
}

export interface EssayGradeInput {
  points: Record<string, number>;
  comment: string | null;
}
