import type { Component } from 'vue';
import {
  Award,
  Building2,
  CalendarDays,
  ChartColumn,
  ChartLine,
  ChartPie,
  ClipboardList,
  Compass,
  GraduationCap,
  House,
  KeyRound,
  Layers,
  Library,
  ListTodo,
  Network,
  Package,
  Palette,
  RefreshCw,
  ScrollText,
  ShieldCheck,
  SlidersHorizontal,
  Store,
  Target,
  Upload,
  Users,
  UsersRound,
} from 'lucide-vue-next';
import type { Role } from '../api/types';

/** One entry of the sidebar; `labelKey` is an i18n key. */
export interface NavLink {
  to: string;
  labelKey: string;
  testid: string;
  icon: Component;
  /** More pages the link counts as current on: a path prefix, or a pattern for pages among others'. */
  sections?: (string | RegExp)[];
}

/** An area of the product, with its heading (none for the home link at the top). */
export interface NavArea {
  key: 'home' | 'people' | 'learning' | 'assessments' | 'skills' | 'reports' | 'myLearning' | 'settings' | 'clients' | 'content';
  labelKey: string | null;
  links: NavLink[];
}

const link = (to: string, labelKey: string, testid: string, icon: Component, sections?: (string | RegExp)[]): NavLink => ({
  to,
  labelKey,
  testid,
  icon,
  ...(sections ? { sections } : {}),
});

/** A person's page (edit, new) under the users list; the import has its own link. */
const USER_PAGE = /^\/admin\/users\/(?!import$)[^/]+$/;
/** A person's skills, opened from the skill map. */
const USER_SKILLS = /^\/admin\/users\/[^/]+\/skills$/;
/** A bank's questions, own or from the catalog (catalog packages belong to the packages link). */
const BANK_PAGES = ['/admin/banks/', '/admin/questions/', /^\/admin\/catalog\/(?!packages\/)/];
const PACKAGE_PAGES = ['/admin/packages/', '/admin/catalog/packages/'];

/** "Reports" opens the assessment reports, whose tab bar leads on; it stays marked on every report page. */
const reports = link('/admin/reports', 'nav.reports', 'nav-reports', ChartColumn, ['/admin/reports/']);

/** A company member's own learning: their plan, assignments, tests, goals and skills. */
const ownLearning = (assessmentsLabel: string) => ({
  learning: [
    link('/me/plan', 'nav.plan', 'nav-plan', CalendarDays),
    link('/me/assignments', 'nav.assignments', 'nav-assignments', ListTodo, ['/me/assignments/']),
  ],
  assessments: [link('/assessments', assessmentsLabel, 'nav-assessments', ClipboardList, ['/attempts/'])],
  skills: [link('/me/goals', 'nav.goals', 'nav-goals', Target), link('/me/skills', 'nav.mySkills', 'nav-my-skills', Compass)],
});

const area = (key: NavArea['key'], labelKey: string | null, links: NavLink[]): NavArea => ({ key, labelKey, links });

/**
 * The sidebar of each role, grouped by area: people, learning, assessments, skills and goals,
 * reports, settings. Each role sees only its own areas (the router and the API decide access).
 */
export function navigationFor(role: Role | null): NavArea[] {
  switch (role) {
    case 'tenant_admin': {
      const own = ownLearning('nav.myAssessments');
      return [
        area('home', null, [link('/admin/home', 'nav.home', 'nav-home', House)]),
        area('people', 'navAreas.people', [
          link('/admin/users', 'nav.users', 'nav-users', Users, [USER_PAGE]),
          link('/admin/departments', 'nav.departments', 'nav-departments', Building2),
          link('/admin/users/import', 'nav.import', 'nav-import', Upload),
          link('/team', 'nav.team', 'nav-team', UsersRound, ['/team/']),
        ]),
        area('learning', 'navAreas.learning', [
          link('/admin/packages', 'nav.packages', 'nav-packages', Package, PACKAGE_PAGES),
          link('/admin/learning-settings', 'nav.learningSettings', 'nav-learning-settings', SlidersHorizontal),
        ]),
        area('assessments', 'navAreas.assessments', [
          link('/admin/banks', 'nav.banks', 'nav-banks', Library, BANK_PAGES),
          link('/admin/assessments', 'nav.assessmentsAdmin', 'nav-assessments-admin', ClipboardList, ['/admin/assessments/']),
        ]),
        area('skills', 'navAreas.skills', [
          link('/admin/framework', 'nav.framework', 'nav-framework', Network),
          link('/admin/skills', 'nav.skillMap', 'nav-skill-map', Compass, [USER_SKILLS]),
          link('/admin/goals', 'nav.goalsOverview', 'nav-goals-overview', Target),
        ]),
        area('reports', 'navAreas.reports', [reports]),
        area('myLearning', 'navAreas.myLearning', [...own.learning, ...own.assessments, ...own.skills]),
        area('settings', 'navAreas.settings', [
          link('/admin/branding', 'nav.companyBranding', 'nav-company-branding', Palette),
          link('/admin/certificate-template', 'certificates.nav.template', 'nav-certificate-template', Award),
          link('/admin/support-access', 'nav.supportAccess', 'nav-support-access', ShieldCheck),
          link('/settings/sso', 'nav.sso', 'nav-sso', KeyRound),
          link('/admin/settings/scim', 'nav.scim', 'nav-scim', RefreshCw),
          link('/admin/settings/audit-log', 'nav.auditLog', 'nav-audit-log', ScrollText),
        ]),
      ];
    }
    case 'manager':
    case 'learner': {
      const own = ownLearning('nav.assessments');
      const areas = [
        area('home', null, [link('/me', 'nav.home', 'nav-home', House)]),
        area('learning', 'navAreas.learning', own.learning),
        area('assessments', 'navAreas.assessments', own.assessments),
        area('skills', 'navAreas.skills', own.skills),
      ];
      if (role === 'learner') return areas;
      // Managers also lead: their team, their department's skill map and reports.
      return [
        ...areas.slice(0, 1),
        area('people', 'navAreas.people', [link('/team', 'nav.team', 'nav-team', UsersRound, ['/team/'])]),
        ...areas.slice(1, 3),
        area('skills', 'navAreas.skills', [...own.skills, link('/admin/skills', 'nav.skillMap', 'nav-skill-map', Compass, [USER_SKILLS])]),
        area('reports', 'navAreas.reports', [reports]),
      ];
    }
    case 'vendor_admin':
      return [
        area('clients', 'navAreas.clients', [
          link('/vendor/tenants', 'nav.clientCompanies', 'nav-vendor-tenants', Store, ['/vendor/tenants/']),
        ]),
        // Questions and read-only catalog content are opened from the banks and packages pages.
        area('content', 'navAreas.content', [
          link('/admin/banks', 'nav.banks', 'nav-vendor-banks', Library, BANK_PAGES),
          link('/admin/packages', 'nav.packages', 'nav-vendor-packages', Layers, PACKAGE_PAGES),
        ]),
        area('reports', 'navAreas.reports', [link('/vendor/usage', 'nav.usage', 'nav-vendor-usage', ChartLine)]),
        area('settings', 'navAreas.settings', [link('/vendor/branding', 'nav.branding', 'nav-vendor-branding', Palette)]),
      ];
    case 'platform_admin':
      return [
        area('clients', 'navAreas.vendors', [
          link('/platform/vendors', 'nav.vendors', 'nav-platform-vendors', GraduationCap),
          link('/platform/tenants', 'nav.platformTenants', 'nav-platform-tenants', Building2),
        ]),
        area('reports', 'navAreas.reports', [link('/platform/usage', 'nav.usage', 'nav-platform-usage', ChartPie)]),
      ];
    default:
      return [];
  }
}

/** Whether a link is the current page: its own path, or a page under one of its sections. */
export function isCurrent(link: NavLink, path: string): boolean {
  if (path === link.to) return true;
  return (link.sections ?? []).some((section) => (typeof section === 'string' ? path.startsWith(section) : section.test(path)));
}
