import { createEnvelope, TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventually } from './eventually';
import { apiAs, type Person } from './http-client';
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

/**
 * Creates an organization > business unit > program through the plans
 * service's API, as an admin would, and waits until the initiatives service
 * has learnt the program from the plans service's events.
 */
export async function programThroughPlans(plansUrl: string, initiatives: DataSource, admin: Person, name: string): Promise<{ organizationId: string; programId: string }> {
  const node = async (nodeName: string, kind: string, parentId?: string) => (await apiAs(plansUrl, admin).post('/api/org-nodes', { name: nodeName, kind, parentId })).body.id as string;
  const organizationId = await node(`${name} ${randomUUID().slice(0, 8)}`, 'organization');
  const programId = await node(`${name} program`, 'program', await node(`${name} unit`, 'business_unit', organizationId));
  await eventually(
    () => initiatives.query(`SELECT 1 FROM initiatives.known_org_node WHERE node_id = $1`, [programId]),
    (rows: unknown[]) => rows.length === 1,
    { what: 'the initiatives service to learn the program' },
  );
  return { organizationId, programId };
}
