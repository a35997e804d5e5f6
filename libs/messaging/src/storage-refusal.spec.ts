import { permanentStorageRefusal } from './storage-refusal';

describe('a storage refusal', () => {
  it('is permanent for data that can never fit: too long, out of range, missing, failing a check', () => {
    expect(permanentStorageRefusal({ driverError: { code: '22001', message: 'value too long for type character varying(20)' } })).toBe(
      "the event's data cannot be stored (SQLSTATE 22001): value too long for type character varying(20)",
    );
    expect(permanentStorageRefusal({ code: '22003', message: 'bigint out of range' })).toContain('SQLSTATE 22003');
    expect(permanentStorageRefusal({ driverError: { code: '23502', message: 'null value' } })).toContain('SQLSTATE 23502');
    expect(permanentStorageRefusal({ driverError: { code: '23514', message: 'check' } })).toContain('SQLSTATE 23514');
  });

  it('is not for what may pass: a lost connection, a deadlock, a concurrent unique insert, anything without a code', () => {
    for (const code of ['08006', '40P01', '57P01', '23505', '55P03']) expect(permanentStorageRefusal({ driverError: { code, message: 'x' } })).toBeNull();
    expect(permanentStorageRefusal(new Error('ECONNREFUSED'))).toBeNull();
    expect(permanentStorageRefusal(undefined)).toBeNull();
  });
});
