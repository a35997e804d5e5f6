import type { NotificationSettingsView } from '@tollgate/contracts/views';
import { Button, Group, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { NOTICE_DELIVERIES, type NoticeDelivery, type NoticeKind } from '@tollgate/domain';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { useSaveNotificationSettings } from '../api/notification-settings';
import { DELIVERY_WORDS, kindWords } from '../notification-words';

/** Where the person's mail goes, and for each kind whether they are told at once, in the daily digest, or not at all. */
export function NotificationSettingsForm({ settings, sub }: { settings: NotificationSettingsView; sub: string }) {
  const save = useSaveNotificationSettings(sub);
  const [email, setEmail] = useState(settings.email ?? '');
  const [digestHour, setDigestHour] = useState<number>(settings.digestHour);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const setDelivery = (kind: NoticeKind, delivery: string) => save.mutate({ deliveries: { [kind]: delivery as NoticeDelivery } });
  return (
    <section aria-labelledby="notification-settings">
      <Title order={2} size="h3" id="notification-settings" mb="xs">
        What I am told, and where
      </Title>
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput label="Mail address" value={email} onChange={(event) => setEmail(event.currentTarget.value)} w={320} />
          <NumberInput label="Daily digest at (hour)" min={0} max={23} value={digestHour} onChange={(value) => setDigestHour(Number(value))} w={160} />
          <TextInput label="Time zone" value={timeZone} onChange={(event) => setTimeZone(event.currentTarget.value)} w={200} />
          <Button onClick={() => save.mutate({ email: email.trim() === '' ? null : email.trim(), digestHour, timeZone: timeZone.trim() })} loading={save.isPending}>
            Save
          </Button>
        </Group>
        {settings.email === null && <Text c="red.9">No mail address: nothing reaches you by mail until you give one.</Text>}
        <Refusal error={save.error} />
        <Table striped withTableBorder aria-label="Kinds of notice">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>How</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.kinds.map(({ kind, delivery, defaultDelivery }) => (
              <Table.Tr key={kind}>
                <Table.Td>
                  {kindWords(kind)}
                  {delivery !== defaultDelivery && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (usually {DELIVERY_WORDS[defaultDelivery].toLowerCase()})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={kindWords(kind)}
                    value={delivery}
                    onChange={(value) => setDelivery(kind, value)}
                    data={NOTICE_DELIVERIES.map((value) => ({ value, label: DELIVERY_WORDS[value] }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </section>
  );
}
