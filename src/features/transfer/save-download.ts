/** Hands a file to the browser's downloads (Blob + object URL + <a download>). */
export function saveDownload(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; let it live a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
