import { createEnvelope, TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventually } from './eventually';
import { produceSigned } from './topic-reader';

/**
 * Announces a program as the plans service does (`plans.org-node-created` on
 * its topic, under `topicPrefix`: the run's unless the test has its own) and
 * waits until the initiatives service has applied it.
 */
export async function announceProgram(initiatives: DataSource, name = 'Logistics excellence', parentId: string | null = null, topicPrefix?: string): Promise<string> {
  return announceOrgNode(initiatives, { name, kind: 'program', parentId }, topicPrefix);
}

/** Announces any org node as the plans service does, and waits until the initiatives service has applied it. */
export async function announceOrgNode(
  initiatives: DataSource,
  node: { name: string; kind: 'organization' | 'business_unit' | 'program'; parentId: string | null },
  topicPrefix?: string,
): Promise<string> {
  const nodeId = `${node.kind.replace('_', '-')}-${randomUUID()}`;
  const envelope = createEnvelope(
    { type: 'plans.org-node-created', source: 'tollgate/plans', subject: nodeId, data: { nodeId, ...node } },
    randomUUID(),
    new Date(),
  );
  await produceSigned('plans', TOPICS.plansEvents, envelope, topicPrefix);
  await eventually(
    () => initiatives.query(`SELECT 1 FROM initiatives.known_org_node WHERE node_id = $1`, [nodeId]),
    (rows: unknown[]) => rows.length === 1,
    { what: `the initiatives service to learn ${node.kind} ${nodeId}` },
  );
  return nodeId;
}
