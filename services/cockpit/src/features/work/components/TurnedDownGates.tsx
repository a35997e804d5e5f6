import type { InitiativeSummaryView } from '@tollgate/contracts/views';
import { Card, Stack, Text, Title } from '@mantine/core';
import { STAGES } from '@tollgate/domain';
import { InitiativeLink } from '../../../lib/links/InitiativeLink';

/** An owner's initiatives whose last gate was turned down, with who turned it down and why. */
export function TurnedDownGates({ turnedDown }: { turnedDown: InitiativeSummaryView[] }) {
  return (
    <section aria-labelledby="turned-down">
      <Title order={2} size="h3" id="turned-down" mb="xs">
        Gates turned down
      </Title>
      <Stack gap="xs">
        {turnedDown.map((item) => (
          <Card key={item.id} withBorder padding="sm">
            <InitiativeLink initiative={item} />
            <Text size="sm">
              The gate to DoI {item.lastGate!.targetStage} {STAGES[item.lastGate!.targetStage]?.name} was turned down by {item.lastGate!.rejection?.by}: {item.lastGate!.rejection?.reason}
            </Text>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
