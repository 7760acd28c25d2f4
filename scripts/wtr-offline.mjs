/**
 * A Web Test Runner plugin that takes the test page's network away and gives it back, as a
 * user's network would: `executeServerCommand('offline', { offline: true, apiUrl })`. Unlike
 * stopping the reference server, it also stops the page's own modules from loading, so a
 * test sees what a page that fetches a module on first use would do. The test runner's own
 * channel to the page stays open, or the test could not report (or come back online).
 */
export function offlinePlugin() {
  const sessions = new Map();
  return {
    name: 'offline',
    async executeCommand({ command, payload, session }) {
      if (command !== 'offline') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        await cdp.send('Network.enable');
        sessions.set(session.id, cdp);
      }
      const urls = payload.offline ? [`${payload.apiUrl}/*`, '*/packages/*', '*/node_modules/*'] : [];
      await cdp.send('Network.setBlockedURLs', { urls });
      return { offline: payload.offline };
    },
  };
}
