/**
 * Checklist export to XLSX with exceljs: one sheet of items (same columns as the CSV), frozen
 * header, widths for Chinese text, and a sheet per month in the style of a monthly evaluation
 * table (月度执行情况).
 */
import ExcelJS from 'exceljs';
import {
  CHECKLIST_COLUMNS,
  checklistRowValues,
  type ChecklistRow,
} from '../../../shared/domain/checklist';

/** The workbook's bytes. */
export async function checklistXlsx(rows: ChecklistRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qiyue 契阅';
  const sheet = wb.addWorksheet('履约清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(CHECKLIST_COLUMNS).font = { bold: true };
  for (const r of rows) sheet.addRow(checklistRowValues(r));
  const widths = [28, 8, 50, 8, 20, 12, 24, 22, 6, 8, 30, 20, 24];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  const months = [...new Set(rows.map((r) => r.month).filter((m): m is string => !!m))].sort();
  if (months.length <= 36) {
    for (const m of months) {
      const ms = wb.addWorksheet(m);
      ms.addRow(CHECKLIST_COLUMNS).font = { bold: true };
      for (const r of rows.filter((x) => x.month === m)) ms.addRow(checklistRowValues(r));
      widths.forEach((w, i) => (ms.getColumn(i + 1).width = w));
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
