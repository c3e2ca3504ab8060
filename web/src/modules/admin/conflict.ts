import { hasCode } from '../../platform/api/errors';

/** X-CONC: the server's answer when someone else saved the record first. */
export const isVersionConflict = (error: unknown): boolean => hasCode(error, 'VERSION_CONFLICT');
