// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with a header line, CRLF line ends. */
export function toCsv<T extends Record<string, string | number>>(columns: (keyof T & string)[], rows: readonly T[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((column) => field(row[column])).join(','))].join('\r\n') + '\r\n';
}
