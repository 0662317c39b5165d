// Browser fullscreen for the treadmill screen. Asking can fail (no gesture, a browser or an iframe
// that forbids it); the screen works without it, so a refusal is ignored rather than reported.

/** Call straight from a click or key press: browsers grant fullscreen only to a user gesture. */
export function enterFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || !root.requestFullscreen) return;
  root.requestFullscreen().catch(() => undefined);
}

export function leaveFullscreen(): void {
  if (!document.fullscreenElement) return;
  document.exitFullscreen().catch(() => undefined);
}
