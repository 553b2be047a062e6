/** Saves text as a file through a Blob URL and `<a download>`: no downloads permission needed. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is kept a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
