import type { CockpitSettings, InitiativeView } from '@tollgate/contracts/views';
import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { STAGES } from '@tollgate/domain';
import { formatMoney } from '../../../lib/format/money';

const STATUS_COLOURS: Record<string, string> = { on_track: 'green', at_risk: 'yellow', escalated: 'red', on_hold: 'gray', cancelled: 'gray', closed: 'indigo' };

/** The initiative's code and title, its status and closure, its stage and value confirmed by finance, and a link to its workflow. */
export function InitiativeHeader({ data, currency, settings }: { data: InitiativeView; currency: string; settings: CockpitSettings | undefined }) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Text size="sm" c="dimmed">
          {data.code}
        </Text>
        <Title order={1}>{data.title}</Title>
        <Group gap="xs" mt={4}>
          <Badge variant="light" color={STATUS_COLOURS[data.status] ?? "gray"} styles={{ label: { color: "#212529" } }}>{data.status.replace('_', ' ')}</Badge>
          {/* Execution can be done while value is not: a closure waits for finance's word, and may be turned down. */}
          {data.closure.state === 'pending_confirmation' && (
            <Badge variant="light" color="yellow" styles={{ label: { color: '#212529' } }}>
              closure awaiting finance
            </Badge>
          )}
          {data.closure.state === 'rejected' && (
            <Badge variant="light" color="red" styles={{ label: { color: '#212529' } }} title={data.closure.reason ?? undefined}>
              closure rejected{data.closure.reason ? `: ${data.closure.reason}` : ''}
            </Badge>
          )}
          <Text size="sm">
            DoI {data.stage} {STAGES[data.stage]?.name} · confirmed by finance{' '}
            <Anchor href="#confirmations" fw={700} aria-label={`${formatMoney(data.confirmedValue, currency)} confirmed: the confirmations`}>
              {formatMoney(data.confirmedValue, currency)}
            </Anchor>{' '}
            of {formatMoney(data.plannedValue, currency)} planned
          </Text>
        </Group>
      </div>
      {settings && (
        <Anchor href={`${settings.temporalUiUrl}/namespaces/${settings.temporalNamespace}/workflows/${data.workflowId}`} target="_blank" rel="noreferrer">
          Open the workflow in the Temporal UI
        </Anchor>
      )}
    </Group>
  );
}
