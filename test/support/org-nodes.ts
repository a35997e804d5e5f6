import { createEnvelope, TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventually } from './eventually';
import { produceSigned } from './topic-reader';

/**
 * Announces a program as the plans service does (`plans.org-node-created` on
 * its topic) and waits until the initiatives service has applied it.
 */
export async function announceProgram(initiatives: DataSource, name = 'Logistics excellence'): Promise<string> {
  const nodeId = `program-${randomUUID()}`;
  const envelope = createEnvelope(
    { type: 'plans.org-node-created', source: 'tollgate/plans', subject: nodeId, data: { nodeId, name, kind: 'program', parentId: null } },
    randomUUID(),
    new Date(),
  );
  await produceSigned('plans', TOPICS.plansEvents, envelope);
  await eventually(
    () => initiatives.query(`SELECT 1 FROM initiatives.known_org_node WHERE node_id = $1`, [nodeId]),
    (rows: unknown[]) => rows.length === 1,
    { what: `the initiatives service to learn program ${nodeId}` },
  );
  return nodeId;
}
