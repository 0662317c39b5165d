/**
 * The page goes away mid-run: `leave` runs (pagehide), and every IndexedDB put started until the
 * write it began has come back is dropped, as Chromium drops a write made as the page goes. What
 * `leave` keeps elsewhere (the leaving journal, in localStorage) is all the next start finds.
 */
export async function leaveWithWritesDropped(leave: () => void): Promise<void> {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The page is gone.', 'AbortError');
  };
  try {
    leave();
    // The write begun in `leave` reaches its put within a few tasks of the open database.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    IDBObjectStore.prototype.put = original;
  }
}
