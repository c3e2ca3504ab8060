import { useSession } from '../../platform/auth/useSession';
import { TRAINING_ROLES, type Role } from '../../platform/auth/roles';
import { formatDate, todayInTallinn } from '../../platform/format';
import type { Group, Session } from './types';

export { TRAINING_ROLES };
const SKA: readonly Role[] = ['ska_manager', 'ska_specialist', 'ska_contact'];

/** Who the user is for trainings (module C), and what they may do. */
export function useTrainingRole() {
  const { user } = useSession();
  return {
    role: user.role,
    userId: user.id,
    /** Runs the catalogue, merges and cancels groups (C-1, C-2, C-4). */
    isManager: user.role === 'ska_manager',
    isSka: SKA.includes(user.role),
    isKov: user.role === 'kov_worker',
    isTrainer: user.role === 'trainer',
  };
}

/** "SKA koolitusruum, Tartu" (venue first), or '' when neither is known. */
export const placeText = (g: { city: string | null; venue: string | null }) => [g.venue, g.city].filter(Boolean).join(', ');

/** 17.09.2024, or 17.09.2024–18.09.2024 for a group of several days. */
export const datesText = (g: { startsOn: string; endsOn: string }) => (g.startsOn === g.endsOn ? formatDate(g.startsOn) : `${formatDate(g.startsOn)}–${formatDate(g.endsOn)}`);

export const sessionText = (s: Session) => `${formatDate(s.day)} ${s.startsAt}–${s.endsAt}`;

export const groupLabel = (g: Pick<Group, 'number' | 'city'>) => [String(g.number), g.city].filter(Boolean).join(' · ');

export const thisYear = () => Number(todayInTallinn().slice(0, 4));
