import { currentSession } from '../../lib/session';
import { useOwnedInitiatives, usePendingClosures } from '../initiative/api/get-initiatives';
import { useAwaitedGates } from './api/get-awaited-gates';
import { useMissingMitigations } from './api/get-missing-mitigations';
import { useSopActions } from '../sop/api/get-sop-actions';

/** The queries behind "my work", shared with the rail's counts. */
export function useMyWork() {
  const session = currentSession();
  const sub = session?.person.sub ?? '';
  const roles = session?.person.roles ?? [];
  const controller = roles.includes('controller');
  const gates = useAwaitedGates(sub);
  const owned = useOwnedInitiatives(sub, roles.includes('owner'));
  const closures = usePendingClosures(sub, controller);
  const mitigations = useMissingMitigations(sub);
  const actions = useSopActions({ ownerId: sub }, sub !== '');
  const chairedActions = useSopActions({ chairId: sub }, sub !== '');
  // A controller confirms only where they are no party.
  const confirmable = (closures.data?.items ?? []).filter((item) => item.ownerId !== sub && item.sponsorId !== sub);
  return { gates, owned, closures, confirmable, mitigations, actions, chairedActions };
}
