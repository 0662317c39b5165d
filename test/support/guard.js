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
