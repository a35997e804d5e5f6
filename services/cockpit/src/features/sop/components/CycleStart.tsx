import { Button, Card, Group, Text } from '@mantine/core';
import { Refusal } from '../../../lib/feedback/Refusal';
import { formatPeriod } from '../../../lib/format/period';
import { useStartSopCycle } from '../api/start-sop-cycle';

/** A PMO starts this month's cycle on demand; the node's setup names each step's owner (422 without one). */
export function CycleStart({ nodeId, period, onStarted }: { nodeId: string; period: string; onStarted: (cycleId: string) => void }) {
  const start = useStartSopCycle(nodeId, period, onStarted);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between">
        <Text>No cycle for {formatPeriod(period)} yet.</Text>
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          Start the {formatPeriod(period)} cycle
        </Button>
      </Group>
      <Refusal error={start.error} />
    </Card>
  );
}
