import { eventually } from '../support/eventually';
import { RunningService, startService } from '../support/running-service';
import { testInfrastructure } from '../support/test-infrastructure';

const postgres = (action: 'start' | 'stop') => testInfrastructure('postgres', action);

interface HealthBody {
  status: string;
  details: Record<string, { status: string; message?: string }>;
}

// GET /health follows PostgreSQL down and back up, without a restart of the service.
describe('health when PostgreSQL goes away and comes back', () => {
  let finance: RunningService;

  beforeAll(async () => {
    finance = await startService('finance');
  });

  afterAll(async () => {
    postgres('start');
    await finance?.close();
  });

  const health = async () => {
    const response = await fetch(`${finance.baseUrl}/health`);
    return { status: response.status, body: (await response.json()) as HealthBody };
  };

  it('is green with every dependency up', async () => {
    const { status, body } = await eventually(health, (result) => result.status === 200, { what: 'a green /health' });
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual(['database', 'kafka', 'temporal']);
    expect(Object.values(body.details).every((detail) => detail.status === 'up')).toBe(true);
  });

  it('goes red naming the database while PostgreSQL is stopped', async () => {
    postgres('stop');
    const { status, body } = await eventually(health, (result) => result.status === 503, { what: 'a red /health' });
    expect(status).toBe(503);
    expect(body.status).toBe('error');
    expect(body.details.database.status).toBe('down');
    expect(body.details.database.message).toEqual(expect.any(String));
    expect(body.details.kafka.status).toBe('up');
    expect(body.details.temporal.status).toBe('up');
  });

  it('is green again once PostgreSQL is back, with the same process', async () => {
    postgres('start');
    const { body } = await eventually(health, (result) => result.status === 200, {
      what: '/health to recover',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    expect(body.details.database.status).toBe('up');
  });
});
