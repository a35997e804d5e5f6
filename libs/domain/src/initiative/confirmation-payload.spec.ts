import { readConfirmationRejection, readValueConfirmation } from './confirmation-payload';

const confirmation = {
  confirmationId: 'c-1',
  period: '2027-03',
  amount: 120_000,
  currency: 'EUR',
  controllerId: 'cleo',
  reference: 'GL-4711',
  confirmedAt: '2027-04-02T09:00:00.000Z',
};

describe('reading confirmation signals', () => {
  it('accepts a well-formed confirmation and keeps only its fields', () => {
    expect(readValueConfirmation({ ...confirmation, injected: 'x' })).toEqual({ ok: true, value: confirmation });
  });

  it('names every malformed field', () => {
    expect(readValueConfirmation({ ...confirmation, period: '2027-13', amount: 1.5, currency: 'eur', confirmedAt: 'yesterday' })).toEqual({
      ok: false,
      reason:
        'period: expected a YYYY-MM period; amount: expected a whole, non-negative number of minor units; currency: expected an ISO 4217 code; confirmedAt: expected an ISO-8601 instant',
    });
    expect(readValueConfirmation(null)).toEqual({ ok: false, reason: 'expected an object' });
    expect(readValueConfirmation({ ...confirmation, amount: -1 }).ok).toBe(false);
  });

  it('refuses text that cannot be stored, naming the field', () => {
    expect(readValueConfirmation({ ...confirmation, reference: 'GL\u00004711' })).toEqual({ ok: false, reason: 'reference: contains a NUL character' });
    expect(readConfirmationRejection({ confirmationId: 'c-2', controllerId: 'cleo', reason: 'half \ud800', rejectedAt: '2027-04-03T10:00:00Z' })).toEqual({
      ok: false,
      reason: 'reason: contains a lone UTF-16 surrogate',
    });
  });

  it('reads a rejection, which needs a reason', () => {
    const rejection = { confirmationId: 'c-2', controllerId: 'cleo', reason: 'not in the ledger', rejectedAt: '2027-04-03T10:00:00Z' };
    expect(readConfirmationRejection(rejection)).toEqual({ ok: true, value: rejection });
    expect(readConfirmationRejection({ ...rejection, reason: ' ' })).toEqual({ ok: false, reason: 'reason: expected a reason' });
  });
});
