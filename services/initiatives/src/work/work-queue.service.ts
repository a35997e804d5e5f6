import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@tollgate/auth';
import { gateDecisionRight, missingKeys, type Actor, type LifecycleState } from '@tollgate/domain';
import { Repository } from 'typeorm';
import { GateRequestRecord } from '../gate/gate-request.entity';
import { Initiative } from '../projection/initiative.entity';
import { ProjectionFreshness } from '../projection/projection-freshness';
import type { AwaitedGatesView } from '@tollgate/contracts/views';

/** What awaits a person's decision: the same rule the workflow applies decides what is listed. */
@Injectable()
export class WorkQueueService {
  constructor(
    @InjectRepository(GateRequestRecord) private readonly gates: Repository<GateRequestRecord>,
    @InjectRepository(Initiative) private readonly initiatives: Repository<Initiative>,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async gateRequestsAwaiting(principal: Principal): Promise<AwaitedGatesView> {
    await this.freshness.settle();
    const actor: Actor = { id: principal.sub, roles: principal.roles };
    const pmo = principal.roles.includes('pmo');
    // Candidates: where the caller is a party, or every pending request for a PMO user; the domain rule then decides.
    const rows = await this.gates
      .createQueryBuilder('gate')
      .innerJoin(Initiative, 'initiative', 'initiative.id = gate.initiative_id')
      .where('gate.state = :pending', { pending: 'pending' })
      .andWhere(pmo ? '1 = 1' : '(initiative.sponsor_id = :me OR initiative.controller_id = :me)', { me: principal.sub })
      .orderBy('gate.submitted_at', 'ASC')
      .limit(500)
      .getMany();
    const initiatives = new Map(
      (rows.length ? await this.initiatives.findBy(rows.map((row) => ({ id: row.initiativeId }))) : []).map((initiative) => [initiative.id, initiative]),
    );
    return {
      items: rows.flatMap((row) => {
        const initiative = initiatives.get(row.initiativeId);
        if (!initiative) return [];
        const state: LifecycleState = initiative.state;
        const request = { ...row, submittedAt: row.submittedAt.toISOString(), decidedAt: null };
        const right = gateDecisionRight(request, actor, state, true);
        if ('kind' in right) return [];
        return [
          {
            initiativeId: initiative.id,
            code: initiative.code,
            title: initiative.title,
            stage: initiative.stage,
            gateRequestId: row.id,
            targetStage: row.targetStage,
            submittedBy: row.submittedBy,
            submittedAt: request.submittedAt,
            evidence: row.evidence,
            missingKeys: missingKeys(request),
          },
        ];
      }),
    };
  }
}
