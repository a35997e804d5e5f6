import type { MattersArisingView } from '@tollgate/contracts/views';
import { Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Problem } from '../../../lib/feedback/Refusal';
import { formatPeriod } from '../../../lib/format/period';
import type { Viewer } from '../../initiative/initiative-rights';
import { checkWords, claimWords } from '../claim-words';
import { decisionName } from '../sop-names';
import { ActionCard } from './ActionCard';

/**
 * What the cycle opens with: every action still open from earlier cycles
 * (overdue first), then what the last cycles decided, each decision with
 * what became of the actions it asked for.
 */
export function MattersArising({ matters, me, currency }: { matters: UseQueryResult<MattersArisingView>; me: Viewer; currency: string }) {
  if (matters.error) return <Problem error={matters.error} />;
  if (!matters.data) return <Skeleton h={120} />;
  const { earlier, openActions } = matters.data;
  if (earlier.length === 0) return null;
  return (
    <section aria-labelledby="matters-arising">
      <Title order={2} size="h3" id="matters-arising" mb="xs">
        Matters arising
      </Title>
      <Stack gap="sm">
        {openActions.length === 0 ? (
          <Text c="dimmed">Every action of earlier cycles is done or dropped.</Text>
        ) : (
          <>
            <Text size="sm" fw={600} c={openActions.some((action) => action.overdue) ? 'red.9' : undefined}>
              {openActions.length === 1 ? '1 action' : `${openActions.length} actions`} still open from earlier cycles
              {openActions.some((action) => action.overdue) ? `, ${openActions.filter((action) => action.overdue).length} overdue` : ''}
            </Text>
            {[...openActions]
              .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.valueAtRisk ?? -1) - (a.valueAtRisk ?? -1))
              .map((action) => (
                <ActionCard key={action.id} action={action} me={me} currency={currency} />
              ))}
          </>
        )}
        {earlier.map((cycle) => (
          <Card key={cycle.cycleId} withBorder padding="sm" aria-label={`Decisions of ${formatPeriod(cycle.period)}`}>
            <Text fw={700}>Decided in {formatPeriod(cycle.period)}</Text>
            {cycle.decisions.length === 0 ? (
              <Text size="sm" c="dimmed">
                No decision was recorded.
              </Text>
            ) : (
              cycle.decisions.map((decision) => (
                <Text key={decision.decisionId} size="sm" mt={4}>
                  <b>{decisionName(decision.kind)}</b>: {decision.rationale} ({decision.decidedBy})
                  {decision.actions.length > 0 &&
                    ` · ${decision.actions.map((action) => `${action.title}: ${action.status === 'open' ? (action.overdue ? 'overdue' : 'open') : action.status}`).join('; ')}`}
                  {decision.expects && (
                    <Text span size="sm" fw={600} c={decision.check && !decision.check.met ? 'red.9' : undefined}>
                      {` · expected ${claimWords(decision.expects, currency)}: ${checkWords(decision.expects, decision.check, currency)}`}
                    </Text>
                  )}
                </Text>
              ))
            )}
          </Card>
        ))}
      </Stack>
    </section>
  );
}
