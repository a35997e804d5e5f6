import { Controller, Get, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import jwt from 'jsonwebtoken';
import type { AddressInfo } from 'node:net';
import { Public, Roles } from './access.decorators';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { issueDevelopmentToken } from './development-token';
import type { Principal } from './principal';
import type { TokenExpectations } from './token-verifier';

const secret = 'tollgate-test-secret-of-some-length';

@Controller()
class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Get('confirmations')
  @Roles('controller')
  confirmations() {
    return { ok: true };
  }

  @Get('org')
  @Roles('admin', 'pmo')
  org() {
    return { ok: true };
  }
}

/** The probe routes behind the guard, listening on a free port. */
async function startProbe(expected?: TokenExpectations): Promise<{ app: INestApplication; baseUrl: string }> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRoot({ jwtSecret: secret }, expected)],
    controllers: [ProbeController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

describe('JWT guard', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    ({ app, baseUrl } = await startProbe());
  });

  afterAll(async () => {
    await app.close();
  });

  async function call(path: string, token?: string) {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('lets anyone reach a public route', async () => {
    expect(await call('/open')).toEqual({ status: 200, body: { open: true } });
  });

  it('answers 401 without a token', async () => {
    const { status, body } = await call('/me');
    expect(status).toBe(401);
    expect(body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringContaining('bearer token') });
  });

  it('answers 401 to a token signed with another secret', async () => {
    const forged = issueDevelopmentToken({ sub: 'mallory', roles: ['controller'] }, 'somebody-elses-secret-value');
    const { status, body } = await call('/me', forged);
    expect(status).toBe(401);
    expect(body.message).toBe('token signature is invalid');
  });

  it('answers 401 to an expired token', async () => {
    const expired = jwt.sign({ sub: 'alice', roles: ['owner'], exp: Math.floor(Date.now() / 1000) - 60 }, secret, {
      algorithm: 'HS256',
    });
    const { status, body } = await call('/me', expired);
    expect(status).toBe(401);
    expect(body.message).toBe('token expired');
  });

  it('answers 401 to an unsigned token (alg none), which would pass every other check', async () => {
    const unsigned = jwt.sign({ sub: 'alice', roles: ['admin'] }, '', { algorithm: 'none', expiresIn: 600 });
    expect(await call('/me', unsigned)).toEqual({ status: 401, body: expect.objectContaining({ message: 'token is not signed' }) });
  });

  it('grants nothing for a role Tollgate does not know, and refuses roles that are not a list of names', async () => {
    // Identity providers list other applications' roles too: they are ignored, never a right here.
    const mixed = jwt.sign({ sub: 'alice', roles: ['emperor', 'controller'] }, secret, { algorithm: 'HS256', expiresIn: 600 });
    expect((await call('/me', mixed)).body).toEqual({ sub: 'alice', roles: ['controller'] });
    const unknown = jwt.sign({ sub: 'alice', roles: ['emperor'] }, secret, { algorithm: 'HS256', expiresIn: 600 });
    expect((await call('/org', unknown)).status).toBe(403);
    const notAList = jwt.sign({ sub: 'alice', roles: 'admin' }, secret, { algorithm: 'HS256', expiresIn: 600 });
    expect((await call('/me', notAList)).status).toBe(401);
  });

  it('answers 401 to a token that never expires', async () => {
    const endless = jwt.sign({ sub: 'alice', roles: ['admin'] }, secret, { algorithm: 'HS256' });
    const { status, body } = await call('/me', endless);
    expect(status).toBe(401);
    expect(body.message).toBe('token has no expiry (exp)');
  });

  it('answers 401 to a token that lives longer than 24 hours, or was issued in the future beyond a minute of clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: object, options: jwt.SignOptions = {}) => jwt.sign({ sub: 'alice', roles: ['admin'], ...claims }, secret, { algorithm: 'HS256', ...options });
    expect(await call('/me', sign({ iat: now, exp: 253402300799 }))).toEqual({ status: 401, body: expect.objectContaining({ message: 'token lives longer than 24 hours (exp)' }) });
    expect(await call('/me', sign({ exp: now + 25 * 3600 }, { noTimestamp: true }))).toEqual({ status: 401, body: expect.objectContaining({ message: 'token lives longer than 24 hours (exp)' }) });
    expect(await call('/me', sign({ iat: 4102444800, exp: 4102444800 + 3600 }))).toEqual({ status: 401, body: expect.objectContaining({ message: 'token is issued in the future (iat)' }) });
    // Within the limits: a day's token, and an issuer's clock half a minute ahead.
    expect((await call('/me', sign({ iat: now, exp: now + 24 * 3600 }))).status).toBe(200);
    expect((await call('/me', sign({ iat: now + 30, exp: now + 3600 }))).status).toBe(200);
  });

  it('answers 401 to a subject the records could not keep as it is: too long, invisible or look-alike characters', async () => {
    const as = (sub: string) => call('/me', jwt.sign({ sub, roles: ['admin'] }, secret, { algorithm: 'HS256', expiresIn: 600 }));
    expect(await as('p'.repeat(300))).toEqual({ status: 401, body: expect.objectContaining({ message: 'token subject (sub) is longer than 200 characters' }) });
    expect(await as('pat\u200b')).toEqual({ status: 401, body: expect.objectContaining({ message: 'token subject (sub) contains an invisible or direction-changing character' }) });
    expect(await as('\u202etap')).toEqual({ status: 401, body: expect.objectContaining({ message: 'token subject (sub) contains an invisible or direction-changing character' }) });
    expect((await as('p'.repeat(200))).status).toBe(200);
  });

  it('hands the verified principal to the route', async () => {
    const token = issueDevelopmentToken({ sub: 'alice', name: 'Alice', roles: ['owner'] }, secret);
    expect(await call('/me', token)).toEqual({ status: 200, body: { sub: 'alice', name: 'Alice', roles: ['owner'] } });
  });

  it('answers 403 naming the missing role', async () => {
    const token = issueDevelopmentToken({ sub: 'alice', roles: ['owner'] }, secret);
    const { status, body } = await call('/confirmations', token);
    expect(status).toBe(403);
    expect(body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: "This action requires the role 'controller'" });
    const other = await call('/org', token);
    expect(other.body.message).toBe("This action requires one of the roles 'admin', 'pmo'");
  });

  it('lets a holder of the role through', async () => {
    const token = issueDevelopmentToken({ sub: 'carol', roles: ['controller'] }, secret);
    expect((await call('/confirmations', token)).status).toBe(200);
    const pmo = issueDevelopmentToken({ sub: 'pat', roles: ['viewer', 'pmo'] }, secret);
    expect((await call('/org', pmo)).status).toBe(200);
  });
});

describe('JWT guard with an OpenID provider’s expectations', () => {
  let app: INestApplication;
  let baseUrl: string;
  const issuer = 'https://id.example.com/realms/acme';

  beforeAll(async () => {
    ({ app, baseUrl } = await startProbe({ issuer, audience: 'urn:tollgate', rolesClaim: 'realm_access.roles' }));
  });

  afterAll(async () => {
    await app.close();
  });

  const token = (claims: object) => jwt.sign({ sub: 'alice', realm_access: { roles: ['offline_access', 'pmo'] }, ...claims }, secret, { algorithm: 'HS256', expiresIn: 600 });
  const me = async (bearer: string) => {
    const response = await fetch(`${baseUrl}/me`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('takes the roles from the configured claim path', async () => {
    expect(await me(token({ iss: issuer, aud: 'urn:tollgate' }))).toEqual({ status: 200, body: { sub: 'alice', roles: ['pmo'] } });
  });

  it('answers 401 to a token of another issuer or for another audience', async () => {
    expect((await me(token({ iss: 'https://elsewhere.example.com', aud: 'urn:tollgate' }))).status).toBe(401);
    expect((await me(token({ iss: issuer, aud: 'urn:payroll' }))).status).toBe(401);
    expect((await me(token({ aud: 'urn:tollgate' }))).status).toBe(401);
  });
});
