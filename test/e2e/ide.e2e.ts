import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { WindowTransitionWorker } from '../../src/suppression/window-transition.worker';
import { ADMIN_SECRET, TestHush } from '../support/hush';
import { transitionListeners } from '../support/ws';
import { CREATE_WINDOW, seedService } from './services/fixtures';

/** Debian's Chromium; `.ci/run` installs it. Set CHROMIUM_PATH to use another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the GraphQL IDE', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start();
  });
  afterAll(() => hush.close());

  it('is served for browsers on GET /graphql, with every asset from Hush itself', async () => {
    const page = await fetch(`${hush.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/graphql\/ide\//);
      expect((await fetch(`${hush.url}${asset}`)).status).toBe(200);
    }
  });

  it('leaves non-browser GET requests to GraphQL (and its CSRF guard)', async () => {
    const res = await fetch(`${hush.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { authorization: `Bearer ${ADMIN_SECRET}` },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  const launch = (): Promise<Browser> =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });

  const browserIt = existsSync(CHROMIUM) ? it : it.skip;
  browserIt('renders in headless Chromium with the network cut off and runs a query', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        if (route.request().url().startsWith(hush.url)) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      await page.goto(`${hush.url}/graphql?token=${ADMIN_SECRET}`);
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.result-window').getByText('admin (HUSH_ADMIN_TOKEN)').waitFor({ timeout: 15000 });
      await page.screenshot({ path: join(tmpdir(), 'hush-ide.png') });
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  browserIt('runs a subscription typed in the IDE over a WebSocket, authenticated by the Headers tab', async () => {
    const { serviceId } = await seedService(hush, 'IDE live');
    await hush.ok(CREATE_WINDOW, {
      i: { startsAt: '2026-06-01T12:30:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId], description: 'Seen in the IDE' },
    });
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        if (route.request().url().startsWith(hush.url)) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      const posts: string[] = [];
      page.on('request', (r) => (r.method() === 'POST' ? posts.push(r.postData() ?? '') : undefined));
      // The token is only in the Headers tab (pre-filled from ?token=); GraphiQL passes those headers as connection params.
      await page.goto(`${hush.url}/graphql?token=${ADMIN_SECRET}`);
      await page.locator('.graphiql-query-editor .CodeMirror').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(`subscription Live { windowTransitions(serviceIds: ["${serviceId}"]) { kind name at } }`);
      await page.locator('.graphiql-execute-button').click();
      await transitionListeners(hush, 1);

      hush.clock.set('2026-06-01T12:30:00Z');
      await hush.app.get(WindowTransitionWorker).tick();
      const result = page.locator('.result-window');
      await result.getByText('STARTED').waitFor({ timeout: 15000 });
      expect(await result.innerText()).toContain('Seen in the IDE');
      expect(await result.innerText()).not.toMatch(/error|not properly configured/i);
      expect(sockets).toEqual([`${hush.url.replace(/^http/, 'ws')}/graphql`]);
      expect(posts.filter((p) => p.includes('windowTransitions'))).toEqual([]);
      await page.screenshot({ path: join(tmpdir(), 'hush-ide-subscription.png') });
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
