import type { SopCyclePaperView } from '@tollgate/contracts/views';
import { Alert, Anchor, Button, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api/client';
import { Refusal } from '../../lib/feedback/Refusal';
import { formatDay, formatInstant } from '../../lib/format/instant';
import { formatPeriod } from '../../lib/format/period';
import { downloadCyclePaper, useCyclePaper, type PaperRoute } from './api/get-cycle-paper';
import { ExceptionFigures, ExceptionStakes } from './components/ExceptionFigures';
import { decisionName, exceptionName } from './sop-names';

/** A cycle's pre-read or minutes, as the PDF the participants were sent holds it, with the PDF to download. */
export function CyclePaperPage({ paper }: { paper: PaperRoute }) {
  const { cycleId = '' } = useParams();
  const answer = useCyclePaper(cycleId, paper);
  const [failed, setFailed] = useState<unknown>(null);
  if (answer.error) {
    const error = answer.error;
    return (
      <Alert color={error instanceof ApiError && error.status === 409 ? 'yellow' : 'red'} title={paper === 'pre-read' ? 'No pre-read yet' : 'No minutes yet'} role="alert">
        {error instanceof ApiError ? error.message : String(error)}
      </Alert>
    );
  }
  const data = answer.data;
  if (!data) return <Skeleton h={400} />;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>
            {paper === 'pre-read' ? 'Pre-read' : 'Minutes'}: S&OP review of {formatPeriod(data.period)}
          </Title>
          <Text c="dimmed">
            <Anchor component={Link} to={`/nodes/${data.orgNodeId}/sop`}>
              {data.nodeName}
            </Anchor>{' '}
            · chaired by {data.chairId} · {paper === 'pre-read' ? 'issued' : 'published'} {formatInstant(data.issuedAt)}
            {paper === 'pre-read' && data.meetingDueAt ? ` · the meeting is due by ${formatInstant(data.meetingDueAt)}` : ''}
          </Text>
        </div>
        <Button variant="outline" onClick={() => downloadCyclePaper(cycleId, paper).catch(setFailed)}>
          Download PDF
        </Button>
      </Group>
      <Refusal error={failed} />
      {paper === 'pre-read' ? <PreRead data={data} /> : <Minutes data={data} />}
      <section aria-labelledby="participants">
        <Title order={2} size="h3" id="participants">
          Who takes part
        </Title>
        <Text>{data.participants.join(', ')}</Text>
      </section>
    </Stack>
  );
}

function PreRead({ data }: { data: SopCyclePaperView }) {
  return (
    <>
      <section aria-labelledby="paper-agenda">
        <Title order={2} size="h3" id="paper-agenda" mb="xs">
          What is off plan, the most at risk first
        </Title>
        <Stack gap="xs">
          {data.exceptions.length === 0 && <Text c="dimmed">Nothing is off plan.</Text>}
          {data.exceptions.map((exception) => (
            <Card key={exception.id} withBorder padding="sm">
              <Group justify="space-between" align="flex-start">
                <Text fw={600}>
                  {exceptionName(exception.kind)}: {exception.subjectName ?? exception.subject}
                </Text>
                <ExceptionStakes exception={exception} currency={data.currency} />
              </Group>
              <ExceptionFigures exception={exception} currency={data.currency} />
              <Text size="sm">
                {exception.mitigation ? `Mitigation: ${exception.mitigation.action} (${exception.mitigation.ownerId}, by ${formatDay(exception.mitigation.dueDate)})` : `No mitigation, owed by ${exception.ownerId}.`}
              </Text>
            </Card>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="paper-sought">
        <Title order={2} size="h3" id="paper-sought" mb="xs">
          Decisions sought
        </Title>
        {data.decisionsSought.length === 0 ? (
          <Text c="dimmed">None.</Text>
        ) : (
          <List>
            {data.decisionsSought.map((sought) => (
              <List.Item key={sought.kind === 'approve_pivot' ? sought.programId : sought.exceptionId}>
                {sought.kind === 'accept_mitigation'
                  ? `Accept the mitigation of ${sought.subjectName ?? sought.exceptionId}: ${sought.action} (${sought.ownerId}, by ${formatDay(sought.dueDate)})`
                  : sought.kind === 'resolution'
                    ? `Resolve ${sought.subjectName ?? sought.exceptionId}: no mitigation came`
                    : `Approve or reject the pivot of ${sought.subjectName ?? sought.programId} (${sought.moves} ${sought.moves === 1 ? 'move' : 'moves'})`}
              </List.Item>
            ))}
          </List>
        )}
      </section>
      <section aria-labelledby="paper-pivots">
        <Title order={2} size="h3" id="paper-pivots" mb="xs">
          Pivots proposed
        </Title>
        {data.pivots.length === 0 ? (
          <Text c="dimmed">None.</Text>
        ) : (
          <List>
            {data.pivots.map((pivot) => (
              <List.Item key={pivot.initiativeId}>
                {pivot.move} {pivot.title ?? pivot.initiativeId} ({pivot.programName ?? pivot.programId})
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </>
  );
}

function Minutes({ data }: { data: SopCyclePaperView }) {
  return (
    <>
      <section aria-labelledby="paper-decisions">
        <Title order={2} size="h3" id="paper-decisions" mb="xs">
          Decisions
        </Title>
        {data.decisions.length === 0 && <Text c="dimmed">No decision was taken.</Text>}
        <Stack gap="xs">
          {data.decisions.map((decision) => (
            <Card key={decision.decisionId} withBorder padding="sm">
              <Text fw={600}>
                {decisionName(decision.kind)}
                {decision.subjectName || decision.subject ? `: ${decision.subjectName ?? decision.subject}` : ''}
              </Text>
              <Text size="sm">Rationale: {decision.rationale}</Text>
              {decision.outcome && decision.outcome.length > 0 && <Text size="sm">Done: {decision.outcome.join('; ')}</Text>}
              <Text size="xs" c="dimmed">
                {decision.decidedBy}, {formatInstant(decision.decidedAt)}
              </Text>
            </Card>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="paper-actions">
        <Title order={2} size="h3" id="paper-actions" mb="xs">
          Actions
        </Title>
        {data.actions.length === 0 ? (
          <Text c="dimmed">No action was asked for.</Text>
        ) : (
          <List>
            {data.actions.map((action) => (
              <List.Item key={action.id}>
                <b>{action.title}</b>: {action.ownerId}, due {formatDay(action.dueDate)} ({action.status}). Done when: {action.doneWhen}
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </>
  );
}
