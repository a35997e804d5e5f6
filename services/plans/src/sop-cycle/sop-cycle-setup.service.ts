import { Injectable, Logger } from '@nestjs/common';
import { Client, isGrpcServiceError, ScheduleAlreadyRunning, ScheduleNotFoundError, type ScheduleOptions } from '@temporalio/client';
import type { Principal } from '@tollgate/auth';
import { sopScheduleId, TASK_QUEUES, WORKFLOW_TYPES, type MonthlySopCycleInput } from '@tollgate/contracts';
import { DEFAULT_MITIGATION_WINDOW, DEFAULT_SOP_DURATIONS, sopCyclePlanOf, type SopCyclePlan } from '@tollgate/domain';
import { DataSource } from 'typeorm';
import { OrgNodeService } from '../org-node/org-node.service';
import type { SopCycleSetupDto } from './dtos/sop-cycle-setup.dto';
import { SopCycleSetup } from './sop-cycle-setup.entity';
import { SopCycleError } from './sop-cycle.error';

function setupView(setup: SopCycleSetup, nextStarts: string[]) {
  return {
    orgNodeId: setup.orgNodeId,
    owners: setup.owners,
    durations: { ...DEFAULT_SOP_DURATIONS, ...setup.durations },
    mitigationWindow: setup.mitigationWindow,
    schedule: setup.scheduleDay === null ? null : { dayOfMonth: setup.scheduleDay, hourUtc: setup.scheduleHour, scheduleId: sopScheduleId(setup.orgNodeId), nextStarts },
    updatedBy: setup.updatedBy,
    updatedAt: setup.updatedAt.toISOString(),
  };
}

/**
 * How a node runs its cycles, and the Temporal Schedule that starts the
 * month's cycle by itself. The setup is saved first, then the schedule is made
 * to match it; writing the same setup again repairs a schedule left behind.
 */
@Injectable()
export class SopCycleSetupService {
  private readonly logger = new Logger(SopCycleSetupService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: OrgNodeService,
    private readonly client: Client,
  ) {}

  async write(principal: Principal, nodeId: string, dto: SopCycleSetupDto): Promise<{ created: boolean; body: ReturnType<typeof setupView> }> {
    await this.nodes.get(nodeId);
    const checked = sopCyclePlanOf({ owners: dto.owners, durations: dto.durations, mitigationWindow: dto.mitigationWindow });
    if ('unmet' in checked) throw SopCycleError.badSetup(checked.unmet);
    const repository = this.dataSource.getRepository(SopCycleSetup);
    const created = !(await repository.existsBy({ orgNodeId: nodeId }));
    const setup = repository.create({
      orgNodeId: nodeId,
      owners: { ...checked.plan.owners },
      // Steps left out keep the default (the validated DTO carries them as undefined).
      durations: { ...DEFAULT_SOP_DURATIONS, ...Object.fromEntries(Object.entries(dto.durations ?? {}).filter(([, text]) => text !== undefined)) },
      mitigationWindow: dto.mitigationWindow ?? DEFAULT_MITIGATION_WINDOW,
      scheduleDay: dto.schedule?.dayOfMonth ?? null,
      scheduleHour: dto.schedule?.hourUtc ?? null,
      updatedBy: principal.sub,
      updatedAt: new Date(),
    });
    await repository.save(setup);
    const nextStarts = await this.matchSchedule(setup);
    return { created, body: setupView(setup, nextStarts) };
  }

  async show(nodeId: string) {
    await this.nodes.get(nodeId);
    const setup = await this.dataSource.getRepository(SopCycleSetup).findOneBy({ orgNodeId: nodeId });
    if (!setup) throw SopCycleError.noSetup(nodeId, 'not_found');
    return setupView(setup, setup.scheduleDay === null ? [] : await this.nextStarts(nodeId));
  }

  /** The plan a new cycle of the node runs by; null when the node has no setup. */
  async planFor(nodeId: string): Promise<SopCyclePlan | null> {
    const setup = await this.dataSource.getRepository(SopCycleSetup).findOneBy({ orgNodeId: nodeId });
    if (!setup) return null;
    const checked = sopCyclePlanOf({ owners: setup.owners as SopCyclePlan['owners'], durations: setup.durations, mitigationWindow: setup.mitigationWindow });
    return 'plan' in checked ? checked.plan : null;
  }

  private async matchSchedule(setup: SopCycleSetup): Promise<string[]> {
    const handle = this.client.schedule.getHandle(sopScheduleId(setup.orgNodeId));
    try {
      if (setup.scheduleDay === null) {
        await handle.delete().catch((error: unknown) => {
          if (!(error instanceof ScheduleNotFoundError)) throw error;
        });
        return [];
      }
      const options = this.scheduleOptions(setup);
      try {
        await this.client.schedule.create(options);
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        await handle.update((previous) => ({ ...previous, spec: options.spec, action: options.action }));
      }
      return this.nextStarts(setup.orgNodeId);
    } catch (error) {
      if (isGrpcServiceError(error) || (error as Error)?.name === 'ServiceError') {
        this.logger.warn(`the S&OP schedule of ${setup.orgNodeId} could not be written: ${(error as Error).message}`);
        throw SopCycleError.unavailable();
      }
      throw error;
    }
  }

  private scheduleOptions(setup: SopCycleSetup): ScheduleOptions {
    const input: MonthlySopCycleInput = { orgNodeId: setup.orgNodeId };
    return {
      scheduleId: sopScheduleId(setup.orgNodeId),
      spec: { calendars: [{ dayOfMonth: setup.scheduleDay!, hour: setup.scheduleHour ?? 0, minute: 0, comment: 'the month’s S&OP cycle' }] },
      action: {
        type: 'startWorkflow',
        workflowType: WORKFLOW_TYPES.monthlySopCycle,
        workflowId: `sop-cycle-launch-${setup.orgNodeId}`,
        taskQueue: TASK_QUEUES.lifecycle,
        args: [input],
      },
      // A month missed while Temporal was down is still started when it is back.
      policies: { catchupWindow: '7 days', overlap: 'SKIP' },
    };
  }

  private async nextStarts(nodeId: string): Promise<string[]> {
    try {
      const description = await this.client.schedule.getHandle(sopScheduleId(nodeId)).describe();
      return description.info.nextActionTimes.slice(0, 3).map((time) => time.toISOString());
    } catch {
      return [];
    }
  }
}
