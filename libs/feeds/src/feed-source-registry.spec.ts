import { DEVELOPMENT_FEED_SECRET_KEY } from '@tollgate/config';
import { FEED_SIGNATURE_HEADERS } from '@tollgate/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { FeedSecretCipher } from './feed-secret-cipher';
import { FeedSourceRecord } from './feed-source.entity';
import { FeedSourceRegistry } from './feed-source-registry.service';

/** A registry over a database that counts its reads and knows no registered source. */
function registryCountingReads() {
  let reads = 0;
  const dataSource = {
    manager: {
      find: async () => {
        reads += 1;
        return [];
      },
    },
  } as unknown as DataSource;
  const registry = new FeedSourceRegistry(dataSource, { acceptedTypes: ['plan.demand-updated'], sources: [], keyOverlapMs: 86_400_000, secretKeys: [DEVELOPMENT_FEED_SECRET_KEY] });
  return { registry, reads: () => reads / 2 };
}

const junk = (index: number): KafkaMessage =>
  ({
    key: null,
    value: Buffer.from('{}'),
    timestamp: '0',
    attributes: 0,
    offset: String(index),
    headers: { [FEED_SIGNATURE_HEADERS.source]: Buffer.from(`made-up-${index}`), [FEED_SIGNATURE_HEADERS.keyId]: Buffer.from('k1'), [FEED_SIGNATURE_HEADERS.signature]: Buffer.from('x') },
  }) as KafkaMessage;

describe('the feed source registry screening messages from unknown sources', () => {
  it('refuses a flood of messages naming made-up sources from its cache, reading the database a few times, not once each', async () => {
    const { registry, reads } = registryCountingReads();
    const problems = await Promise.all(Array.from({ length: 500 }, (_, index) => registry.signatureProblem(junk(index))));
    for (let index = 500; index < 1000; index += 1) problems.push(await registry.signatureProblem(junk(index)));
    expect(new Set(problems.map((problem) => problem?.replace(/'made-up-\d+'/, "'…'")))).toEqual(new Set(["unregistered source: '…' is not registered for this service's feeds"]));
    // One read to start with, and at most one more each half second to see a source registered elsewhere meanwhile.
    expect(reads()).toBeLessThanOrEqual(3);
  });

  it('leaves out a key whose secret these settings cannot open, and goes on with every other source', async () => {
    const elsewhere = new FeedSecretCipher([{ keyId: 'k9', key: randomBytes(32) }]);
    const here = new FeedSecretCipher([DEVELOPMENT_FEED_SECRET_KEY]);
    const at = new Date('2027-03-01T00:00:00Z');
    const record = (name: string) => ({ name, eventTypes: ['plan.demand-updated'], orgNodeIds: ['bu-1'], registeredBy: 'ada', registeredAt: at, updatedAt: at });
    const key = (sourceName: string, cipher: FeedSecretCipher) => ({ sourceName, keyId: 'k1', secret: cipher.seal('s'.repeat(43), { sourceName, keyId: 'k1' }), createdAt: at, retiresAt: null });
    const dataSource = {
      manager: { find: async (entity: unknown) => (entity === FeedSourceRecord ? [record('crm'), record('erp')] : [key('crm', here), key('erp', elsewhere)]) },
    } as unknown as DataSource;
    const registry = new FeedSourceRegistry(dataSource, { acceptedTypes: ['plan.demand-updated'], sources: [], keyOverlapMs: 86_400_000, secretKeys: [DEVELOPMENT_FEED_SECRET_KEY] });
    expect((await registry.list()).map((source) => [source.name, source.keys.map((entry) => entry.keyId)])).toEqual([
      ['crm', ['k1']],
      ['erp', []],
    ]);
  });
});
