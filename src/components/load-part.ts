// Parts of a page that load when first shown (a dialog, a card, a chart). A part whose script
// fails to load (the network gone before the service worker cached it, a deploy that swapped the
// files under an open tab) is not an error to throw at the console: the page asks again at its
// next render, and the browser fetches a failed module again (the HTML spec keeps no failure).
export function loadPart(loading: Promise<unknown>): void {
  loading.catch(() => {});
}
