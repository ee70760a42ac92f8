// The HTML report opened in a real headless browser (Debian's chromium via playwright-core): the seeds' conflict card
// is visible, hostile article markup runs nothing and shows as text, the filter filters, and nothing is fetched.
// A screenshot is saved to test-artifacts/ for a person to look at. On CI a missing chromium fails the test.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../cli/run.js';
import { tempDir } from '../temp.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const available = existsSync(CHROMIUM);

const HOSTILE = [
  'Acme Corp said on Monday that it will pay $2.5 billion for Globex Inc.',
  'The filing read <script>window.__pwned=1</script> in full.',
  'A second line held <img src=x onerror="window.__pwned=2"> and nothing else.',
  '',
].join('\n');

if (!available && process.env.CI) {
  describe('HTML report in a browser', () => {
    it('has chromium', () => {
      throw new Error(`${CHROMIUM} not found: CI must install Debian's chromium (apt-get install chromium) to run the browser test`);
    });
  });
}

describe.skipIf(!available)('HTML report in a browser', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const dir = tempDir('html');
    const hostile = path.join(dir, 'hostile.txt');
    writeFileSync(hostile, HOSTILE);
    const result = await runInProcess(['extract', 'seeds/', hostile, '--format', 'html']);
    expect(result.code).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'html-report.html');
    writeFileSync(file, result.stdout);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the conflict card with both sides, each figure highlighted in its sentence with its source', async () => {
    const card = page.locator('#conflicts .card').filter({ hasText: 'MONEY_MISMATCH' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.isVisible()).toBe(true);
    const sides = card.locator('.side');
    expect(await sides.locator('.value').allTextContents()).toEqual(['$14.8 billion', '$14.3 billion']);
    expect(await sides.locator('mark.hit').allTextContents()).toEqual(['$14.8 billion', '$14.3 billion']);
    expect(await sides.locator('mark.hit').first().isVisible()).toBe(true);
    expect(await sides.locator('cite').allTextContents()).toEqual(['seeds/001_64688252fd867e3f.txt:6', 'seeds/004_3aa42bb0fbb315da.txt:5']);
  });

  it('runs nothing from an article and shows its markup as text', async () => {
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    // Only the report's own script exists, and no image was made from the article.
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    const doc = page.locator('#documents .doc').filter({ hasText: 'hostile.txt' });
    const text = await doc.locator('.text').innerText();
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await doc.getByText('<script>window.__pwned=1</script>', { exact: false }).isVisible()).toBe(true);
  });

  it('highlights mentions in the documents by kind', async () => {
    const seed = page.locator('#documents .doc').filter({ hasText: 'seeds/001_64688252fd867e3f.txt' });
    expect(await seed.locator('mark.k-money').allTextContents()).toContain('$14.8 billion');
    expect(await seed.locator('mark.k-person').allTextContents()).toContain('Alexandr Wang');
    expect(await seed.locator('mark.k-percent').count()).toBeGreaterThan(0);
  });

  it('filters the fact table by text and by status', async () => {
    const visibleRows = () => page.locator('#fact-table tbody tr:visible');
    const total = await page.locator('#fact-table tbody tr').count();
    expect(await visibleRows().count()).toBe(total);
    await page.fill('#filter', 'Droege');
    expect(await visibleRows().count()).toBe(1);
    expect(await visibleRows().first().innerText()).toContain('interim CEO');
    expect(await page.locator('#shown').textContent()).toBe(`1 of ${total} facts`);
    await page.fill('#filter', '');
    await page.selectOption('#status', 'conflict');
    expect(await visibleRows().count()).toBe(1);
    expect(await visibleRows().first().getAttribute('data-status')).toBe('conflict');
    await page.selectOption('#status', '');
    expect(await visibleRows().count()).toBe(total);
  });

  it('fetches nothing but the file itself, and saves a screenshot', async () => {
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report.png') });
    await page.locator('#documents').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report-documents.png') });
    await page.locator('#documents .doc').filter({ hasText: 'hostile.txt' }).screenshot({ path: path.join(ARTIFACTS, 'html-report-hostile.png') });
  });
});
