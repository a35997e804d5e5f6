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
  assertInTransaction(manager);
  if (events.length === 0) return [];
  const { envelopes, messages } = outboxMessagesOf(topic, events);
  // One statement: the outbox's sequence numbers the rows in the order given, which the relay publishes in.
  await insertAsColumnArrays(manager, OutboxMessage, messages);
  return envelopes;
}

/**
 * The outbox rows of events, in this order, for a caller that writes them in
 * a statement of its own (beside its change, in its transaction), with the
 * envelopes they carry.
 */
export function outboxMessagesOf(topic: string, events: readonly NewEvent<EventType>[]): { envelopes: EventEnvelope[]; messages: Partial<OutboxMessage>[] } {
  const now = new Date();
  const envelopes = events.map((event) => createEnvelope(event, randomUUID(), now) as EventEnvelope);
  const trace = activeTraceHeaders();
  const traceContext = Object.keys(trace).length > 0 ? trace : null;
  return { envelopes, messages: envelopes.map((envelope) => ({ id: envelope.id, topic, messageKey: envelope.subject, type: envelope.type, envelope, traceContext })) };
}

/** An event goes to the outbox only beside the change it announces. */
function assertInTransaction(manager: EntityManager): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('enqueueEvent must run inside a transaction, beside the change it announces');
  }
}
