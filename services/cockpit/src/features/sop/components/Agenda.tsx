import type { SopAgendaView, SopCycleView } from '@tollgate/contracts/views';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatDay, formatInstant } from '../../../lib/format/instant';
import { formatPeriod } from '../../../lib/format/period';
import type { Viewer } from '../../initiative/initiative-rights';
import { SOP_EXCEPTION_NAMES } from '../sop-names';
import { decidedSubjects, mayDecideSop, mayMitigate } from '../sop-rights';
import { DecisionForm } from './DecisionForm';
import { ExceptionFigures, ExceptionStakes } from './ExceptionFigures';
import { MitigationForm } from './MitigationForm';
import { READABLE } from './readable-badge';

/** The agenda of exceptions only: each with its figures and mitigation, a missing one flagged, and the chair's acceptance. */
export function Agenda({ cycle, agenda, currency, me }: { cycle: SopCycleView; agenda: SopAgendaView; currency: string; me: Viewer }) {
  const decided = decidedSubjects(cycle);
  const decides = mayDecideSop(me, cycle);
  const missing = agenda.exceptions.filter((exception) => !exception.mitigation).length;
  return (
    <section aria-labelledby="agenda">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h3" id="agenda">
          Agenda: exceptions only, the most at risk first
        </Title>
        {agenda.mitigationDueAt && (
          <Text size="sm" c={missing ? 'red.9' : 'dimmed'}>
            {missing ? `${missing} ${missing === 1 ? 'mitigation' : 'mitigations'} missing; due ${formatInstant(agenda.mitigationDueAt)}` : 'every exception has its mitigation'}
          </Text>
        )}
      </Group>
      {agenda.exceptions.length === 0 ? (
        <Text c="dimmed">{cycle.step === 'data_gathering' || cycle.step === 'demand_review' || cycle.step === 'supply_review' || cycle.step === 'pre_sop' ? 'The pre-S&OP has not raised the exceptions yet.' : 'Nothing deviates from plan this period.'}</Text>
      ) : (
        <Stack gap="sm">
          {agenda.exceptions.map((exception) => (
            <Card key={exception.id} withBorder padding="sm" aria-label={`${SOP_EXCEPTION_NAMES[exception.kind]}: ${exception.subjectName ?? exception.subject}`} data-exception={exception.kind}>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Text fw={700}>{SOP_EXCEPTION_NAMES[exception.kind]}</Text>
                  <Text size="sm">
                    {exception.kind === 'initiative_escalated' || exception.kind === 'phantom_progress' ? (
                      <Anchor component={Link} to={`/initiatives/${exception.subject}`}>
                        {exception.subjectName ?? exception.subject}
                      </Anchor>
                    ) : (
                      (exception.subjectName ?? exception.subject)
                    )}{' '}
                    · {formatPeriod(exception.period)} · owed by {exception.ownerId}
                  </Text>
                </div>
                <Stack gap={4} align="flex-end">
                <ExceptionStakes exception={exception} currency={currency} />
                {exception.mitigation ? (
                  decided.mitigations.has(exception.id) ? (
                    <Badge color="#1e6b30">mitigation accepted</Badge>
                  ) : (
                    <Badge color="green" variant="light" styles={READABLE}>
                      mitigated
                    </Badge>
                  )
                ) : (
                  <Badge color="red.9" variant="filled">
                    {exception.state === 'escalated' ? 'mitigation missing: escalated' : 'mitigation missing'}
                  </Badge>
                )}
                </Stack>
              </Group>
              <ExceptionFigures exception={exception} currency={currency} />
              {exception.mitigation ? (
                <Text size="sm" mt={6}>
                  Mitigation: {exception.mitigation.action} — {exception.mitigation.ownerId}, by {formatDay(exception.mitigation.dueDate)}{' '}
                  <Text span size="xs" c="dimmed">
                    (sent by {exception.mitigation.submittedBy}, {formatInstant(exception.mitigation.submittedAt)})
                  </Text>
                </Text>
              ) : (
                mayMitigate(me, cycle, exception) && <MitigationForm cycle={cycle} exception={exception} />
              )}
              {decides && exception.mitigation && !decided.mitigations.has(exception.id) && (
                <DecisionForm
                  cycle={cycle}
                  subject={exception.id}
                  kinds={[{ kind: 'accept_mitigation', label: 'Accept the mitigation' }]}
                  label="Why the mitigation is enough"
                  asks="done-when"
                />
              )}
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
