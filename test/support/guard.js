// Loaded before the test framework in every test page. An unhandled promise rejection is
// rethrown as an uncaught error, which mocha turns into a failure of the running test; console
// errors are recorded so a test run cannot pass while the page logs an uncaught problem.
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const reason = event.reason instanceof Error ? event.reason : new Error(`Unhandled rejection: ${String(event.reason)}`);
  setTimeout(() => {
    throw reason;
  });
});

// The default group runs two test pages at once and Chrome reports the one in the background tab
// hidden. The app draws nothing while its tab is hidden (src/components/event-controller.ts), so
// every test page reads as the tab in front, as the app is used; a test of the hidden tab hides its
// page itself (a getter on `document`, removed again with `delete`).
Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'visible' });
Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => false });
