// A @web/test-runner plugin that moves one test page into another time zone, so date code can be
// tested under zones with daylight-saving changes whatever zone the machine (or CI) runs in.
// Tests call executeServerCommand('set-timezone', { timezoneId }) (an IANA name, or null for the
// machine's zone again); test/support/time-zone.ts wraps it. Chromium applies CDP's
// Emulation.setTimezoneOverride to the running page at once, for as long as the CDP session that
// sent it stays attached, so the session is kept per test page until its page closes.

export function timezonePlugin() {
  /** Test session id → the page's CDP session holding the override. */
  const overrides = new Map();

  const pageOf = (session) => {
    if (session.browser.type !== 'puppeteer' || typeof session.browser.getPage !== 'function') {
      throw new Error('set-timezone needs the Chrome launcher (@web/test-runner-chrome)');
    }
    return session.browser.getPage(session.id);
  };

  const release = async (sessionId) => {
    const cdp = overrides.get(sessionId);
    overrides.delete(sessionId);
    await cdp?.detach().catch(() => undefined);
  };

  return {
    name: 'timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-timezone' && command !== 'set-locale') return undefined;
      const cdpOf = async () => {
        let cdp = overrides.get(session.id);
        if (!cdp) {
          const page = pageOf(session);
          cdp = await page.createCDPSession();
          overrides.set(session.id, cdp);
          page.once('close', () => void release(session.id));
        }
        return cdp;
      };
      if (command === 'set-locale') {
        // The default locale of Intl (and of toLocale…String) for formatters made after it.
        const locale = payload?.locale ?? null;
        if (locale !== null && typeof locale !== 'string') throw new Error('set-locale takes { locale: string | null }');
        await (await cdpOf()).send('Emulation.setLocaleOverride', locale === null ? {} : { locale });
        return { ok: true };
      }
      const timezoneId = payload?.timezoneId ?? null;
      if (timezoneId !== null && typeof timezoneId !== 'string') throw new Error('set-timezone takes { timezoneId: string | null }');
      // An empty id restores the machine's zone.
      await (await cdpOf()).send('Emulation.setTimezoneOverride', { timezoneId: timezoneId ?? '' });
      return { ok: true };
    },
    async serverStop() {
      await Promise.all([...overrides.keys()].map((id) => release(id)));
    },
  };
}
