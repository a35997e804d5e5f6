import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { EventEnvelope, ProbeReceipt, SERVICE_EVENT_TOPICS, StackProbeActivities } from '@tollgate/contracts';
import { enqueueEvent, EventConsumers, OutboxRelayHost } from '@tollgate/messaging';
import type { ActivityProvider } from '@tollgate/temporal';
import { DataSource, EntityManager } from 'typeorm';
import { SERVICE_CONFIG } from '../service-config.token';
import { StackProbe } from './stack-probe.entity';
import { StackProbeReceipt } from './stack-probe-receipt.entity';


/**
 * The stack probe: a workflow asks this service to record a probe (row and
 * outbox event in one transaction); the other services apply the event once.
 * Operators use it to prove that Temporal, PostgreSQL and Kafka work together.
 */
@Injectable()
export class StackProbeService implements ActivityProvider, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumers: EventConsumers,
    private readonly relay: OutboxRelayHost,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    const service = this.config.service;
    this.consumers.register({
      groupId: `${this.config.kafka.groupPrefix}-${service}.stack-probe`,
      topics: Object.entries(SERVICE_EVENT_TOPICS)
        .filter(([name]) => name !== service)
        .map(([, topic]) => topic),
      accepts: ['stack.probe-recorded'],
      apply: (event, manager) => this.applyProbeEvent(event, manager),
    });
  }

  activities(): StackProbeActivities {
    return { recordProbe: (input) => this.recordProbe(input.probeId) };
  }

  /** Idempotent: a retried activity finds the probe already recorded and answers the same. */
  async recordProbe(probeId: string): Promise<ProbeReceipt> {
    const service = this.config.service;
    const probe = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(StackProbe, { where: { probeId }, lock: { mode: 'pessimistic_write' } });
      if (existing) return existing;
      const envelope = await enqueueEvent(manager, SERVICE_EVENT_TOPICS[service], {
        type: 'stack.probe-recorded',
        source: `tollgate/${service}`,
        subject: probeId,
        data: { probeId, service, recordedAt: new Date().toISOString() },
      });
      return manager.save(manager.create(StackProbe, { probeId, eventId: envelope.id }));
    });
    this.relay.relay.nudge();
    return { probeId, service, eventId: probe.eventId, recordedAt: probe.recordedAt.toISOString() };
  }

  async receipts(probeId: string): Promise<StackProbeReceipt[]> {
    return this.dataSource.getRepository(StackProbeReceipt).find({ where: { probeId }, order: { id: 'ASC' } });
  }

  private async applyProbeEvent(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type !== 'stack.probe-recorded') return;
    await manager.insert(StackProbeReceipt, {
      probeId: event.data.probeId,
      eventId: event.id,
      sourceService: event.data.service,
    });
  }
}
