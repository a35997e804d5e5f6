import { Button, Card, Group, NumberInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { minorUnitsPerMajor } from '../../../lib/format/money';
import { formatPeriod, periodOf } from '../../../lib/format/period';
import { useConfirmValue } from '../api/confirm-value';
import { useRejectClosure } from '../api/reject-closure';

/** What the finance forms need to know of an initiative. */
export interface FinanceSubject {
  id: string;
  code: string;
  title: string;
  currency: string;
}

/** A controller confirms value realized this month, in major units, with the ledger's reference. */
export function ConfirmValueForm({ initiative, onDone }: { initiative: FinanceSubject; onDone: () => void }) {
  const [amount, setAmount] = useState<number | string>('');
  const [reference, setReference] = useState('');
  // One id per filled-in form: a retried click confirms once.
  const [confirmationId, setConfirmationId] = useState(() => `${initiative.code}-${crypto.randomUUID().slice(0, 8)}`);
  const confirm = useConfirmValue(() => {
    setAmount('');
    setReference('');
    setConfirmationId(`${initiative.code}-${crypto.randomUUID().slice(0, 8)}`);
    onDone();
  });
  const send = () =>
    confirm.mutate({
      confirmationId,
      initiativeId: initiative.id,
      period: periodOf(new Date()),
      amount: Math.round(Number(amount) * minorUnitsPerMajor(initiative.currency)),
      currency: initiative.currency,
      reference,
    });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Confirm realized value for {formatPeriod(periodOf(new Date()))}</Text>
      <NumberInput label={`Amount (${initiative.currency})`} value={amount} onChange={setAmount} min={0} decimalScale={2} thousandSeparator="," />
      <TextInput label="Reference in the ledger" value={reference} onChange={(event) => setReference(event.currentTarget.value)} />
      <Group mt="xs">
        <Button onClick={send} loading={confirm.isPending} disabled={amount === '' || reference.trim() === ''}>
          Confirm value
        </Button>
      </Group>
      <Refusal error={confirm.error} />
    </Card>
  );
}

/** A controller turns a pending closure down with the reason the owner will read; the owner may ask again. */
export function RejectClosureForm({ initiative, onDone }: { initiative: FinanceSubject; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [rejectionId, setRejectionId] = useState(() => `${initiative.code}-rejection-${crypto.randomUUID().slice(0, 8)}`);
  const reject = useRejectClosure(() => {
    setReason('');
    setRejectionId(`${initiative.code}-rejection-${crypto.randomUUID().slice(0, 8)}`);
    onDone();
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Reject the closure</Text>
      <Textarea label="Reason (the owner reads it)" value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button color="red" variant="outline" onClick={() => reject.mutate({ rejectionId, initiativeId: initiative.id, reason })} loading={reject.isPending} disabled={reason.trim() === ''}>
          Reject the closure
        </Button>
      </Group>
      <Refusal error={reject.error} />
    </Card>
  );
}
