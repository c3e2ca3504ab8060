import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { setSessionExpiryHandler, setUnauthorizedHandler } from './platform/api/client';
import { RequireAuth, RequireRole } from './platform/auth/RequireAuth';
import { LoginPage } from './platform/auth/LoginPage';
import { ForgotPasswordPage } from './platform/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './platform/auth/ResetPasswordPage';
import { SESSION_KEY } from './platform/auth/session-api';
import type { Session } from './platform/auth/types';
import { endSessionLocally } from './platform/auth/useSession';
import { onSessionSync, shareExpiry } from './platform/auth/session-sync';
import { AppLayout } from './platform/layout/AppLayout';
import { NotFoundPage } from './platform/components/NotFoundPage';
import { RouteError } from './platform/components/RouteError';
import { rolesFor } from './platform/navigation';
import { FAMILY_ROLES, type Role } from './platform/auth/roles';
import { lazyNamed } from './platform/lazy';

const HomePage = lazyNamed(() => import('./modules/home/HomePage'), 'HomePage');
const UsersPage = lazyNamed(() => import('./modules/admin/users/UsersPage'), 'UsersPage');
const UserPage = lazyNamed(() => import('./modules/admin/users/UserPage'), 'UserPage');
const OrganisationsPage = lazyNamed(() => import('./modules/admin/organisations/OrganisationsPage'), 'OrganisationsPage');
const OrganisationPage = lazyNamed(() => import('./modules/admin/organisations/OrganisationPage'), 'OrganisationPage');
const MailPage = lazyNamed(() => import('./modules/admin/mail/MailPage'), 'MailPage');
const MailDetailPage = lazyNamed(() => import('./modules/admin/mail/MailDetailPage'), 'MailDetailPage');
const AuditPage = lazyNamed(() => import('./modules/audit/AuditPage'), 'AuditPage');
const AuditVerifyPage = lazyNamed(() => import('./modules/audit/AuditVerifyPage'), 'AuditVerifyPage');
const PeoplePage = lazyNamed(() => import('./modules/people/PeoplePage'), 'PeoplePage');
const PersonPage = lazyNamed(() => import('./modules/people/PersonPage'), 'PersonPage');
const CasesPage = lazyNamed(() => import('./modules/cases/CasesPage'), 'CasesPage');
const CaseCreatePage = lazyNamed(() => import('./modules/cases/CaseCreatePage'), 'CaseCreatePage');
const CasePage = lazyNamed(() => import('./modules/cases/CasePage'), 'CasePage');
const StatsPage = lazyNamed(() => import('./modules/cases/stats/StatsPage'), 'StatsPage');
const FamiliesPage = lazyNamed(() => import('./modules/families/list/FamiliesPage'), 'FamiliesPage');
const FamilyCreatePage = lazyNamed(() => import('./modules/families/form/FamilyCreatePage'), 'FamilyCreatePage');
const FamilyPage = lazyNamed(() => import('./modules/families/family/FamilyPage'), 'FamilyPage');
const ReferralsPage = lazyNamed(() => import('./modules/families/referrals/ReferralsPage'), 'ReferralsPage');
const ReferralCreatePage = lazyNamed(() => import('./modules/families/referrals/ReferralCreatePage'), 'ReferralCreatePage');
const ReferralPage = lazyNamed(() => import('./modules/families/referrals/ReferralPage'), 'ReferralPage');
const EpisodesPage = lazyNamed(() => import('./modules/families/episodes/EpisodesPage'), 'EpisodesPage');
const EpisodePage = lazyNamed(() => import('./modules/families/episode/EpisodePage'), 'EpisodePage');
const MyFamiliesPage = lazyNamed(() => import('./modules/families/my/MyFamiliesPage'), 'MyFamiliesPage');
const SpecialistsPage = lazyNamed(() => import('./modules/families/specialists/SpecialistsPage'), 'SpecialistsPage');
const SpecialistPage = lazyNamed(() => import('./modules/families/specialists/SpecialistPage'), 'SpecialistPage');
const MonthlyReportsPage = lazyNamed(() => import('./modules/families/reporting/MonthlyReportsPage'), 'MonthlyReportsPage');
const MonthlyReportPage = lazyNamed(() => import('./modules/families/reporting/MonthlyReportPage'), 'MonthlyReportPage');
const MonthlyThisMonthPage = lazyNamed(() => import('./modules/families/reporting/MonthlyThisMonthPage'), 'MonthlyThisMonthPage');
const MonthlyConfirmationsPage = lazyNamed(() => import('./modules/families/reporting/MonthlyConfirmationsPage'), 'MonthlyConfirmationsPage');
const ProviderReportsPage = lazyNamed(() => import('./modules/families/reporting/ProviderReportsPage'), 'ProviderReportsPage');
const ProviderReportPage = lazyNamed(() => import('./modules/families/reporting/ProviderReportPage'), 'ProviderReportPage');
const SpendPage = lazyNamed(() => import('./modules/families/reporting/SpendPage'), 'SpendPage');
const CompliancePage = lazyNamed(() => import('./modules/families/overview/CompliancePage'), 'CompliancePage');
const ContinuedSupportPage = lazyNamed(() => import('./modules/families/overview/ContinuedSupportPage'), 'ContinuedSupportPage');
const ServiceLimitsPage = lazyNamed(() => import('./modules/families/sessions/ServiceLimitsPage'), 'ServiceLimitsPage');
const CounsellingExtrasPage = lazyNamed(() => import('./modules/families/sessions/CounsellingExtrasPage'), 'CounsellingExtrasPage');
const GroupsPage = lazyNamed(() => import('./modules/families/groups/GroupsPage'), 'GroupsPage');
const ProgrammePage = lazyNamed(() => import('./modules/programme/ProgrammePage'), 'ProgrammePage');
const GrantsPage = lazyNamed(() => import('./modules/grants/GrantsPage'), 'GrantsPage');
const GrantRoundPage = lazyNamed(() => import('./modules/grants/RoundPage'), 'RoundPage');
const GrantApplicationsPage = lazyNamed(() => import('./modules/grants/ApplicationsPage'), 'ApplicationsPage');
const GrantApplicationPage = lazyNamed(() => import('./modules/grants/ApplicationPage'), 'ApplicationPage');
const TrainingsPage = lazyNamed(() => import('./modules/trainings/TrainingsPage'), 'TrainingsPage');
const TrainingPage = lazyNamed(() => import('./modules/trainings/TrainingPage'), 'TrainingPage');
const TrainingGroupsPage = lazyNamed(() => import('./modules/trainings/GroupsPage'), 'GroupsPage');
const TrainingGroupPage = lazyNamed(() => import('./modules/trainings/GroupPage'), 'GroupPage');
const TrainingCalendarPage = lazyNamed(() => import('./modules/trainings/CalendarPage'), 'CalendarPage');
const TrainingRegistrationsPage = lazyNamed(() => import('./modules/trainings/RegistrationsPage'), 'RegistrationsPage');
const NotificationsPage = lazyNamed(() => import('./platform/notifications/NotificationsPage'), 'NotificationsPage');
const DataTrackerPage = lazyNamed(() => import('./modules/me/DataTrackerPage'), 'DataTrackerPage');
const MediationPage = lazyNamed(() => import('./modules/mediation/MediationPage'), 'MediationPage');
const ProceedingPage = lazyNamed(() => import('./modules/mediation/ProceedingPage'), 'ProceedingPage');
const MediationCalendarPage = lazyNamed(() => import('./modules/mediation/CalendarPage'), 'CalendarPage');
const RegisterPage = lazyNamed(() => import('./modules/mediation/RegisterPage'), 'RegisterPage');

/** A self-service client may open their own person page (read-only), though not the people list. */
const PERSON_PAGE_ROLES: readonly Role[] = [...rolesFor('/people'), 'client'];

/** Module B: who records families and referrals; who reads continued support (everyone but the KOV). */
const FAMILY_WRITERS: readonly Role[] = ['kov_worker', 'ska_contact', 'provider_admin'];
const CONTINUED_ROLES: readonly Role[] = ['provider_admin', 'provider_specialist', 'ska_contact', 'ska_manager'];

/** A route only for the roles of the given navigation entry. */
function guarded(path: string, navPath: string, Page: React.ComponentType): RouteObject {
  return { path, element: <RequireRole roles={rolesFor(navPath)}><Page /></RequireRole> };
}

/** A route for the given roles (pages reached from links rather than the menu). */
function only(path: string, roles: readonly Role[], Page: React.ComponentType): RouteObject {
  return { path, element: <RequireRole roles={roles}><Page /></RequireRole> };
}

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/forgot-password', element: <ForgotPasswordPage />, errorElement: <RouteError /> },
  { path: '/reset-password', element: <ResetPasswordPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      guarded('cases', '/cases', CasesPage),
      { path: 'cases/new', element: <RequireRole roles={['kov_worker']}><CaseCreatePage /></RequireRole> },
      guarded('cases/stats', '/cases/stats', StatsPage),
      guarded('cases/:id', '/cases', CasePage),
      guarded('families', '/families', FamiliesPage),
      only('families/new', FAMILY_WRITERS, FamilyCreatePage),
      only('families/my', ['provider_specialist', 'provider_admin'], MyFamiliesPage),
      guarded('families/referrals', '/families/referrals', ReferralsPage),
      only('families/referrals/new', FAMILY_WRITERS, ReferralCreatePage),
      only('families/referrals/:id', FAMILY_ROLES, ReferralPage),
      only('families/episodes', FAMILY_ROLES, EpisodesPage),
      only('families/episodes/:id', FAMILY_ROLES, EpisodePage),
      only('families/continued-support', CONTINUED_ROLES, ContinuedSupportPage),
      guarded('families/specialists', '/families/specialists', SpecialistsPage),
      guarded('families/specialists/:id', '/families/specialists', SpecialistPage),
      guarded('families/compliance', '/families/compliance', CompliancePage),
      guarded('families/groups', '/families/groups', GroupsPage),
      guarded('families/service-limits', '/families/service-limits', ServiceLimitsPage),
      guarded('families/counselling-extras', '/families/counselling-extras', CounsellingExtrasPage),
      guarded('families/monthly-reports', '/families/monthly-reports', MonthlyReportsPage),
      guarded('families/monthly-reports/:id', '/families/monthly-reports', MonthlyReportPage),
      guarded('families/this-month', '/families/this-month', MonthlyThisMonthPage),
      guarded('me/service-confirmations', '/me/service-confirmations', MonthlyConfirmationsPage),
      guarded('families/provider-reports', '/families/provider-reports', ProviderReportsPage),
      guarded('families/provider-reports/:id', '/families/provider-reports', ProviderReportPage),
      guarded('families/spend', '/families/spend', SpendPage),
      only('families/:id', FAMILY_ROLES, FamilyPage),
      guarded('programme', '/programme', ProgrammePage),
      guarded('grants', '/grants', GrantsPage),
      guarded('grants/applications', '/grants/applications', GrantApplicationsPage),
      guarded('grants/applications/:id', '/grants/applications', GrantApplicationPage),
      guarded('grants/rounds/:id', '/grants', GrantRoundPage),
      guarded('trainings', '/trainings', TrainingsPage),
      guarded('trainings/calendar', '/trainings/calendar', TrainingCalendarPage),
      guarded('trainings/groups', '/trainings/groups', TrainingGroupsPage),
      guarded('trainings/groups/:id', '/trainings', TrainingGroupPage),
      guarded('trainings/registrations', '/trainings/registrations', TrainingRegistrationsPage),
      guarded('trainings/:id', '/trainings', TrainingPage),
      guarded('people', '/people', PeoplePage),
      { path: 'people/:id', element: <RequireRole roles={PERSON_PAGE_ROLES}><PersonPage /></RequireRole> },
      guarded('admin/users', '/admin/users', UsersPage),
      guarded('admin/users/:id', '/admin/users', UserPage),
      guarded('admin/organisations', '/admin/organisations', OrganisationsPage),
      guarded('admin/organisations/:id', '/admin/organisations', OrganisationPage),
      guarded('admin/mail', '/admin/mail', MailPage),
      guarded('admin/mail/:id', '/admin/mail', MailDetailPage),
      guarded('audit', '/audit', AuditPage),
      guarded('audit/verify', '/audit/verify', AuditVerifyPage),
      guarded('me/data-tracker', '/me/data-tracker', DataTrackerPage),
      guarded('mediation', '/mediation', MediationPage),
      guarded('mediation/calendar', '/mediation/calendar', MediationCalendarPage),
      guarded('mediation/register', '/mediation/register', RegisterPage),
      guarded('mediation/:id', '/mediation', ProceedingPage),
      { path: 'notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

/** Wires API-wide session events (401, sliding expiry, other tabs) into the query cache. */
function useSessionEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const applyExpiry = (expiresAt: string) => {
      const session = client.getQueryData<Session | null>(SESSION_KEY);
      if (session && Date.parse(expiresAt) > Date.parse(session.expiresAt)) {
        client.setQueryData(SESSION_KEY, { ...session, expiresAt });
        return true;
      }
      return false;
    };
    setUnauthorizedHandler(() => {
      if (client.getQueryData(SESSION_KEY)) endSessionLocally(client, 'expired');
    });
    setSessionExpiryHandler((expiresAt) => {
      if (applyExpiry(expiresAt)) shareExpiry(expiresAt);
    });
    const unsubscribe = onSessionSync(applyExpiry, () => {
      if (client.getQueryData(SESSION_KEY)) endSessionLocally(client, 'loggedOut');
    });
    return () => {
      setUnauthorizedHandler(null);
      setSessionExpiryHandler(null);
      unsubscribe();
    };
  }, [client]);
}

export function App() {
  useSessionEvents();
  return <RouterProvider router={router} />;
}
