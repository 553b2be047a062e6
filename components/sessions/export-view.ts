/** "Export these N sessions": the list as shown, saved as a file (no downloads permission). */
import type { SessionRow } from '../../utils/db/types';
import { exportFileName } from '../../utils/export/filename';
import { viewToCsv, viewToJson } from '../../utils/export/view';
import type { Directory } from '../shared/directory';
import { downloadText } from '../shared/download';

export function exportView(
  format: 'csv' | 'json',
  rows: readonly SessionRow[],
  directory: Directory,
): void {
  const names = { orgName: directory.orgName, userName: directory.userName };
  const fileName = exportFileName(format, new Date(), 'view');
  if (format === 'csv') {
    // A byte-order mark, so spreadsheets read the file as UTF-8.
    downloadText(`\uFEFF${viewToCsv(rows, names)}`, fileName, 'text/csv;charset=utf-8');
  } else {
    downloadText(viewToJson(rows, names), fileName, 'application/json');
  }
}
