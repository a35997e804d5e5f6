import { createEnvelope, parseEvent, validateEvent } from './event-envelope';
import { ALL_TOPICS, deadLetterTopic, TOPICS } from './topics';

const validEvent = {
  id: '5b0c7d1e-2f7a-4c59-9a57-5b1f0e6f7c11',
  type: 'stack.probe-recorded',
  source: 'tollgate/plans',
  subject: 'probe-1',
  time: '2026-11-25T10:00:00.000Z',
  schemaVersion: 1,
  data: { probeId: 'probe-1', service: 'plans' as const, recordedAt: '2026-11-25T10:00:00.000Z' },
};

function bytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

describe('event envelope', () => {
  it('accepts a well-formed event and types its data', () => {
    const result = parseEvent(bytes(validEvent));
    expect(result).toEqual({ ok: true, event: validEvent });
  });

  it('keeps correlation and causation ids', () => {
    const result = validateEvent({ ...validEvent, correlationId: 'c-1', causationId: 'e-0' });
    expect(result.ok && result.event.correlationId).toBe('c-1');
    expect(result.ok && result.event.causationId).toBe('e-0');
  });

  it('refuses bytes that are not JSON, naming the problem', () => {
    const result = parseEvent(Buffer.from('{"id": '));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^value is not JSON: /) });
  });

  it('refuses an empty message', () => {
    expect(parseEvent(null)).toEqual({ ok: false, reason: 'empty message value' });
    expect(parseEvent(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty message value' });
  });

  it('names every missing envelope field', () => {
    const { id: _id, subject: _subject, ...rest } = validEvent;
    const result = validateEvent(rest);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^invalid envelope: /);
    expect(!result.ok && result.reason).toContain('id:');
    expect(!result.ok && result.reason).toContain('subject:');
  });

  it('refuses a time that is not ISO-8601 and a schema version that is not a positive integer', () => {
    const result = validateEvent({ ...validEvent, time: 'yesterday', schemaVersion: 0 });
    expect(!result.ok && result.reason).toContain('time:');
    expect(!result.ok && result.reason).toContain('schemaVersion:');
  });

  it('refuses an event type that the contract does not know', () => {
    const result = validateEvent({ ...validEvent, type: 'initiative.teleported' });
    expect(result).toEqual({ ok: false, reason: "unknown event type 'initiative.teleported'" });
  });

  it('refuses a schema version newer than this code understands', () => {
    const result = validateEvent({ ...validEvent, schemaVersion: 2 });
    expect(!result.ok && result.reason).toMatch(/unsupported schemaVersion 2/);
  });

  it('refuses data that does not match the schema of its type, naming the field', () => {
    const result = validateEvent({ ...validEvent, data: { ...validEvent.data, service: 'marketing' } });
    expect(!result.ok && result.reason).toMatch(/^invalid data for 'stack.probe-recorded': service: /);
  });

  it('refuses text that cannot be stored anywhere in the message, naming where', () => {
    const nul = Buffer.from(JSON.stringify({ ...validEvent, data: { ...validEvent.data, probeId: 'probe\u0000' } }));
    expect(parseEvent(nul)).toEqual({ ok: false, reason: 'unstorable text: data.probeId contains a NUL character' });
    const lone = Buffer.from(JSON.stringify({ ...validEvent, subject: 'x\ud800' }));
    expect(parseEvent(lone)).toEqual({ ok: false, reason: 'unstorable text: subject contains a lone UTF-16 surrogate' });
  });

  it('builds a valid envelope for a new event', () => {
    const envelope = createEnvelope(
      { type: 'stack.probe-recorded', source: 'tollgate/plans', subject: 'probe-1', data: validEvent.data },
      validEvent.id,
      new Date(validEvent.time),
    );
    expect(envelope).toEqual(validEvent);
    expect(validateEvent(envelope).ok).toBe(true);
  });

  it('will not build an envelope around invalid data', () => {
    expect(() =>
      createEnvelope(
        { type: 'stack.probe-recorded', source: 's', subject: 'x', data: { probeId: '' } as never },
        'id',
        new Date(),
      ),
    ).toThrow();
  });
});

describe('topics', () => {
  it('names the dead-letter topic after its topic', () => {
    expect(deadLetterTopic(TOPICS.financeValueConfirmations)).toBe('finance.value-confirmations.dlq');
  });

  it('lists every contract topic with its dead-letter topic', () => {
    expect(ALL_TOPICS).toEqual(
      expect.arrayContaining([
        'tollgate.initiatives.events',
        'tollgate.initiatives.events.dlq',
        'tollgate.finance.events',
        'tollgate.plans.events',
        'finance.value-confirmations',
        'finance.value-confirmations.dlq',
        'sales.demand-actuals',
        'sales.demand-forecasts.dlq',
        'operations.capacity-plans',
        'planning.measure-forecasts.dlq',
      ]),
    );
    expect(ALL_TOPICS).toHaveLength(16);
  });
});

describe('finance.value-confirmed, as finance systems send it', () => {
  const valid = {
    id: 'e-1',
    type: 'finance.value-confirmed',
    source: 'erp/sap-fi',
    subject: 'i-1',
    time: '2027-04-02T09:00:00Z',
    schemaVersion: 1,
    data: { confirmationId: 'c-1', initiativeId: 'i-1', period: '2027-03', amount: 120000, currency: 'EUR', reference: 'FI 4711', controllerId: 'cleo' },
  };

  it('accepts the contract data', () => {
    expect(validateEvent(valid)).toMatchObject({ ok: true });
  });

  it('names what is wrong with the data', () => {
    const result = validateEvent({ ...valid, data: { ...valid.data, amount: 12.5, currency: 'eur', period: '2027-3' } });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("invalid data for 'finance.value-confirmed'") });
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('amount:');
    expect(reason).toContain('currency: expected an ISO 4217 code');
    expect(reason).toContain('period: expected a YYYY-MM period');
  });
});
