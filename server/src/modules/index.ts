import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/http/index.js';
import { registerDueItems } from '../platform/home/due-items.js';
import { registerRecordType } from '../platform/audit/record-access.js';
import { adminDueItems, notificationDueItems } from './admin/due-items.js';
import { registerMailRoutes } from './admin/mail-routes.js';
import { registerOrganisationRoutes } from './admin/organisations-routes.js';
import { findOrganisation } from './admin/organisations-queries.js';
import { registerUserRoutes } from './admin/users-routes.js';
import { findUser } from './admin/users-queries.js';
import { registerPeopleRoutes } from './people/routes.js';
import { registerCaseRoutes } from './cases/routes.js';
import { registerCaseStatsRoutes } from './cases/stats-routes.js';
import { registerCaseDocumentRoutes } from './cases/document-routes.js';
import { caseMessages } from './cases/messages.js';
import { caseDueItems, notifyOverdueCases } from './cases/deadlines.js';
import { registerFamilyRoutes } from './families/routes.js';
import { familyMessages } from './families/messages.js';
import { familyDueItems, remindFamilyContacts } from './families/deadlines.js';
import { registerSessionRoutes, sessionsDueItems, sessionsJobs, sessionsMessages } from './families/sessions/index.js';
import { registerGroupRoutes, groupsDueItems, groupsJobs, groupsMessages } from './families/groups/index.js';
import { registerReportRoutes, reportingDueItems, reportingJobs, reportingMessages } from './families/reporting/index.js';
import { registerTrainingRoutes, trainingDueItems, trainingJobs, trainingMessages } from './trainings/index.js';
import { findGroup as findTrainingGroup, findRegistration, findTraining } from './trainings/queries.js';
import type { JobDefinition } from '../platform/jobs/jobs.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { addMessages } from '../platform/i18n/messages.js';
import type { AppConfig } from '../config.js';
import { mediationDueItems, mediationJobs, mediationMessages, registerMediationRoutes } from './mediation/index.js';
import { registerProgrammeRoutes } from './programme/routes.js';
import { programmeMessages } from './programme/messages.js';
import { registerGrantRoutes } from './grants/routes.js';
import { grantMessages } from './grants/messages.js';
import { findApplication } from './grants/queries.js';
import { grantDueItems, grantJobs } from './grants/index.js';

/** Every module's routes, home-page items and audited record types, in one place. */
export function registerModuleRoutes(app: FastifyInstance, deps: AppDeps): void {
  addMessages(caseMessages);
  addMessages(familyMessages);
  addMessages(mediationMessages);
  registerDueItems(mediationDueItems);
  addMessages(programmeMessages);
  addMessages(grantMessages);
  registerDueItems(grantDueItems);
  for (const more of [sessionsMessages, groupsMessages, reportingMessages, trainingMessages]) addMessages(more);
  for (const provider of [adminDueItems, notificationDueItems, caseDueItems, familyDueItems, ...sessionsDueItems, ...groupsDueItems, ...reportingDueItems, trainingDueItems]) registerDueItems(provider);
  const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
  registerRecordType('user', async (db, actor, id) => isUuid(id) && Boolean(await findUser(db, actor, id)));
  registerRecordType('organisation', async (db, actor, id) => isUuid(id) && Boolean(await findOrganisation(db, actor, id)));
  registerRecordType('training', async (db, actor, id) => isUuid(id) && Boolean(await findTraining(db, actor, id)));
  registerRecordType('training_group', async (db, actor, id) => isUuid(id) && Boolean(await findTrainingGroup(db, actor, id)));
  registerRecordType('training_registration', async (db, actor, id) => isUuid(id) && Boolean(await findRegistration(db, actor, id)));
  registerRecordType('grant_application', async (db, actor, id) => isUuid(id) && Boolean(await findApplication(db, actor, id)));
  registerUserRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerMailRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerCaseStatsRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerCaseDocumentRoutes(app, deps);
  registerFamilyRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerTrainingRoutes(app, deps);
  registerMediationRoutes(app, deps);
  registerProgrammeRoutes(app, deps);
  registerGrantRoutes(app, deps);
}

/** Every module's background jobs (deadline reminders and the like). */
export function moduleJobs(db: Kysely<DB>, config: AppConfig): JobDefinition[] {
  return [
    { name: 'cases-overdue', cron: '0 7 * * *', run: () => notifyOverdueCases(db) },
    { name: 'families-contact-reminders', cron: '15 7 * * *', run: () => remindFamilyContacts(db) },
    ...sessionsJobs(db),
    ...groupsJobs(db),
    ...reportingJobs(db),
    ...trainingJobs(db),
    ...grantJobs(db),
    ...mediationJobs(db, config),
  ];
}
