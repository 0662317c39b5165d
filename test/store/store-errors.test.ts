import { expect } from '@open-wc/testing';
import { StoreError, describeStoreError, isQuotaExceeded } from '../../src/store/store-errors.js';

describe('store errors', () => {
  it('recognises a full disk however the browser names it', () => {
    expect(isQuotaExceeded(new DOMException('q', 'QuotaExceededError'))).to.equal(true);
    expect(isQuotaExceeded(new DOMException('q', 'NS_ERROR_DOM_QUOTA_REACHED'))).to.equal(true);
    expect(isQuotaExceeded(new StoreError('x', { cause: new DOMException('q', 'QuotaExceededError') }))).to.equal(true);
    expect(isQuotaExceeded(new DOMException('q', 'AbortError'))).to.equal(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).to.equal(false);
    expect(isQuotaExceeded('QuotaExceededError')).to.equal(false);
    expect(isQuotaExceeded(null)).to.equal(false);
  });

  it('is an Error with its own name and cause', () => {
    const cause = new Error('inner');
    const error = new StoreError('Outer sentence.', { cause });
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('StoreError');
    expect(error.cause).to.equal(cause);
  });

  const cases: [string, unknown, RegExp][] = [
    ['a StoreError as it is', new StoreError('The backup is truncated.'), /^The backup is truncated\.$/],
    ['a full disk', new DOMException('q', 'QuotaExceededError'), /^The disk is full, so nothing more can be saved\. Export or delete/],
    ['blocked storage', new DOMException('no', 'SecurityError'), /private window, or site data blocked/],
    ['a newer tab', new DOMException('v', 'VersionError'), /newer Stridewise in another tab\. Reload/],
    ['an unclonable value', new DOMException('c', 'DataCloneError'), /bug in Stridewise/],
    ['a broken database', new DOMException('Internal error.', 'UnknownError'), /^The browser's storage failed \(Internal error\.\)\. Reloading/],
    ['anything else', new TypeError('boom'), /^Saving or reading stored data failed \(boom\)\.$/],
    ['a thrown string', 'weird', /\(weird\)/],
  ];
  for (const [what, error, expected] of cases) {
    it(`describes ${what} in a sentence`, () => {
      expect(describeStoreError(error)).to.match(expected);
    });
  }
});
