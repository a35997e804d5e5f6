import type { LifecycleChange } from '@tollgate/contracts';
import { AUDIT_CHAIN_GENESIS, canonicalAuditRecord, type LifecycleState } from '@tollgate/domain';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { initiativeAtStage4, initiativePeople } from '../../../../test/support/initiative-walk';
import { startInitiativesStack } from '../../../../test/support/test-stack';
import type { RunningService } from '../../../../test/support/running-service';
import { serviceTestEnv } from '../../../../test/support/test-environment';
import type { RunningWorkflowWorker } from '../../../../test/support/workflow-worker';
import { AuditChainBackfill1764892800001 } from '../../migrations/1764892800001-audit-chain-backfill';
import { AuditChainRequired1764892800002 } from '../../migrations/1764892800002-audit-chain-required';
import { InitiativeProjection } from '../projection/initiative-projection.service';
import { auditDigest } from '../projection/audit-digest';
import { AuditEntry } from '../projection/audit-entry.entity';
import { auditRecordOf } from '../projection/audit-record';

const ROOT = path.resolve(__dirname, '../../../..');
const COMMAND = 'dist/services/initiatives/services/initiatives/src/verify-audit-chain.js';

/** Runs the operator command from the build against the test database. */
function verifyCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(path.join(ROOT, COMMAND))) throw new Error(`${COMMAND} missing: build the initiatives project first (npx nx build initiatives)`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', './deploy/runtime/lib-paths.js', COMMAND, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...serviceTestEnv() }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The audit trail's hash chain against the real stack: written by the
// projection, checked by the route and the operator command, and broken by
// hand in the database to see that it shows.
describe('the audit chain', () => {
  let service: RunningService;
  let worker: RunningWorkflowWorker;
  let programId: string;
  const people = initiativePeople();
  const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };
  const as = (person: Person | null) => apiAs(service.baseUrl, person);
  const verification = async (id: string) => (await as(viewer).get(`/api/initiatives/${id}/audit/verification`)).body;
  const entriesOf = (id: string): Promise<{ revision: number; previous_hash: string; hash: string }[]> =>
    service.dataSource.query(`SELECT revision, previous_hash, hash FROM initiatives.audit_entry WHERE initiative_id = $1 ORDER BY revision`, [id]);

  /** An initiative with a few changes: created, held, resumed. */
  async function heldAndResumed(): Promise<string> {
    const created = await as(people.owner).post('/api/initiatives', {
      title: `Audited initiative ${randomUUID().slice(0, 8)}`,
      programId,
      ownerId: people.owner.id,
      sponsorId: people.sponsor.id,
      controllerId: people.controller.id,
      category: 'cost',
      measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-03', amount: 90_000 }] }],
      milestones: [{ title: 'Delivered', dueDate: '2099-12-31' }],
    });
    expect(created.status).toBe(201);
    expect((await as(people.sponsor).post(`/api/initiatives/${created.body.id}/hold`, { reason: 'budget freeze' })).status).toBe(200);
    expect((await as(people.sponsor).post(`/api/initiatives/${created.body.id}/resume`, { reason: 'budget released' })).status).toBe(200);
    // The commands answer before their projection; the trail answers once all three entries are stored, ready to tamper with.
    expect((await as(viewer).get(`/api/initiatives/${created.body.id}/audit`)).body).toHaveLength(3);
    return created.body.id;
  }

  let walked: string;
  let edited: string;
  let cut: string;

  beforeAll(async () => {
    ({ service, worker, programId } = await startInitiativesStack());
    walked = await initiativeAtStage4(service.baseUrl, programId, people, { requestClosure: false });
  });

  afterAll(async () => {
    await worker?.stop();
    await service?.close();
  });

  it('chains every entry the projection writes to the one before, and keeps the head on the initiative', async () => {
    const trail = (await as(viewer).get(`/api/initiatives/${walked}/audit`)).body;
    expect(trail.length).toBeGreaterThan(8);
    const entries = await entriesOf(walked);
    expect(entries.map((entry) => entry.revision)).toEqual(trail.map((entry: { revision: number }) => entry.revision));
    expect(entries[0].previous_hash).toBe(AUDIT_CHAIN_GENESIS);
    entries.slice(1).forEach((entry, index) => expect(entry.previous_hash).toBe(entries[index].hash));
    expect(entries.every((entry) => /^[0-9a-f]{64}$/.test(entry.hash))).toBe(true);
    const [head] = await service.dataSource.query(`SELECT audit_head_revision, audit_head_hash FROM initiatives.initiative WHERE id = $1`, [walked]);
    expect(head).toEqual({ audit_head_revision: entries.at(-1)!.revision, audit_head_hash: entries.at(-1)!.hash });

    expect(await verification(walked)).toEqual({ initiativeId: walked, valid: true, entries: trail.length, headRevision: trail.length, firstInvalid: null, unrecorded: [] });
  });

  it('names an entry edited by hand in the database as changed', async () => {
    edited = await heldAndResumed();
    expect((await verification(edited)).valid).toBe(true);
    await service.dataSource.query(`UPDATE initiatives.audit_entry SET reason = 'nobody froze anything' WHERE initiative_id = $1 AND revision = 2`, [edited]);
    expect(await verification(edited)).toEqual({
      initiativeId: edited,
      valid: false,
      entries: 3,
      headRevision: 3,
      firstInvalid: { revision: 2, problem: 'changed', detail: 'revision 2 no longer matches its hash' },
      unrecorded: [],
    });
  });

  it('names the actor changed even when the edited entry was hashed again', async () => {
    const id = await heldAndResumed();
    // Someone who knows the scheme rewrites revision 2 and its hash; revision 3 still holds the old one.
    const second = await service.dataSource.getRepository(AuditEntry).findOneByOrFail({ initiativeId: id, revision: 2 });
    const hash = auditDigest(canonicalAuditRecord({ ...auditRecordOf(second), actorId: 'mallory' }, second.previousHash));
    await service.dataSource.query(`UPDATE initiatives.audit_entry SET actor_id = 'mallory', hash = $2 WHERE id = $1`, [second.id, hash]);
    expect((await verification(id)).firstInvalid).toEqual({ revision: 2, problem: 'changed', detail: "revision 2's hash is not the one revision 3 was chained to" });
  });

  it('names entries deleted from the end as removed, and a head that does not match', async () => {
    cut = await heldAndResumed();
    await service.dataSource.query(`DELETE FROM initiatives.audit_entry WHERE initiative_id = $1 AND revision = 3`, [cut]);
    expect(await verification(cut)).toEqual({
      initiativeId: cut,
      valid: false,
      entries: 2,
      headRevision: 3,
      firstInvalid: { revision: 3, problem: 'removed', detail: 'revision 3 is missing: the chain head is revision 3' },
      unrecorded: [],
    });
    // Moving the head back to what is left still shows: the hash is the one of the deleted entry.
    await service.dataSource.query(`UPDATE initiatives.initiative SET audit_head_revision = 2 WHERE id = $1`, [cut]);
    expect((await verification(cut)).firstInvalid).toEqual({ revision: 2, problem: 'head_mismatch', detail: "revision 2's hash is not the chain head's" });
  });

  it('chains a batch in revision order and stays consistent when the projection is retried', async () => {
    const projection = service.app.get(InitiativeProjection);
    const [template] = await service.dataSource.query(`SELECT state FROM initiatives.initiative WHERE id = $1`, [walked]);
    const initiativeId = randomUUID();
    // Another initiative's state under a new id, without its gate requests (they would move over).
    const state: LifecycleState = { ...template.state, initiativeId, code: `INI-T${randomUUID().slice(0, 8)}`, gateRequests: [], revision: 3 };
    const change = (revision: number): LifecycleChange => ({
      revision,
      action: revision === 1 ? 'created' : 'forecast_updated',
      actorId: people.owner.id,
      at: new Date(Date.UTC(2027, 0, revision)).toISOString(),
      reason: revision === 2 ? 'carrier quotes in' : null,
      evidence: null,
      details: { revision, nested: { b: [1, 2], a: 'x' } },
      events: [],
    });
    await projection.project(state, [change(3), change(1), change(2)]);
    const first = await entriesOf(initiativeId);
    expect(first.map((entry) => entry.revision)).toEqual([1, 2, 3]);
    expect(first[1].previous_hash).toBe(first[0].hash);

    await projection.project(state, [change(1), change(2), change(3)]);
    await projection.project({ ...state, revision: 4 }, [change(3), change(4)]);
    const after = await entriesOf(initiativeId);
    expect(after.slice(0, 3)).toEqual(first);
    expect(after[3]).toMatchObject({ revision: 4, previous_hash: first[2].hash });
    expect(await verification(initiativeId)).toEqual({ initiativeId, valid: true, entries: 4, headRevision: 4, firstInvalid: null, unrecorded: [] });
  });

  it('answers 404 for an unknown initiative and 401 without a token, and is in the OpenAPI document', async () => {
    expect((await as(viewer).get(`/api/initiatives/${randomUUID()}/audit/verification`)).status).toBe(404);
    expect((await as(viewer).get('/api/initiatives/not-an-id/audit/verification')).status).toBe(404);
    expect((await as(null).get(`/api/initiatives/${walked}/audit/verification`)).status).toBe(401);
    const document = (await as(viewer).get('/api/docs-json')).body;
    const route = document.paths['/api/initiatives/{id}/audit/verification'].get;
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    expect(document.components.schemas.AuditChainBreakBody.properties.problem.enum).toEqual(['changed', 'removed', 'head_mismatch', 'unrecorded']);
  });

  it('has an operator command that names each broken chain and exits 1', async () => {
    const all = await verifyCommand();
    expect(all.code).toBe(1);
    const broken = all.stdout.split('\n').filter((line) => line.startsWith('broken: '));
    expect(broken).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^broken: initiative ${edited} \\(INI-\\d{5}\\) at revision 2, changed: revision 2 no longer matches its hash$`)),
        expect.stringContaining(`initiative ${cut} `),
      ]),
    );
    expect(all.stdout).not.toContain(walked);
    expect(all.stdout).toMatch(new RegExp(`audit chains: (\\d+) verified, \\d+ intact, ${broken.length} broken\\n$`));

    expect(await verifyCommand(walked)).toEqual({ code: 0, stdout: 'audit chains: 1 verified, 1 intact, 0 broken\n', stderr: '' });
    const one = await verifyCommand(edited);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain(`broken: initiative ${edited} `);
    const unknown = await verifyCommand(randomUUID());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/initiative [0-9a-f-]{36} not found/);
  });

  it('seals entries written before the chain as the projection would have', async () => {
    // The data migration run again on the test schema, then rolled back: it
    // must give an intact trail the very hashes the projection wrote.
    const runner = service.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const before = await runner.query(`SELECT initiative_id, revision, hash FROM initiatives.audit_entry WHERE initiative_id = $1 ORDER BY revision`, [walked]);
      await new AuditChainRequired1764892800002().down(runner);
      await new AuditChainBackfill1764892800001().down(runner);
      expect(await runner.query(`SELECT count(*)::int AS n FROM initiatives.audit_entry WHERE hash IS NOT NULL`)).toEqual([{ n: 0 }]);
      await new AuditChainBackfill1764892800001().up(runner);
      await new AuditChainRequired1764892800002().up(runner);
      expect(await runner.query(`SELECT initiative_id, revision, hash FROM initiatives.audit_entry WHERE initiative_id = $1 ORDER BY revision`, [walked])).toEqual(before);
      // A trail already cut short keeps its head where the initiative's revision is.
      expect(await runner.query(`SELECT audit_head_revision FROM initiatives.initiative WHERE id = $1`, [cut])).toEqual([{ audit_head_revision: 3 }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
