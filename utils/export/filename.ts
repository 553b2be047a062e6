/** `devin-sessions-2026-05-01.json`: the local date, so two exports of a day sort together. */
export function exportFileName(
  extension: 'json' | 'csv',
  now = new Date(),
  kind: 'sessions' | 'view' = 'sessions',
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `devin-${kind === 'view' ? 'sessions-view' : 'sessions'}-${date}.${extension}`;
}
