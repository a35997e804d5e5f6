import { validate } from 'dockerfile-utils';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { requireBuild, ROOT, run } from './support/deploy-tools';

const DOCKERFILE = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const ENTRYPOINT = path.join(ROOT, 'deploy/image/entrypoint.sh');
const HEALTHCHECK = path.join(ROOT, 'deploy/image/healthcheck.js');

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions (continuation lines joined, comments dropped), by build stage. */
function stages(): { name: string; from: string; instructions: Instruction[] }[] {
  const lines = DOCKERFILE.replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const result: { name: string; from: string; instructions: Instruction[] }[] = [];
  for (const line of lines) {
    const [keyword, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword === 'FROM') {
      const [from, , name] = args.split(/\s+/);
      result.push({ name: name ?? from, from, instructions: [] });
    } else if (result.length > 0) {
      result[result.length - 1].instructions.push({ keyword, args });
    }
  }
  return result;
}

function stage(name: string) {
  const found = stages().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage ${name}`);
  return found;
}

function argsOf(instructions: Instruction[], keyword: string): string[] {
  return instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
}

/**
 * Whether .dockerignore leaves a path of the context out, as Docker reads it: patterns relative to the
 * context, `*` within a name, `**` across folders, `!` to take back in; the last pattern that matches the
 * path or one of its folders decides.
 */
function ignored(file: string): boolean {
  const patterns = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const prefixes = file.split('/').map((_part, index, parts) => parts.slice(0, index + 1).join('/'));
  let excluded = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const glob = (negated ? pattern.slice(1) : pattern).replace(/^\/+|\/+$/g, '');
    const source = glob
      .split('/')
      .map((part) => (part === '**' ? '.*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
      .join('/')
      .replace(/\.\*\//g, '(.*/)?');
    const regex = new RegExp(`^${source}$`);
    if (prefixes.some((prefix) => regex.test(prefix))) excluded = !negated;
  }
  return excluded;
}

describe('the Dockerfile', () => {
  it('passes dockerfile-utils validation without a problem', () => {
    expect(validate(DOCKERFILE).map((problem) => `${problem.range.start.line + 1}: ${problem.message}`)).toEqual([]);
  });

  it('builds in stages from one pinned Node.js 20 bookworm-slim image, the build one task at a time', () => {
    const [base] = DOCKERFILE.match(/^ARG NODE_IMAGE=(\S+)$/m)!.slice(1);
    expect(base).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
    const all = stages();
    expect(all.map((candidate) => candidate.name)).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
    for (const candidate of all) expect(['${NODE_IMAGE}', 'deps']).toContain(candidate.from);
    expect(argsOf(stage('deps').instructions, 'RUN').join('\n')).toMatch(/npm ci /);
    expect(argsOf(stage('build').instructions, 'RUN').join('\n')).toMatch(/npx nx run-many -t build --parallel=1/);
  });

  it('ships only production dependencies, the build and the runtime scripts in its last stage', () => {
    expect(argsOf(stage('prod-deps').instructions, 'RUN').join('\n')).toMatch(/npm ci --omit=dev/);
    expect(argsOf(stage('runtime').instructions, 'COPY')).toEqual([
      'package.json package-lock.json ./',
      '--from=prod-deps /app/node_modules node_modules',
      '--from=build /src/dist dist',
      'deploy/runtime deploy/runtime',
      'deploy/image deploy/image',
    ]);
    expect(argsOf(stage('runtime').instructions, 'RUN').join('\n')).not.toMatch(/npm/);
  });

  it('runs its last stage as a numeric non-root user, in production, on every interface, with a HEALTHCHECK by node and labels', () => {
    const { instructions } = stage('runtime');
    const [user] = argsOf(instructions, 'USER');
    expect(user).toMatch(/^[1-9]\d{3,}:[1-9]\d{3,}$/);
    expect(argsOf(instructions, 'USER')).toHaveLength(1);
    expect(argsOf(instructions, 'ENV').join(' ')).toEqual(expect.stringContaining('NODE_ENV=production'));
    expect(argsOf(instructions, 'ENV').join(' ')).toMatch(/TOLLGATE_HTTP_HOST=0\.0\.0\.0.*TOLLGATE_WORKER_METRICS_HOST=0\.0\.0\.0/);
    const [healthcheck] = argsOf(instructions, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node", "\/app\/deploy\/image\/healthcheck\.js"\]$/);
    expect(argsOf(instructions, 'ENTRYPOINT')).toEqual(['["/app/deploy/image/entrypoint.sh"]']);
    for (const label of ['title', 'description', 'version', 'revision', 'licenses']) {
      expect(argsOf(instructions, 'LABEL').join(' ')).toContain(`org.opencontainers.image.${label}=`);
    }
  });

  it("names the package's version everywhere an image is named: its label, the chart's appVersion, Compose's default", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(DOCKERFILE).toContain(`ARG VERSION=${version}\n`);
    expect(readFileSync(path.join(ROOT, 'deploy/helm/tollgate/Chart.yaml'), 'utf8')).toContain(`appVersion: "${version}"`);
    for (const file of ['compose.yaml', 'compose.try.yaml']) {
      expect(readFileSync(path.join(ROOT, 'deploy/compose', file), 'utf8')).toContain(`\${TOLLGATE_IMAGE:-tollgate:${version}}`);
    }
  });

  it('keeps dependencies, builds, data, tools, tests and git out of the build context, and keeps what the build copies', () => {
    for (const file of ['node_modules', 'node_modules/zod/package.json', 'dist/services/plans', '.data/logs', '.tools/bin/helm', '.git/HEAD', '.nx/cache', 'coverage', 'test/e2e', 'deploy/helm/tollgate', 'deploy/local/up.sh', 'libs/config/src/load-config.spec.ts']) {
      expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: true });
    }
    const copied = stages()
      .flatMap((candidate) => argsOf(candidate.instructions, 'COPY'))
      .filter((args) => !args.startsWith('--from'))
      .flatMap((args) => args.split(/\s+/).slice(0, -1));
    for (const file of [...copied, 'libs/config/src/load-config.ts', 'deploy/image/entrypoint.sh', 'services/cockpit/index.html']) {
      expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: false });
    }
  });
});

describe("the image's entrypoint and healthcheck", () => {
  // A clean production environment whose pool size no service accepts: each part's own configuration
  // refuses to start, naming the setting, before it connects anywhere.
  const production = {
    PATH: process.env.PATH!,
    NODE_ENV: 'production',
    TOLLGATE_DATABASE_URL: 'postgres://tollgate:secret@db.example.invalid:5432/tollgate',
    TOLLGATE_KAFKA_BROKERS: 'kafka.example.invalid:9093',
    TOLLGATE_TEMPORAL_ADDRESS: 'temporal.example.invalid:7233',
    TOLLGATE_DATABASE_POOL_SIZE: '0',
  };
  const refusedPool = 'TOLLGATE_DATABASE_POOL_SIZE: Too small';

  beforeAll(() => {
    requireBuild();
  });

  it.each([
    [['plans'], {}, refusedPool],
    [['initiatives'], {}, refusedPool],
    [['finance'], {}, refusedPool],
    [['migrate', 'finance'], {}, refusedPool],
    [['worker'], { TOLLGATE_WORKER_METRICS_PORT: 'ninety' }, 'TOLLGATE_WORKER_METRICS_PORT'],
    [['create-topics'], { TOLLGATE_KAFKA_SASL_MECHANISM: 'gssapi' }, 'TOLLGATE_KAFKA_SASL_MECHANISM'],
  ])('%j starts its built entry, whose configuration refuses a bad setting by name', async (args, environment, message) => {
    const result = await run('sh', [ENTRYPOINT, ...args], { env: { ...production, ...environment }, cwd: '/' });
    expect({ status: result.status, refused: result.stderr.includes(message) }).toEqual({ status: 1, refused: true });
  });

  it.each([['plans'], ['initiatives'], ['finance']])('%s in production without the cluster settings names each one it lacks', async (service) => {
    const result = await run('sh', [ENTRYPOINT, service], { env: { PATH: process.env.PATH!, NODE_ENV: 'production' }, cwd: '/' });
    expect(result.status).toBe(1);
    for (const setting of ['TOLLGATE_DATABASE_URL', 'TOLLGATE_KAFKA_BROKERS', 'TOLLGATE_TEMPORAL_ADDRESS']) {
      expect(result.stderr).toContain(`${setting}: is required in production`);
    }
  });

  it('migrate all stops at the first schema that fails, and names none as migrated', async () => {
    const result = await run('sh', [ENTRYPOINT, 'migrate', 'all'], { env: production, cwd: '/' });
    expect(result.status).toBe(1);
    expect(result.stderr.split(refusedPool)).toHaveLength(2);
    expect(result.stdout).not.toContain('migrated');
  });

  it.each([[[]], [['bogus']], [['migrate']], [['migrate', 'payroll']]])('%j prints the usage and exits 64', async (args) => {
    const result = await run('sh', [ENTRYPOINT, ...args], { env: production });
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('usage: <image> plans | initiatives | finance');
  });

  describe('the healthcheck', () => {
    let server: Server;
    let port: number;
    let answer = 200;
    const asked: string[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        asked.push(request.url!);
        response.writeHead(answer).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it.each([
      ['plans', 'TOLLGATE_PLANS_PORT', '/health/live'],
      ['finance', 'TOLLGATE_FINANCE_PORT', '/health/live'],
      ['worker', 'TOLLGATE_WORKER_METRICS_PORT', '/metrics'],
    ])('asks %s on its own port for %s: healthy on 200, unhealthy otherwise', async (part, setting, url) => {
      const env = { PATH: process.env.PATH!, [setting]: String(port), TOLLGATE_HTTP_HOST: '0.0.0.0' };
      answer = 200;
      asked.length = 0;
      expect((await run('node', [HEALTHCHECK, part], { env })).status).toBe(0);
      expect(asked).toEqual([url]);
      answer = 503;
      expect((await run('node', [HEALTHCHECK, part], { env })).status).toBe(1);
    });

    it('is unhealthy when nothing answers', async () => {
      const free = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port: taken } = probe.address() as AddressInfo;
          probe.close(() => resolve(taken));
        });
      });
      const result = await run('node', [HEALTHCHECK, 'initiatives'], { env: { PATH: process.env.PATH!, TOLLGATE_INITIATIVES_PORT: String(free) } });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('ECONNREFUSED');
    });
  });
});
