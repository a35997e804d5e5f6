import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { apiAs } from '../support/http-client';
import { RunningService, startService } from '../support/running-service';
import { freePort } from '../support/service-process';
import { TEST_ENVIRONMENT } from '../support/test-environment';

const RESULTS = TEST_ENVIRONMENT.resultsDir;
const CLIENT_ID = 'tollgate-cockpit';
const RESOURCE = 'urn:tollgate';

// Sign-in as production has it: a real OpenID provider (oidc-provider)
// started by the test, the authorization code flow with PKCE from the page,
// and services that trust only the provider's JWKS, issuer and audience.
describe('the cockpit signed in with an OpenID provider', () => {
  let provider: ChildProcess;
  let issuer: string;
  let plans: RunningService;
  let initiatives: RunningService;
  let browser: Browser;
  let organizationId: string;

  beforeAll(async () => {
    if (!existsSync(path.resolve(__dirname, '../../dist/services/cockpit/index.html'))) throw new Error('the cockpit is not built: npx nx build cockpit');
    const [providerPort, plansPort] = await Promise.all([freePort(), freePort()]);
    issuer = `http://127.0.0.1:${providerPort}`;
    provider = spawn(process.execPath, [path.resolve(__dirname, '../support/oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_PORT: String(providerPort),
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_REDIRECT_URI: `http://127.0.0.1:${plansPort}/signed-in`,
        OIDC_RESOURCE: RESOURCE,
        OIDC_ACCOUNTS: JSON.stringify({ olivia: { name: 'Olivia Owner', roles: ['owner', 'offline_access'] }, ada: { name: 'Ada Admin', roles: ['admin'] } }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      provider.once('exit', (code) => reject(new Error(`the OpenID provider exited (${code})`)));
      provider.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    });
    // The services trust the provider's keys, and a token only from it and for Tollgate.
    const trust = { TOLLGATE_JWT_JWKS_URL: `${issuer}/jwks`, TOLLGATE_JWT_ISSUER: issuer, TOLLGATE_JWT_AUDIENCE: RESOURCE, TOLLGATE_JWT_ROLES_CLAIM: 'roles' };
    initiatives = await startService('initiatives', { ...trust, TOLLGATE_CORS_ORIGINS: `http://127.0.0.1:${plansPort}` });
    plans = await startService(
      'plans',
      { ...trust, TOLLGATE_INITIATIVES_PUBLIC_URL: initiatives.baseUrl, TOLLGATE_OIDC_ISSUER: issuer, TOLLGATE_OIDC_CLIENT_ID: CLIENT_ID, TOLLGATE_OIDC_SCOPES: 'openid profile tollgate', TOLLGATE_OIDC_RESOURCE: RESOURCE },
      plansPort,
    );
    await Promise.all([plans.ready(), initiatives.ready()]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([plans?.close(), initiatives?.close()]);
    provider?.kill();
  });

  async function signInAtProvider(page: Page, login: string) {
    await page.getByPlaceholder('Enter any login').fill(login);
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs a person in with the authorization code and PKCE, with the roles the provider gives, and the services accept the token', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      // The admin defines the organization through the page's own token.
      await page.goto(`${plans.baseUrl}/`);
      await page.getByRole('button', { name: 'Sign in with your organization' }).waitFor();
      expect(await page.getByRole('button', { name: /Sign in as/ }).count()).toBe(0);
      const authorization = page.waitForRequest((request) => request.url().startsWith(`${issuer}/auth`));
      await page.getByRole('button', { name: 'Sign in with your organization' }).click();
      const asked = new URL((await authorization).url());
      expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
      expect(asked.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(asked.searchParams.get('client_id')).toBe(CLIENT_ID);
      await signInAtProvider(page, 'ada');
      await page.getByRole('banner').getByText('Ada Admin').waitFor();
      expect(await page.getByRole('banner').getByText('admin', { exact: true }).count()).toBe(1);
      const token = await page.evaluate(() => JSON.parse((globalThis as unknown as { sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).sessionStorage.getItem('tollgate.session')!).token as string);
      const created = await fetch(`${plans.baseUrl}/api/org-nodes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Open Group ${randomUUID().slice(0, 6)}`, kind: 'organization' }),
      });
      expect(created.status).toBe(201);
      organizationId = ((await created.json()) as { id: string }).id;

      // A development token, once good here, is now refused: only the provider's word counts.
      expect((await apiAs(plans.baseUrl, { id: 'ada', roles: ['admin'] }).get(`/api/org-nodes/${organizationId}`)).status).toBe(401);

      // Another person, another window: the owner lands on the page she asked for, with only Tollgate's roles.
      const owner = await context.browser()!.newContext({ viewport: { width: 1280, height: 900 } });
      const ownerPage = await owner.newPage();
      await ownerPage.goto(`${plans.baseUrl}/nodes/${organizationId}`);
      await ownerPage.getByRole('button', { name: 'Sign in with your organization' }).click();
      await signInAtProvider(ownerPage, 'olivia');
      await ownerPage.getByRole('heading', { level: 1, name: /Open Group/ }).waitFor();
      expect(new URL(ownerPage.url()).pathname).toBe(`/nodes/${organizationId}`);
      const banner = ownerPage.getByRole('banner');
      await banner.getByText('Olivia Owner').waitFor();
      expect(await banner.getByText('owner', { exact: true }).count()).toBe(1);
      expect(await banner.getByText('offline_access').count()).toBe(0);
      // The rail's queue comes from the initiatives service, which accepted the same token.
      await ownerPage.getByRole('link', { name: /My work.*0 gates await your key/ }).waitFor();
      mkdirSync(RESULTS, { recursive: true });
      await ownerPage.screenshot({ path: path.join(RESULTS, 'cockpit-openid-signed-in.png') });
      await owner.close();
    } finally {
      await context.close();
    }
  }, 90_000);

  it('asks to sign in again in a window of its own when the token goes bad, keeping what was typed on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${plans.baseUrl}/nodes/${organizationId}`);
      await page.getByRole('button', { name: 'Sign in with your organization' }).click();
      await signInAtProvider(page, 'olivia');
      await page.getByRole('heading', { level: 1, name: /Open Group/ }).waitFor();
      const search = page.getByLabel('Find a node');
      await search.fill('Typed before the sign-in ended');
      await page.evaluate(() => {
        const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).sessionStorage;
        const session = JSON.parse(storage.getItem('tollgate.session')!) as { token: string };
        storage.setItem('tollgate.session', JSON.stringify({ ...session, token: `${session.token}x` }));
      });
      const dialog = page.getByRole('dialog', { name: /Your sign-in has ended/ });
      await dialog.waitFor({ timeout: 15_000 });
      const [popup] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Sign in with your organization' }).click()]);
      // The provider may still know her (its own session): the window then comes back at once, else she signs in there.
      const closed = popup.waitForEvent('close');
      await Promise.race([
        closed,
        popup
          .getByPlaceholder('Enter any login')
          .waitFor()
          .then(() => signInAtProvider(popup, 'olivia'))
          .catch(() => undefined),
      ]);
      await closed;
      await dialog.waitFor({ state: 'detached' });
      expect(await search.inputValue()).toBe('Typed before the sign-in ended');
      expect(new URL(page.url()).pathname).toBe(`/nodes/${organizationId}`);
    } finally {
      await context.close();
    }
  }, 90_000);
});
