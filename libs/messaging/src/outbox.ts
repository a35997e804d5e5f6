import { createEnvelope, EventEnvelope, EventType, NewEvent } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Writes an event to the outbox inside the caller's transaction: the event is
 * published if and only if the change it announces commits.
 */
export async function enqueueEvent<T extends EventType>(
  manager: EntityManager,
  topic: string,
  event: NewEvent<T>,
): Promise<EventEnvelope<T>> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('enqueueEvent must run inside a transaction, beside the change it announces');
  }
  const envelope = createEnvelope(event, randomUUID(), new Date());
  await manager.insert(OutboxMessage, {
    id: envelope.id,
    topic,
    messageKey: envelope.subject,
    type: envelope.type,
    envelope: envelope as EventEnvelope,
  });
  return envelope;
}
