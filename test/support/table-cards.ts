// Measures for tables that become cards on a phone: nothing scrolls sideways, and every value a
// card shows carries its label, visible and inside the screen.

/** Every element under `root`, into shadow roots. */
export function elementsUnder(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...elementsUnder(element.shadowRoot));
  }
  return found;
}

const describe = (element: Element) =>
  `${element.localName}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().replace(/\s+/g, '.')}` : ''}`;

/** Clipped to nothing, for screen readers only (a visually hidden header), or inside such an element. */
function heardOnly(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (getComputedStyle(at).clip === 'rect(0px, 0px, 0px, 0px)') return true;
  }
  return false;
}

/** Elements under `root` whose content is wider than their box (that would scroll or be cut), described. */
export function sidewaysOverflow(root: Element | ShadowRoot): string[] {
  return elementsUnder(root)
    .filter((element) => getComputedStyle(element).display !== 'inline' && element.scrollWidth > element.clientWidth && !heardOnly(element))
    .map((element) => `${describe(element)}: ${element.scrollWidth} in ${element.clientWidth}`);
}

export const isShown = (element: Element): boolean => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
};

/** Inside the window, left to right. */
export const insideWindow = (element: Element): boolean => {
  const box = element.getBoundingClientRect();
  return box.left >= 0 && box.right <= document.documentElement.clientWidth;
};

/**
 * Where a table that should stay a table (a wide screen) is not one, described: content wider than
 * its box, a card label that shows, a row of `rows` whose `cells` stand on more than one line.
 */
export function wideTableFaults(root: ShadowRoot, rows: string, cells: string): string[] {
  const shownLabels = [...root.querySelectorAll('.card-label')].filter(isShown);
  const brokenRows = [...root.querySelectorAll(rows)].filter(
    (row) => new Set([...row.querySelectorAll(cells)].map((cell) => Math.round(cell.getBoundingClientRect().top))).size !== 1,
  );
  return [
    ...sidewaysOverflow(root).map((overflow) => `wider than its box: ${overflow}`),
    ...shownLabels.map((label) => `a card label shows: ${label.textContent}`),
    ...brokenRows.map((row) => `cells on more than one line: ${row.textContent!.trim().replace(/\s+/g, ' ')}`),
  ];
}
