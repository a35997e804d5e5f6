import type { OutboxRelayHost } from '@tollgate/messaging';
import type { EntityManager } from 'typeorm';
import type { LifecycleDeliveryDispatcher } from '../delivery/lifecycle-delivery-dispatcher.service';
import { LedgerInitiative } from '../ledger/ledger-initiative.entity';
import { Confirmation } from './confirmation.entity';
import { ConfirmationError } from './confirmation.error';
import { ConfirmationLedger } from './confirmation-ledger.service';

// The rules of applying a confirmation, on a stand-in for the transaction's
// entity manager and its writes; the real writes are covered against PostgreSQL.
jest.mock('@tollgate/messaging', () => {
  const record = async (manager: { inserted: unknown[] }, entity: unknown, rows: unknown[]) => void manager.inserted.push({ entity, row: rows });
  return {
    insertAsColumnArrays: record,
    enqueueEvents: (manager: { inserted: unknown[] }, _topic: string, events: unknown[]) => record(manager, { name: 'OutboxMessage' }, events),
    enqueueEvent: (manager: { inserted: unknown[] }, _topic: string, event: unknown) => record(manager, { name: 'OutboxMessage' }, [event]),
  };
});

function managerWith(initiatives: Partial<LedgerInitiative>[], confirmations: Partial<Confirmation>[] = []) {
  const inserted: unknown[] = [];
  const manager = {
    inserted,
    queryRunner: { isTransactionActive: true },
    createQueryBuilder: (entity: unknown) => ({
      where: (_condition: string, { ids }: { ids: string[] }) => ({
        getMany: async () =>
          entity === Confirmation
            ? confirmations.filter((row) => ids.includes(row.confirmationId!))
            : initiatives.filter((row) => ids.includes(row.initiativeId!)),
      }),
    }),
    findOneBy: async (entity: unknown, where: Record<string, string>) => {
      const rows = (entity === Confirmation ? confirmations : initiatives) as Record<string, unknown>[];
      return rows.find((row) => Object.entries(where).every(([key, value]) => row[key] === value)) ?? null;
    },
    findOneByOrFail: async (_entity: unknown, where: { confirmationId: string }) => ({ ...where, stored: true }),
    create: (_entity: unknown, row: object) => ({ ...row }),
    insert: async (entity: unknown, row: unknown) => {
      inserted.push({ entity, row: [row] });
    },
  } as unknown as EntityManager;
  return { manager, inserted };
}

const ledger = new ConfirmationLedger(
  { relay: { nudge: () => undefined } } as unknown as OutboxRelayHost,
  { nudge: () => undefined } as unknown as LifecycleDeliveryDispatcher,
);
const initiative = { initiativeId: 'i-1', ownerId: 'olivia', sponsorId: 'sam', currency: 'EUR', closureState: 'pending_confirmation' };
const input = { confirmationId: 'c-1', initiativeId: 'i-1', period: '2027-03', amount: 1000, currency: 'EUR', reference: 'GL', controllerId: 'cleo' };

async function refusal(promise: Promise<unknown>): Promise<ConfirmationError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfirmationError);
  return error as ConfirmationError;
}

describe('applying a confirmation', () => {
  it('writes the confirmation, what is owed to the lifecycle and its event once', async () => {
    const { manager, inserted } = managerWith([initiative]);
    const result = await ledger.confirm(manager, input, 'api');
    expect(result.created).toBe(true);
    expect(inserted.map((entry) => (entry as { entity: { name: string } }).entity.name)).toEqual(['Confirmation', 'LifecycleDelivery', 'OutboxMessage']);
  });

  it('answers the first result for the same id and data, and writes nothing', async () => {
    const { manager, inserted } = managerWith([initiative], [{ ...input, amount: 1000 }]);
    expect((await ledger.confirm(manager, input, 'erp')).created).toBe(false);
    expect(inserted).toEqual([]);
  });

  it('refuses an id reused for different data (409), an unknown initiative (404), a party (403), another currency (422)', async () => {
    expect((await refusal(ledger.confirm(managerWith([initiative], [{ ...input, amount: 5 }]).manager, input, 'api'))).kind).toBe('conflict');
    expect((await refusal(ledger.confirm(managerWith([]).manager, input, 'api'))).kind).toBe('not_found');
    expect((await refusal(ledger.confirm(managerWith([initiative]).manager, { ...input, controllerId: 'sam' }, 'api'))).kind).toBe('forbidden');
    expect((await refusal(ledger.confirm(managerWith([initiative]).manager, { ...input, currency: 'USD' }, 'api'))).kind).toBe('unprocessable');
  });

  it('applies a batch with one answer each, writing the new ones with one insert per table', async () => {
    const { manager, inserted } = managerWith([initiative], [{ ...input, confirmationId: 'c-0' }]);
    const results = await ledger.confirmAll(
      manager,
      [
        { ...input, confirmationId: 'c-0' },
        input,
        { ...input, confirmationId: 'c-2', initiativeId: 'i-unknown' },
        input,
        { ...input, amount: 7 },
        { ...input, confirmationId: 'c-3', controllerId: 'olivia' },
        { ...input, confirmationId: 'c-4', amount: 2000 },
      ],
      'erp',
    );
    expect(results.map((result) => (result.ok ? (result.created ? 'created' : 'recorded before') : result.error.code))).toEqual([
      'recorded before',
      'created',
      'unknown_initiative',
      'recorded before',
      'confirmation_id_reused',
      'rule_violated',
      'created',
    ]);
    expect(inserted.map((entry) => [(entry as { entity: { name: string } }).entity.name, ((entry as { row: unknown[] }).row).length])).toEqual([
      ['Confirmation', 2],
      ['LifecycleDelivery', 2],
      ['OutboxMessage', 2],
    ]);
  });

  it('rejects a closure only while one is pending, and never by a party', async () => {
    const rejection = { rejectionId: 'r-1', initiativeId: 'i-1', controllerId: 'cleo', reason: 'not in the ledger' };
    expect((await ledger.reject(managerWith([initiative]).manager, rejection)).created).toBe(true);
    expect((await refusal(ledger.reject(managerWith([{ ...initiative, closureState: 'none' }]).manager, rejection))).kind).toBe('conflict');
    expect((await refusal(ledger.reject(managerWith([initiative]).manager, { ...rejection, controllerId: 'olivia' }))).kind).toBe('forbidden');
  });
});
