import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';
import * as m0002 from './0002_saved_filters.js';
import * as m0003 from './0003_cases.js';
import * as m0004 from './0004_families.js';
import * as m0005 from './0005_family_services.js';
import * as m0006 from './0006_lookup_indexes.js';
import * as m0007 from './0007_audit_head.js';
import * as m0008 from './0008_deadline_indexes.js';
import * as m0009 from './0009_trainings.js';
import * as m0010 from './0010_audit_list_entries.js';
import * as m0011 from './0011_programme_grants.js';
import * as m0012 from './0012_mediation.js';
import * as m0013 from './0013_family_access.js';
import * as m0014 from './0014_password_resets.js';
import * as m0015 from './0015_grant_event_order.js';

/** Every migration, in order. A new migration is added here and never edited after it lands. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_saved_filters': m0002,
  '0003_cases': m0003,
  '0004_families': m0004,
  '0005_family_services': m0005,
  '0006_lookup_indexes': m0006,
  '0007_audit_head': m0007,
  '0008_deadline_indexes': m0008,
  '0009_trainings': m0009,
  '0010_audit_list_entries': m0010,
  '0011_programme_grants': m0011,
  '0012_mediation': m0012,
  '0013_family_access': m0013,
  '0014_password_resets': m0014,
  '0015_grant_event_order': m0015,
};
