import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { InitiativeResourceService } from './initiative-resource.service';
import { SopPolicyService } from './sop-policy.service';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

// Each node's S&OP policy, inherited down the hierarchy, and what initiatives need for the pivot.
describe('S&OP policies and initiative resources', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;

  beforeAll(async () => {
    // Settings of their own, to see them come through where no node has a policy.
    ({ plans } = stack = await startTestStack({
      services: ['plans'],
      env: { plans: { TOLLGATE_SOP_VALUE_THRESHOLD_ABSOLUTE: '750000', TOLLGATE_SOP_VOLUME_THRESHOLD_PERCENT: '0.08' } },
    }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);

  async function hierarchy(): Promise<{ organization: string; unit: string; program: string }> {
    const organization = (await as(admin).post('/api/org-nodes', { name: `Acme ${randomUUID().slice(0, 8)}`, kind: 'organization' })).body.id;
    const unit = (await as(admin).post('/api/org-nodes', { name: 'Operations', kind: 'business_unit', parentId: organization })).body.id;
    const program = (await as(admin).post('/api/org-nodes', { name: 'Logistics', kind: 'program', parentId: unit })).body.id;
    return { organization, unit, program };
  }

  const unitPolicy = {
    ownerId: 'olga',
    valueThreshold: { absolute: 50_000, percent: 0.1 },
    volumeThreshold: { absolute: 20, percent: 0.02 },
    pivotCapacity: { budget: 2_000_000, fte: 4.5 },
  };

  it("applies the node's own policy, else its nearest ancestor's, else the settings", async () => {
    const { organization, unit, program } = await hierarchy();
    expect(await as(viewer).get(`/api/org-nodes/${program}/sop-policy`)).toEqual({
      status: 200,
      body: {
        orgNodeId: program,
        inheritedFrom: 'settings',
        ownerId: null,
        valueThreshold: { absolute: 750_000, percent: 0.05 },
        volumeThreshold: { absolute: 100, percent: 0.08 },
        pivotCapacity: null,
      },
    });

    const organizationPolicy = { valueThreshold: { absolute: 100_000, percent: 0.05 }, volumeThreshold: { absolute: 50, percent: 0.05 } };
    expect(await as(admin).put(`/api/org-nodes/${organization}/sop-policy`, organizationPolicy)).toEqual({
      status: 201,
      body: { orgNodeId: organization, inheritedFrom: organization, ownerId: null, pivotCapacity: null, ...organizationPolicy },
    });
    expect((await as(viewer).get(`/api/org-nodes/${program}/sop-policy`)).body).toMatchObject({ inheritedFrom: organization, valueThreshold: { absolute: 100_000 } });

    expect((await as(admin).put(`/api/org-nodes/${unit}/sop-policy`, unitPolicy)).status).toBe(201);
    expect((await as(viewer).get(`/api/org-nodes/${program}/sop-policy`)).body).toEqual({ orgNodeId: program, inheritedFrom: unit, ...unitPolicy });
    // The organization's own policy is still its own.
    expect((await as(viewer).get(`/api/org-nodes/${organization}/sop-policy`)).body.inheritedFrom).toBe(organization);

    // A policy is replaced as a whole: what is left out is gone.
    const replaced = await as(admin).put(`/api/org-nodes/${unit}/sop-policy`, { ...unitPolicy, ownerId: undefined, pivotCapacity: undefined });
    expect(replaced).toMatchObject({ status: 200, body: { inheritedFrom: unit, ownerId: null, pivotCapacity: null } });

    expect(await plans.app.get(SopPolicyService).effectivePolicy(program)).toMatchObject({ orgNodeId: program, inheritedFrom: unit });
  });

  it('records what initiatives need, for pmo and admin users, and reads it back by initiative', async () => {
    const initiative = `initiative-${randomUUID()}`;
    const other = `initiative-${randomUUID()}`;
    const first = await as(pmo).put(`/api/initiative-resources/${initiative}`, { budget: 250_000, fte: 1.5 });
    expect(first).toMatchObject({ status: 201, body: { initiativeId: initiative, budget: 250_000, fte: 1.5, updatedBy: pmo.id } });
    expect((await as(admin).put(`/api/initiative-resources/${initiative}`, { budget: 300_000, fte: 2 })).status).toBe(200);
    expect((await as(admin).put(`/api/initiative-resources/${other}`, { budget: 0, fte: 0.25 })).status).toBe(201);
    expect((await as(viewer).get(`/api/initiative-resources/${initiative}`)).body).toMatchObject({ budget: 300_000, fte: 2, updatedBy: admin.id });

    const resources = await plans.app.get(InitiativeResourceService).resourcesOf([initiative, other, 'initiative-without-resources']);
    expect(resources).toEqual(
      new Map([
        [initiative, { budget: 300_000, fte: 2 }],
        [other, { budget: 0, fte: 0.25 }],
      ]),
    );
  });

  it("answers every route's errors: 400, 401, 403, 404", async () => {
    const { unit } = await hierarchy();
    const unknown = randomUUID();

    expect((await as(null).get(`/api/org-nodes/${unit}/sop-policy`)).status).toBe(401);
    expect((await as(null).put(`/api/initiative-resources/x`, { budget: 1, fte: 1 })).status).toBe(401);
    expect(await as(pmo).put(`/api/org-nodes/${unit}/sop-policy`, unitPolicy)).toMatchObject({
      status: 403,
      body: { message: "This action requires the role 'admin'" },
    });
    expect(await as(viewer).put(`/api/initiative-resources/x`, { budget: 1, fte: 1 })).toMatchObject({
      status: 403,
      body: { message: "This action requires one of the roles 'pmo', 'admin'" },
    });

    for (const body of [
      { volumeThreshold: unitPolicy.volumeThreshold },
      { ...unitPolicy, valueThreshold: { absolute: -1, percent: 0.1 } },
      { ...unitPolicy, valueThreshold: { absolute: 1.5, percent: 0.1 } },
      { ...unitPolicy, volumeThreshold: { absolute: 1, percent: '5%' } },
      { ...unitPolicy, pivotCapacity: { budget: 1 } },
      { ...unitPolicy, ownerId: '' },
      { ...unitPolicy, escalateTo: 'board' },
    ]) {
      expect(await as(admin).put(`/api/org-nodes/${unit}/sop-policy`, body)).toMatchObject({ status: 400, body: { error: 'Bad Request' } });
    }
    expect((await as(pmo).put(`/api/initiative-resources/x`, { budget: -5, fte: 1 })).status).toBe(400);
    expect((await as(pmo).put(`/api/initiative-resources/x`, { budget: 5 })).status).toBe(400);
    expect((await as(pmo).put(`/api/initiative-resources/${'x'.repeat(201)}`, { budget: 5, fte: 1 })).status).toBe(400);

    expect(await as(viewer).get(`/api/org-nodes/${unknown}/sop-policy`)).toMatchObject({ status: 404, body: { message: `org node ${unknown} not found` } });
    expect((await as(viewer).get('/api/org-nodes/not-a-uuid/sop-policy')).status).toBe(404);
    expect((await as(admin).put(`/api/org-nodes/${unknown}/sop-policy`, unitPolicy)).status).toBe(404);
    expect(await as(viewer).get(`/api/initiative-resources/${randomUUID()}`)).toMatchObject({ status: 404, body: { code: 'unknown_initiative_resource' } });
    await expect(plans.app.get(SopPolicyService).effectivePolicy(unknown)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
