import type { ComponentType } from 'react';
import {
  IconHome,
  IconUsers,
  IconBuildingCommunity,
  IconMail,
  IconListSearch,
  IconShieldCheck,
  IconUserHeart,
  IconEye,
  IconFolders,
  IconChartBar,
  IconHomeHeart,
  IconArrowsExchange,
  IconCalendarCheck,
  IconHeartHandshake,
  IconId,
  IconTrafficLights,
  IconUsersGroup,
  IconCalendarEvent,
  IconReportMoney,
  IconCalendarStats,
  IconSignature,
  IconReportAnalytics,
  IconChartLine,
  IconSchool,
  IconCalendarMonth,
  IconPresentation,
  IconCertificate,
  IconTimeline,
  IconCoins,
  IconFileDollar,
  type IconProps,
} from '@tabler/icons-react';
import { IconCalendarTime, IconDatabaseExport, IconScale } from '@tabler/icons-react';
import { CASE_ROLES, FAMILY_ROLES, PEOPLE_ROLES, ROLES, TRAINING_ROLES, type Role } from './auth/roles';

export interface NavItem {
  /** Route path, also the prefix that marks the link active. */
  path: string;
  /** i18n key of the link text. */
  labelKey: string;
  icon: ComponentType<IconProps>;
  /** Roles that see the link (and may open the route). */
  roles: readonly Role[];
}

/** The single role-based navigation list. Later modules add their entries here. */
export const NAVIGATION: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: IconHome, roles: ROLES },
  { path: '/cases', labelKey: 'nav.cases', icon: IconFolders, roles: CASE_ROLES },
  { path: '/cases/stats', labelKey: 'nav.casesStats', icon: IconChartBar, roles: CASE_ROLES },
  { path: '/families', labelKey: 'nav.families', icon: IconHomeHeart, roles: FAMILY_ROLES },
  { path: '/families/my', labelKey: 'nav.familiesMy', icon: IconCalendarCheck, roles: ['provider_specialist'] },
  { path: '/families/referrals', labelKey: 'nav.familiesReferrals', icon: IconArrowsExchange, roles: ['ska_contact', 'ska_manager', 'kov_worker', 'provider_admin'] },
  { path: '/families/episodes', labelKey: 'nav.familiesEpisodes', icon: IconHeartHandshake, roles: ['ska_contact', 'ska_manager', 'kov_worker', 'provider_admin'] },
  { path: '/families/continued-support', labelKey: 'nav.familiesContinued', icon: IconUsersGroup, roles: ['provider_admin', 'provider_specialist'] },
  { path: '/families/specialists', labelKey: 'nav.familiesSpecialists', icon: IconId, roles: ['ska_contact', 'ska_manager', 'provider_admin'] },
  { path: '/families/compliance', labelKey: 'nav.familiesCompliance', icon: IconTrafficLights, roles: ['ska_contact', 'ska_manager'] },
  { path: '/families/groups', labelKey: 'groups.nav', icon: IconCalendarEvent, roles: ['ska_contact', 'ska_manager', 'provider_admin', 'provider_specialist'] },
  { path: '/families/monthly-reports', labelKey: 'monthlyReports.nav', icon: IconReportMoney, roles: ['provider_admin', 'provider_specialist', 'ska_contact', 'ska_manager'] },
  { path: '/families/this-month', labelKey: 'monthlyReports.navThisMonth', icon: IconCalendarStats, roles: ['provider_admin'] },
  { path: '/me/service-confirmations', labelKey: 'monthlyReports.navClient', icon: IconSignature, roles: ['client'] },
  { path: '/families/provider-reports', labelKey: 'providerReports.nav', icon: IconReportAnalytics, roles: ['provider_admin', 'ska_contact', 'ska_manager'] },
  { path: '/families/spend', labelKey: 'invoices.spend.nav', icon: IconChartLine, roles: ['ska_contact', 'ska_manager'] },
  { path: '/families/service-limits', labelKey: 'sessions.nav.limits', icon: IconCalendarCheck, roles: ['ska_contact', 'ska_manager', 'provider_admin'] },
  { path: '/families/counselling-extras', labelKey: 'sessions.nav.extras', icon: IconHeartHandshake, roles: ['ska_contact', 'ska_manager', 'provider_admin', 'provider_specialist'] },
  { path: '/programme', labelKey: 'nav.programme', icon: IconTimeline, roles: ['ministry_officer', 'ska_manager'] },
  { path: '/grants', labelKey: 'nav.grants', icon: IconCoins, roles: ['ministry_officer', 'kov_worker'] },
  { path: '/grants/applications', labelKey: 'nav.grantApplications', icon: IconFileDollar, roles: ['ministry_officer', 'kov_worker'] },
  { path: '/trainings', labelKey: 'trainings.nav.catalogue', icon: IconSchool, roles: TRAINING_ROLES },
  { path: '/trainings/calendar', labelKey: 'trainings.nav.calendar', icon: IconCalendarMonth, roles: TRAINING_ROLES },
  { path: '/trainings/groups', labelKey: 'trainings.nav.groups', icon: IconPresentation, roles: ['ska_manager', 'ska_specialist', 'ska_contact', 'trainer'] },
  { path: '/trainings/registrations', labelKey: 'trainings.nav.registrations', icon: IconCertificate, roles: ['ska_manager', 'ska_specialist', 'ska_contact', 'kov_worker'] },
  { path: '/people', labelKey: 'nav.people', icon: IconUserHeart, roles: PEOPLE_ROLES },
  { path: '/admin/users', labelKey: 'nav.users', icon: IconUsers, roles: ['admin'] },
  { path: '/admin/organisations', labelKey: 'nav.organisations', icon: IconBuildingCommunity, roles: ['admin'] },
  { path: '/admin/mail', labelKey: 'nav.mail', icon: IconMail, roles: ['admin'] },
  { path: '/audit', labelKey: 'nav.audit', icon: IconListSearch, roles: ['auditor'] },
  { path: '/audit/verify', labelKey: 'nav.auditVerify', icon: IconShieldCheck, roles: ['auditor'] },
  { path: '/me/data-tracker', labelKey: 'nav.meDataTracker', icon: IconEye, roles: ['client'] },
  { path: '/mediation', labelKey: 'mediation.nav.proceedings', icon: IconScale, roles: ['ska_contact', 'ska_manager', 'mediator', 'client'] },
  { path: '/mediation/calendar', labelKey: 'mediation.nav.calendar', icon: IconCalendarTime, roles: ['mediator'] },
  { path: '/mediation/register', labelKey: 'mediation.nav.register', icon: IconDatabaseExport, roles: ['ska_contact', 'ska_manager'] },
];

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}

/** Roles allowed on a route, taken from its navigation entry. */
export function rolesFor(path: string): readonly Role[] {
  const item = NAVIGATION.find((n) => n.path === path);
  if (!item) throw new Error(`No navigation entry for ${path}`);
  return item.roles;
}

/** data-testid of a nav link: `nav-home`, `nav-admin-users`, `nav-audit-verify`. */
export function navTestId(path: string): string {
  const slug = path.replace(/^\/+|\/+$/g, '').replace(/\//g, '-');
  return `nav-${slug || 'home'}`;
}

/** The most specific nav entry that contains the current path. */
export function activeNavPath(pathname: string, items: readonly NavItem[]): string | null {
  const matches = items.filter((i) =>
    i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`),
  );
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches[0]?.path ?? null;
}
