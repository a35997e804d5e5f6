import type { ServiceTaskQueue } from './temporal';

/** Input of the `stackProbe` workflow: which service records the probe. */
export interface StackProbeInput {
  probeId: string;
  taskQueue: ServiceTaskQueue;
}

/** What a service answers when it has recorded a probe and its outbox event. */
export interface ProbeReceipt {
  probeId: string;
  service: 'plans' | 'initiatives' | 'finance';
  eventId: string;
  recordedAt: string;
}

/** Activities that every service registers on its own task queue. */
export interface StackProbeActivities {
  recordProbe(input: { probeId: string }): Promise<ProbeReceipt>;
}
