/**
 * The CSV export: the backend writes the rows, the renderer saves them as a download, which works
 * the same in the browser host and in Electron (no save dialog needed).
 */
import type { Period } from '../../../../shared/metrics/metrics-period';

export async function downloadMetricsCsv(period: Period): Promise<string> {
  const { fileName, csv } = await window.janela.exportMetricsCsv(period);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
