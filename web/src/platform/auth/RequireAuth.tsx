import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionQuery } from './useSession';
import { FullPageLoader } from '../components/FullPageLoader';
import { ErrorPage } from '../components/ErrorPage';
import type { Role } from './roles';
import { NotFoundPage } from '../components/NotFoundPage';
import { peekSessionEnded } from './session-ended';

/** Renders children only with a session; otherwise sends the user to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useSessionQuery();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (error) return <ErrorPage error={error} />;
  if (!data) {
    // After an explicit logout the next user starts at home; after expiry they return here.
    const from = peekSessionEnded() === 'loggedOut' ? '/' : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <>{children}</>;
}

/** Renders children only for the given roles; others get the 404 page (no existence leak). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { data } = useSessionQuery();
  if (!data || !roles.includes(data.user.role)) return <NotFoundPage />;
  return <>{children}</>;
}
