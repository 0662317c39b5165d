// Files a page hands to the browser's download, caught before the browser saves them.

export interface Download {
  fileName: string;
  blob: Blob;
}

/**
 * `URL.createObjectURL` still makes a real URL (noting its Blob), and a download link's click is
 * recorded instead of followed. `restore()` puts both back; call it in a finally.
 */
export function catchDownloads(): { downloads: Download[]; restore: () => void } {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL.call(URL, object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.download && blob) downloads.push({ fileName: this.download, blob });
    else click.call(this);
  };
  return {
    downloads,
    restore() {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}
