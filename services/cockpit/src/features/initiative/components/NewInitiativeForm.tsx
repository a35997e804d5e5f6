import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { ActionIcon, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Refusal } from '../../../lib/feedback/Refusal';
import { minorUnitsPerMajor, OFFERED_CURRENCIES } from '../../../lib/format/money';
import { currentSession } from '../../../lib/session';
import { useCreateInitiative } from '../api/create-initiative';

const CATEGORIES = ['cost', 'revenue', 'working capital'];

interface AmountRow {
  period: string;
  amount: number | string;
}

interface MilestoneRow {
  title: string;
  dueDate: string;
}

/** Rows of a month and an amount, as many as the person adds. */
function AmountRows({ legend, rows, onChange, currency }: { legend: string; rows: AmountRow[]; onChange: (rows: AmountRow[]) => void; currency: string }) {
  const set = (index: number, row: Partial<AmountRow>) => onChange(rows.map((current, at) => (at === index ? { ...current, ...row } : current)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={600}>
        {legend}
      </Text>
      {rows.map((row, index) => (
        <Group key={index} gap="xs" align="flex-end">
          {/* Visible column labels on the first row; every field still names its row for assistive technology. */}
          <TextInput label={index === 0 ? 'Month' : undefined} aria-label={`${legend}: month ${index + 1}`} type="month" value={row.period} onChange={(event) => set(index, { period: event.currentTarget.value })} w={170} />
          <NumberInput
            label={index === 0 ? `Amount (${currency})` : undefined}
            aria-label={`${legend}: amount ${index + 1} (${currency})`}
            value={row.amount}
            onChange={(amount) => set(index, { amount })}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            w={200}
          />
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${legend.toLowerCase()} month ${index + 1}`} onClick={() => onChange(rows.filter((_, at) => at !== index))} mb={4}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" size="xs" mt={4} onClick={() => onChange([...rows, { period: '', amount: '' }])}>
        Add a month to {legend.toLowerCase()}
      </Button>
    </fieldset>
  );
}

/**
 * Defines an initiative in a program at DoI 0: who owns, sponsors and
 * controls it, its measure's planned value per month, its one-time costs and
 * milestones. The lifecycle's gates later check what is missing; the form
 * asks for no more than the service does.
 */
export function NewInitiativeForm({ programId }: { programId: string }) {
  const me = currentSession()?.person.sub ?? '';
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(me);
  const [sponsorId, setSponsorId] = useState('');
  const [controllerId, setControllerId] = useState('');
  const [category, setCategory] = useState<string>('cost');
  const [currency, setCurrency] = useState<string>(DEFAULT_CURRENCY);
  const [measure, setMeasure] = useState('');
  const [planned, setPlanned] = useState<AmountRow[]>([{ period: '', amount: '' }]);
  const [costs, setCosts] = useState<AmountRow[]>([]);
  const [milestones, setMilestones] = useState<MilestoneRow[]>([{ title: '', dueDate: '' }]);
  // One key per filled-in form: a second click does not define a second initiative.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const minor = minorUnitsPerMajor(currency);
  const amounts = (rows: AmountRow[]) => rows.filter((row) => row.period && row.amount !== '').map((row) => ({ period: row.period, amount: Math.round(Number(row.amount) * minor) }));

  const create = useCreateInitiative(
    programId,
    () => setKey(crypto.randomUUID()),
    (created) => void navigate(`/initiatives/${created.id}`),
  );
  const define = () =>
    create.mutate({
      key,
      draft: {
        title,
        programId,
        ownerId,
        sponsorId,
        controllerId: controllerId.trim() || null,
        category,
        currency,
        measures: measure.trim() ? [{ name: measure, category, plannedValues: amounts(planned) }] : [],
        oneTimeCosts: amounts(costs),
        milestones: milestones.filter((row) => row.title.trim() || row.dueDate),
      },
    });

  const setMilestone = (index: number, row: Partial<MilestoneRow>) => setMilestones(milestones.map((current, at) => (at === index ? { ...current, ...row } : current)));
  return (
    <Card withBorder component="form" aria-labelledby="new-initiative" onSubmit={(event) => (event.preventDefault(), define())}>
      <Title order={2} size="h4" id="new-initiative">
        Define an initiative
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        It starts at DoI 0 Defined; each gate later asks for what it needs.
      </Text>
      <Stack gap="sm">
        <TextInput label="Title" value={title} onChange={(event) => setTitle(event.currentTarget.value)} required />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Owner" value={ownerId} onChange={(event) => setOwnerId(event.currentTarget.value)} required />
          <TextInput label="Sponsor" value={sponsorId} onChange={(event) => setSponsorId(event.currentTarget.value)} required />
          <TextInput label="Controller" description="confirms the value realized" value={controllerId} onChange={(event) => setControllerId(event.currentTarget.value)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Category" data={CATEGORIES} value={category} onChange={(value) => value && setCategory(value)} allowDeselect={false} />
          <Select label="Currency" data={OFFERED_CURRENCIES} value={currency} onChange={(value) => value && setCurrency(value)} allowDeselect={false} />
          <TextInput label="Measure" description="what the value is measured on" value={measure} onChange={(event) => setMeasure(event.currentTarget.value)} />
        </SimpleGrid>
        <AmountRows legend="Planned value" rows={planned} onChange={setPlanned} currency={currency} />
        <AmountRows legend="One-time costs" rows={costs} onChange={setCosts} currency={currency} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={600}>
            Milestones
          </Text>
          {milestones.map((row, index) => (
            <Group key={index} gap="xs" align="flex-end">
              <TextInput label={index === 0 ? 'What' : undefined} aria-label={`Milestone ${index + 1}`} value={row.title} onChange={(event) => setMilestone(index, { title: event.currentTarget.value })} w={260} />
              <TextInput label={index === 0 ? 'Due' : undefined} aria-label={`Milestone ${index + 1} due`} type="date" value={row.dueDate} onChange={(event) => setMilestone(index, { dueDate: event.currentTarget.value })} w={170} />
            </Group>
          ))}
          <Button variant="subtle" size="xs" mt={4} onClick={() => setMilestones([...milestones, { title: '', dueDate: '' }])}>
            Add a milestone
          </Button>
        </fieldset>
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!title.trim() || !ownerId.trim() || !sponsorId.trim()}>
            Define the initiative
          </Button>
        </Group>
        <Refusal error={create.error} />
      </Stack>
    </Card>
  );
}
