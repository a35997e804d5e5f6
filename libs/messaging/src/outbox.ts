import { createEnvelope, EventEnvelope, EventType, NewEvent } from '@tollgate/contracts';
import { activeTraceHeaders } from '@tollgate/observability';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { insertAsColumnArrays } from './column-arrays-insert';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Writes an event to the outbox inside the caller's transaction: the event is
 * published if and only if the change it announces commits.
 */
export async function enqueueEvent<T extends EventType>(manager: EntityManager, topic: string, event: NewEvent<T>): Promise<EventEnvelope<T>> {
  const [envelope] = await enqueueEvents(manager, topic, [event]);
  return envelope as EventEnvelope<T>;
}

/** Several events of one change, in this order, in one statement. */
export async function enqueueEvents(manager: EntityManager, topic: string, events: readonly NewEvent<EventType>[]): Promise<EventEnvelope[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('enqueueEvent must run inside a transaction, beside the change it announces');
  }
  if (events.length === 0) return [];
  const now = new Date();
  const envelopes = events.map((event) => createEnvelope(event, randomUUID(), now) as EventEnvelope);
  const trace = activeTraceHeaders();
  const traceContext = Object.keys(trace).length > 0 ? trace : null;
  // One statement: the outbox's sequence numbers the rows in the order given, which the relay publishes in.
  await insertAsColumnArrays(
    manager,
    OutboxMessage,
    envelopes.map((envelope) => ({ id: envelope.id, topic, messageKey: envelope.subject, type: envelope.type, envelope, traceContext })),
  );
  return envelopes;
}
