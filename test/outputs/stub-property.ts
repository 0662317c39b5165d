// Replaces a property of a browser object (navigator.vibrate, window.speechSynthesis…) for one
// test; the returned function puts the original back, own property or inherited alike.
export function stubProperty(target: object, key: string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  };
}
