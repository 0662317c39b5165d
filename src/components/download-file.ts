/** Hands a file to the browser's download, as a link click would. */
export function downloadFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // The download has started from the URL by now; keep it a while for slow file systems.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
