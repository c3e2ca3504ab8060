import type { Language } from '../i18n/languages';
import type { OrganisationKind, Role } from './roles';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Language | null;
  organisation: { id: string; name: string; kind: OrganisationKind };
}

/** Answer of GET /api/auth/session and POST /api/auth/login. */
export interface Session {
  user: SessionUser;
  expiresAt: string;
  csrfToken: string;
}
