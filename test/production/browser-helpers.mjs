// Helpers the production checks share (smoke.mjs, offline.mjs): a pass/fail list, pages that
// record every console error, page error, CSP violation and request, and reads of what the app
// left in the page and in IndexedDB.

/** A list of checks: `check(ok, what)` prints ✓ or ✗; `finish()` exits non-zero if any failed. */
export function checklist() {
  const failures = [];
  return {
    failures,
    check(ok, what) {
      console.log(`  ${ok ? '✓' : '✗'} ${what}`);
      if (!ok) failures.push(what);
    },
  };
}

/** Opens a page that records every console error, page error, CSP violation and request. */
export async function openWatched(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warn') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems, requests, response };
}

/** Polls for a selector: puppeteer's waitForSelector misses changes made inside shadow roots. */
export async function waitForDeep(page, selector, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.$(selector))) {
    if (Date.now() > deadline) throw new Error(`${selector} did not appear within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A session's stored meta, read straight from IndexedDB as the app left it. */
export const storedMeta = (page, id) =>
  page.evaluate(async (sessionId) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('stride');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const meta = await new Promise((resolve) => {
      const request = db.transaction('kv').objectStore('kv').get(`session/${sessionId}/meta`);
      request.onsuccess = () => resolve(request.result ?? null);
    });
    db.close();
    return meta && { sampleCount: meta.sampleCount, status: meta.status, gaps: meta.gaps };
  }, id);

export const text = (page, selector) => page.$eval(selector, (el) => el.textContent?.trim() ?? '');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills the browser's renderer processes with SIGKILL, as an out-of-memory kill or a crash does:
 * no unload, no pagehide, no last write. The DevTools protocol lists the renderer process ids;
 * callers keep one tab open, so the tab that is killed is theirs. Resolves once `page` reported
 * its crash (so the kill is known to have hit it) with the number of processes killed.
 */
export async function killRenderer(browser, page) {
  const cdp = await browser.target().createCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const crashed = new Promise((resolve) => page.once('error', resolve));
  for (const pid of renderers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already (a spare renderer that exited): nothing to kill.
    }
  }
  await Promise.race([crashed, sleep(5000).then(() => Promise.reject(new Error('the page did not crash after its renderer was killed')))]);
  return renderers.length;
}
