import { Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { currentSession } from '../../lib/session';
import { AwaitedGates } from './components/AwaitedGates';
import { MissingMitigations } from './components/MissingMitigations';
import { MyActions } from './components/MyActions';
import { currentViewer } from '../initiative/initiative-rights';
import { OwnedInitiatives } from './components/OwnedInitiatives';
import { PendingClosures } from './components/PendingClosures';
import { TurnedDownGates } from './components/TurnedDownGates';
import { useMyWork } from './use-my-work';

/** A person's own queue: the gates awaiting their key, their initiatives needing attention, closures awaiting their confirmation. */
export function MyWorkPage() {
  const session = currentSession();
  const { gates, owned, closures, confirmable, mitigations, actions, chairedActions } = useMyWork();
  const me = currentViewer();
  const queries = useQueryClient();
  const refresh = () => void queries.invalidateQueries({ queryKey: ['work'] });
  const attention = (owned.data?.items ?? []).filter((item) => item.status === 'at_risk' || item.status === 'escalated');
  const turnedDown = (owned.data?.items ?? []).filter((item) => item.lastGate?.state === 'rejected');
  return (
    <Stack gap="lg">
      <Title order={1}>My work</Title>
      <AwaitedGates gates={gates} />

      <MissingMitigations mitigations={mitigations} />

      <MyActions owed={actions} chaired={chairedActions} me={me} />

      {session?.person.roles.includes('owner') && turnedDown.length > 0 && (
        <TurnedDownGates turnedDown={turnedDown} />
      )}

      {session?.person.roles.includes('owner') && (
        <OwnedInitiatives owned={owned} attention={attention} />
      )}

      {session?.person.roles.includes('controller') && (
        <PendingClosures closures={closures} confirmable={confirmable} onDone={refresh} />
      )}
    </Stack>
  );
}
