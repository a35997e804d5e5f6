import { isSecretSetting, loadConfig } from '@tollgate/config';
import { SEARCH_ATTRIBUTES } from '@tollgate/contracts';
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { financeConfigSchema } from '../../services/finance/src/config/finance.config';
import { initiativesConfigSchema } from '../../services/initiatives/src/config/initiatives.config';
import { plansConfigSchema } from '../../services/plans/src/config/plans.config';
import { COMPOSE, COMPOSE_SPEC, outside, type Part, readYaml, requireDeployTools, run, settingsReadBy } from './support/deploy-tools';

const BASE = path.join(COMPOSE, 'compose.yaml');
const TRY = path.join(COMPOSE, 'compose.try.yaml');
const TRY_ENV = path.join(COMPOSE, 'try.env');

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  volumes?: string[];
}

interface ComposeProject {
  services: Record<string, ComposeService>;
}

/** The settings the try-out file gives, as an environment. */
function tryEnvironment(): Record<string, string> {
  return Object.fromEntries(
    readFileSync(TRY_ENV, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

// A production-like set of the required settings; values are placeholders, never used to connect.
const PRODUCTION: Record<string, string> = {
  ...tryEnvironment(),
  TOLLGATE_DATABASE_URL: 'postgres://tollgate:secret@db.example.internal:5432/tollgate',
  TOLLGATE_KAFKA_BROKERS: 'kafka-0.example.internal:9093',
  TOLLGATE_TEMPORAL_ADDRESS: 'temporal.example.internal:7233',
};
const REQUIRED = Object.keys(PRODUCTION).sort();

/** `docker-compose config` (Debian's docker-compose, no engine needed) in a clean environment. */
async function composeConfig(files: string[], environment: Record<string, string>, envFile?: string) {
  const args = [...(envFile ? ['--env-file', envFile] : []), ...files.flatMap((file) => ['-f', file]), 'config'];
  // The project directory is compose.yaml's: an .env there would be read too, so none may lurk.
  const result = await run('docker-compose', args, { env: { PATH: process.env.PATH!, ...environment }, cwd: COMPOSE });
  return { ...result, project: result.status === 0 ? (YAML.parse(result.stdout) as ComposeProject) : undefined };
}

/** The part a Compose service runs: its command, as the image's entrypoint reads it. */
function partOf(service: ComposeService): Part {
  const [first, second] = service.command!;
  if (first === 'migrate') return second as Part;
  return (first === 'create-topics' ? 'topics' : first) as Part;
}

/** The compose-spec schema, compiled once. */
function composeSpecValidator() {
  return new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(COMPOSE_SPEC, 'utf8')));
}

let validateCompose: ReturnType<typeof composeSpecValidator>;

beforeAll(() => {
  requireDeployTools();
  validateCompose = composeSpecValidator();
});

describe('the Compose files', () => {
  it.each([['compose.yaml', BASE], ['compose.try.yaml', TRY]])('%s is valid against the Compose specification (compose-go v2.16.2 schema)', (_name, file) => {
    expect({ file: path.basename(file), valid: validateCompose(readYaml(file)), errors: validateCompose.errors ?? null }).toEqual({ file: path.basename(file), valid: true, errors: null });
  });

  it('the schema check is live: a condition Compose does not know fails it', () => {
    const project = readYaml(BASE) as ComposeProject;
    project.services.plans.depends_on!['migrate-plans'].condition = 'service_done';
    expect(validateCompose(project)).toBe(false);
    expect(JSON.stringify(validateCompose.errors)).toContain('/services/plans/depends_on/migrate-plans/condition');
  });

  it('compose.yaml refuses to render without each cluster connection and production secret, naming it', async () => {
    const results = await Promise.all(
      REQUIRED.map(async (missing) => {
        const environment = Object.fromEntries(Object.entries(PRODUCTION).filter(([name]) => name !== missing));
        const result = await composeConfig([BASE], environment);
        return { missing, status: result.status, names: result.stderr.includes(`set ${missing} to`) };
      }),
    );
    expect(results).toEqual(REQUIRED.map((missing) => ({ missing, status: 1, names: true })));
  });

  it('with them set, each service waits for its schema migration, checks its health and restarts; nothing is published beyond loopback', async () => {
    const { status, stderr, project } = await composeConfig([BASE], PRODUCTION);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const services = project!.services;
    expect(Object.keys(services).sort()).toEqual(['finance', 'initiatives', 'migrate-finance', 'migrate-initiatives', 'migrate-plans', 'plans', 'worker']);
    for (const name of ['plans', 'initiatives', 'finance']) {
      expect(services[name].depends_on).toEqual({ [`migrate-${name}`]: { condition: 'service_completed_successfully' } });
      expect(services[`migrate-${name}`]).toMatchObject({ command: ['migrate', name], restart: 'no' });
    }
    for (const name of ['plans', 'initiatives', 'finance', 'worker']) {
      expect(services[name]).toMatchObject({ command: [name], restart: 'unless-stopped', healthcheck: { test: ['CMD', 'node', '/app/deploy/image/healthcheck.js', name] } });
      expect(services[name].volumes).toEqual([`${path.join(COMPOSE, 'tls')}:/etc/tollgate/tls:ro`]);
      expect(JSON.stringify((services[name] as { ports?: unknown }).ports)).toMatch(/^\["127\.0\.0\.1:\d+:\d+(\/tcp)?"\]$/);
    }
    // The secrets come from the environment (interpolated, or passed on by name) and are never written in the file.
    for (const [name, service] of Object.entries((readYaml(BASE) as ComposeProject).services)) {
      for (const [setting, value] of Object.entries(service.environment ?? {})) {
        if (isSecretSetting(setting)) expect({ name, setting, fromEnvironment: value === null || /^\$\{[A-Z_]+(:[?-][^}]*)?\}$/.test(value) }).toEqual({ name, setting, fromEnvironment: true });
      }
    }
  });

  it('passes each container only settings its code reads, the production default included', async () => {
    const base = (await composeConfig([BASE], PRODUCTION)).project!;
    const both = (await composeConfig([BASE, TRY], {}, TRY_ENV)).project!;
    for (const project of [base, both]) {
      for (const [name, service] of Object.entries(project.services)) {
        if (!service.image?.startsWith('tollgate:')) continue;
        const part = partOf(service);
        expect({ name, notRead: outside(Object.keys(service.environment ?? {}), settingsReadBy(part)) }).toEqual({ name, notRead: [] });
        if (part !== 'worker' && project === base) expect({ name, NODE_ENV: service.environment?.NODE_ENV }).toEqual({ name, NODE_ENV: 'production' });
      }
    }
  });

  it('compose.try.yaml starts the clusters with healthchecks, registers the search attributes and creates the topics before the services start', async () => {
    const { status, stderr, project } = await composeConfig([BASE, TRY], {}, TRY_ENV);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const services = project!.services;
    for (const name of ['postgres', 'kafka', 'temporal']) expect({ name, healthcheck: services[name].healthcheck?.test.length }).toEqual({ name, healthcheck: expect.any(Number) });
    // The workflows' custom search attributes, from their definitions, in the CLI's Name=Type form.
    const attributes = Object.values(SEARCH_ATTRIBUTES).map((key) => `${key.name}=${key.type.charAt(0)}${key.type.slice(1).toLowerCase()}`);
    expect(attributes).toContain('TollgateStage=Int');
    const command = services.temporal.command!;
    expect(command.slice(0, 4)).toEqual(['server', 'start-dev', '--ip', '0.0.0.0']);
    for (const attribute of attributes) expect(command.join(' ')).toContain(`--search-attribute ${attribute}`);
    expect(services['create-topics']).toMatchObject({ command: ['create-topics'], depends_on: { kafka: { condition: 'service_healthy' } } });
    for (const name of ['plans', 'initiatives', 'finance']) {
      expect(services[name].depends_on).toEqual({
        [`migrate-${name}`]: { condition: 'service_completed_successfully' },
        'create-topics': { condition: 'service_completed_successfully' },
        kafka: { condition: 'service_healthy' },
        temporal: { condition: 'service_healthy' },
      });
      expect(services[`migrate-${name}`].depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      expect(services[name].environment).toMatchObject({ NODE_ENV: 'development', TOLLGATE_DATABASE_URL: 'postgres://tollgate:tollgate@postgres:5432/tollgate', TOLLGATE_KAFKA_BROKERS: 'kafka:9092', TOLLGATE_TEMPORAL_ADDRESS: 'temporal:7233' });
    }
  });

  it('pins every image to a version: no latest tag, no untagged image', async () => {
    const { project } = await composeConfig([BASE, TRY], {}, TRY_ENV);
    for (const [name, service] of Object.entries(project!.services)) {
      expect({ name, image: service.image }).toEqual({ name, image: expect.stringMatching(/^[a-z0-9./-]+:\d+(\.\d+)+(-[a-z0-9]+)?$/) });
    }
  });

  it("try.env's secrets are the development ones, which every service refuses in production", () => {
    // A JWT secret of production's own, so that what is refused is what the file holds.
    const environment = { ...tryEnvironment(), NODE_ENV: 'production', TOLLGATE_JWT_SECRET: 'an-operators-own-jwt-secret' };
    for (const schema of [plansConfigSchema, initiativesConfigSchema, financeConfigSchema]) {
      expect(() => loadConfig(schema, environment)).toThrow(/development signing keys are refused in production/);
    }
    expect(() => loadConfig(financeConfigSchema, environment)).toThrow(/TOLLGATE_FINANCE_HMAC_SECRET: the development key is refused in production/);
    // In development, the setting the try-out runs in, the same file is accepted as it is.
    expect(() => loadConfig(plansConfigSchema, { ...tryEnvironment(), NODE_ENV: 'development' })).not.toThrow();
  });
});
