// A storage failure already worded for the runner, written where the problem is known. Apart from
// the sentences for what the browser throws (store-errors.ts): the first load throws these, while
// those sentences are only read by code that loads later (saving, the history, the program).

export class StoreError extends Error {
  override name = 'StoreError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
