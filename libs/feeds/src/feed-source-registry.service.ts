import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { FeedSettings } from '@tollgate/config';
import { FEED_SIGNATURE_HEADERS, type EventEnvelope } from '@tollgate/contracts';
import { feedKeyProblem, feedTypeProblem, MAX_KEY_OVERLAP_MS, rotateFeedKeys, type FeedSource, type FeedSourceKey } from '@tollgate/domain';
import { headerText, hmacSignatureProblem } from '@tollgate/messaging';
import type { KafkaMessage } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FeedSecretCipher } from './feed-secret-cipher';
import { FeedSourceKeyRecord } from './feed-source-key.entity';
import { FeedSourceRecord } from './feed-source.entity';
import { FeedSourceError } from './feed-source.error';

export const FEED_SETTINGS = Symbol('FEED_SETTINGS');

// How stale the registry may be before a message is screened against it: a
// source registered or rotated on another instance is seen within this.
const FRESH_FOR_MS = 2000;
// How often a message naming a source or key the registry does not know may make it read the database
// again: a flood of junk naming made-up sources costs at most a few reads a second, not one each.
const RECHECK_AFTER_MS = 500;

/** A new key: its id says when it was made, its secret is 32 random bytes. */
function newKey(at: Date): { keyId: string; secret: string } {
  return { keyId: `${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`, secret: randomBytes(32).toString('base64url') };
}

/** A source as the admin route shows it: never its secrets. */
export interface FeedSourceView {
  name: string;
  eventTypes: readonly string[];
  orgNodeIds: readonly string[];
  origin: FeedSource['origin'];
  keys: { keyId: string; createdAt: string; retiresAt: string | null }[];
}

export function feedSourceView(source: FeedSource): FeedSourceView {
  return {
    name: source.name,
    eventTypes: source.eventTypes,
    orgNodeIds: source.orgNodeIds,
    origin: source.origin,
    keys: source.keys.map(({ keyId, createdAt, retiresAt }) => ({ keyId, createdAt, retiresAt })),
  };
}

/**
 * The outside systems that may send on this service's feeds: those of the
 * settings and those registered through the admin route, with their keys.
 * It screens each feed message: who sends it, with which key, whether the
 * signature holds, and whether the source may send that event type.
 */
@Injectable()
export class FeedSourceRegistry implements OnApplicationBootstrap {
  private sources = new Map<string, FeedSource>();
  private readAt = 0;
  private reading?: Promise<void>;
  private readonly cipher: FeedSecretCipher;
  private readonly logger = new Logger(FeedSourceRegistry.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FEED_SETTINGS) private readonly settings: FeedSettings['feeds'],
  ) {
    this.cipher = new FeedSecretCipher(settings.secretKeys);
  }

  /**
   * Reseals every stored secret that is plain (written before secrets were sealed) or sealed with a key
   * other than the settings' first: how a new key takes over, after which the old one can be dropped.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const stored = await manager.find(FeedSourceKeyRecord, { lock: { mode: 'pessimistic_write' } });
      // A secret sealed with a key these settings do not hold (an instance with newer settings sealed it) is
      // left as it is: this instance cannot open it, and another can.
      for (const record of stored.filter((entry) => this.cipher.needsResealing(entry.secret) && this.cipher.canOpen(entry.secret))) {
        const owner = { sourceName: record.sourceName, keyId: record.keyId };
        await manager.update(FeedSourceKeyRecord, owner, { secret: this.cipher.seal(this.cipher.open(record.secret, owner), owner) });
      }
    });
  }

  get appliedTypes(): readonly string[] {
    return this.settings.acceptedTypes;
  }

  async list(): Promise<FeedSourceView[]> {
    await this.refresh();
    return [...this.sources.values()].sort((a, b) => a.name.localeCompare(b.name)).map(feedSourceView);
  }

  async show(name: string): Promise<FeedSourceView> {
    await this.refresh();
    const source = this.sources.get(name);
    if (!source) throw FeedSourceError.unknown(name);
    return feedSourceView(source);
  }

  /** Registers a source with its first key; the secret is answered here once and never shown again. */
  async register(principal: string, input: { name: string; eventTypes: string[]; orgNodeIds: string[] }): Promise<FeedSourceView & { key: { keyId: string; secret: string } }> {
    this.requireApplied(input.eventTypes);
    if (this.settings.sources.some((source) => source.name === input.name)) throw FeedSourceError.inSettings(input.name);
    const at = new Date();
    const key = newKey(at);
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(FeedSourceRecord)
        .values({ name: input.name, eventTypes: unique(input.eventTypes), orgNodeIds: unique(input.orgNodeIds), registeredBy: principal, registeredAt: at, updatedAt: at })
        .orIgnore()
        .returning(['name'])
        .execute();
      if (inserted.raw.length === 0) throw FeedSourceError.exists(input.name);
      await manager.insert(FeedSourceKeyRecord, { sourceName: input.name, keyId: key.keyId, secret: this.sealed(input.name, key), createdAt: at, retiresAt: null });
    });
    await this.refresh(0);
    return { ...(await this.show(input.name)), key };
  }

  /** Replaces what a registered source may send and for which nodes. */
  async rescope(name: string, input: { eventTypes: string[]; orgNodeIds: string[] }): Promise<FeedSourceView> {
    this.requireApplied(input.eventTypes);
    this.requireRegistered(name);
    const updated = await this.dataSource.manager.update(FeedSourceRecord, { name }, { eventTypes: unique(input.eventTypes), orgNodeIds: unique(input.orgNodeIds), updatedAt: new Date() });
    if (!updated.affected) throw FeedSourceError.unknown(name);
    await this.refresh(0);
    return this.show(name);
  }

  /** A new current key; the keys current before keep working for the overlap, then retire. */
  async rotateKey(name: string, overlapMs: number | undefined): Promise<FeedSourceView & { key: { keyId: string; secret: string } }> {
    const overlap = overlapMs ?? this.settings.keyOverlapMs;
    if (overlap > MAX_KEY_OVERLAP_MS) throw FeedSourceError.overlapTooLong(MAX_KEY_OVERLAP_MS / 86_400_000);
    this.requireRegistered(name);
    const at = new Date();
    const key = newKey(at);
    await this.dataSource.transaction(async (manager) => {
      // Two rotations at once must not both leave their key current.
      const source = await manager.findOne(FeedSourceRecord, { where: { name }, lock: { mode: 'pessimistic_write' } });
      if (!source) throw FeedSourceError.unknown(name);
      const keys = (await manager.findBy(FeedSourceKeyRecord, { sourceName: name })).flatMap((record) => this.openedKey(record));
      const rotated = rotateFeedKeys(keys, key, at, overlap);
      await manager.delete(FeedSourceKeyRecord, { sourceName: name });
      await manager.insert(
        FeedSourceKeyRecord,
        rotated.map((entry) => ({ sourceName: name, keyId: entry.keyId, secret: this.sealed(name, entry), createdAt: new Date(entry.createdAt), retiresAt: entry.retiresAt ? new Date(entry.retiresAt) : null })),
      );
      await manager.update(FeedSourceRecord, { name }, { updatedAt: at });
    });
    await this.refresh(0);
    return { ...(await this.show(name)), key };
  }

  /** Removes a registered source: its messages are dead-lettered as unregistered from then on. */
  async remove(name: string): Promise<void> {
    this.requireRegistered(name);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(FeedSourceKeyRecord, { sourceName: name });
      const deleted = await manager.delete(FeedSourceRecord, { name });
      if (!deleted.affected) throw FeedSourceError.unknown(name);
    });
    await this.refresh(0);
  }

  /**
   * Why a feed message's bytes are not to be believed, before they are
   * parsed: no source named, a source not registered, an unknown or retired
   * key, a signature that does not hold.
   */
  async signatureProblem(message: KafkaMessage): Promise<string | undefined> {
    const name = headerText(message.headers, FEED_SIGNATURE_HEADERS.source);
    if (!name) return `unregistered source: the ${FEED_SIGNATURE_HEADERS.source} header is missing`;
    const keyId = headerText(message.headers, FEED_SIGNATURE_HEADERS.keyId);
    if (!keyId) return `bad signature: the ${FEED_SIGNATURE_HEADERS.keyId} header is missing`;
    let source = await this.current(name);
    // A source or key registered on another instance a moment ago: read again before refusing, unless just read.
    if (!source || !source.keys.some((key) => key.keyId === keyId)) {
      await this.refresh(RECHECK_AFTER_MS);
      source = this.sources.get(name);
    }
    if (!source) return `unregistered source: '${name.slice(0, 100)}' is not registered for this service's feeds`;
    const keyProblem = feedKeyProblem(source, keyId, new Date());
    if (keyProblem) return `bad signature: ${keyProblem}`;
    const key = source.keys.find((candidate) => candidate.keyId === keyId)!;
    return hmacSignatureProblem(message.value, message.headers?.[FEED_SIGNATURE_HEADERS.signature] as Buffer | undefined, key.secret);
  }

  /** Why a parsed feed event is not to be believed from the source that signed it: another name, another type. */
  eventProblem(event: EventEnvelope, message: KafkaMessage): string | undefined {
    const name = headerText(message.headers, FEED_SIGNATURE_HEADERS.source)!;
    const source = this.sources.get(name);
    if (!source) return `unregistered source: '${name.slice(0, 100)}' is not registered for this service's feeds`;
    if (event.source !== name) return `wrong source: the message is signed by '${name}' and says it comes from '${event.source.slice(0, 100)}'`;
    return feedTypeProblem(source, event.type);
  }

  /** The source as the registry knows it now (for the appliers' node scope). */
  sourceNamed(name: string): FeedSource | undefined {
    return this.sources.get(name);
  }

  private async current(name: string): Promise<FeedSource | undefined> {
    await this.refresh();
    return this.sources.get(name);
  }

  /** Reads the registry again when it is older than `freshForMs`, one read at a time; a write of its own (0) always reads. */
  private async refresh(freshForMs = FRESH_FOR_MS): Promise<void> {
    if (freshForMs > 0 && Date.now() - this.readAt < freshForMs) return;
    if (this.reading) {
      if (freshForMs > 0) return this.reading;
      // A read begun before this instance's own write may miss it.
      await this.reading.catch(() => undefined);
    }
    const reading = this.read().finally(() => {
      if (this.reading === reading) this.reading = undefined;
    });
    this.reading = reading;
    return reading;
  }

  private async read(): Promise<void> {
    const [records, keys] = await Promise.all([this.dataSource.manager.find(FeedSourceRecord), this.dataSource.manager.find(FeedSourceKeyRecord)]);
    const sources = new Map<string, FeedSource>(this.settings.sources.map((source) => [source.name, source]));
    for (const record of records) {
      if (sources.has(record.name)) continue;
      sources.set(record.name, {
        name: record.name,
        eventTypes: record.eventTypes,
        orgNodeIds: record.orgNodeIds,
        keys: keys.filter((key) => key.sourceName === record.name).flatMap((key) => this.openedKey(key)),
        origin: 'registered',
      });
    }
    this.sources = sources;
    this.readAt = Date.now();
  }

  /**
   * A key whose secret does not open here (sealed with a key these settings no longer hold) is left out and
   * said in the log: its messages are refused as signed with an unknown key, and every other source goes on.
   */
  private openedKey(record: FeedSourceKeyRecord): FeedSourceKey[] {
    try {
      return [this.keyOf(record)];
    } catch (error) {
      this.logger.error(`feed source '${record.sourceName}', key '${record.keyId}': ${(error as Error).message}`);
      return [];
    }
  }

  /** A key's row as the registry uses it: its secret opened. */
  private keyOf(record: FeedSourceKeyRecord): FeedSourceKey {
    return {
      keyId: record.keyId,
      secret: this.cipher.open(record.secret, { sourceName: record.sourceName, keyId: record.keyId }),
      createdAt: record.createdAt.toISOString(),
      retiresAt: record.retiresAt ? record.retiresAt.toISOString() : null,
    };
  }

  /** A key's secret as its row keeps it: sealed, never in plain text. */
  private sealed(sourceName: string, key: { keyId: string; secret: string }): string {
    return this.cipher.seal(key.secret, { sourceName, keyId: key.keyId });
  }

  private requireApplied(types: readonly string[]): void {
    const foreign = types.filter((type) => !this.settings.acceptedTypes.includes(type));
    if (foreign.length > 0) throw FeedSourceError.typesNotApplied(foreign, this.settings.acceptedTypes);
  }

  private requireRegistered(name: string): void {
    if (this.settings.sources.some((source) => source.name === name)) throw FeedSourceError.inSettings(name);
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
