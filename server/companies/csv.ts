// RFC 4180 CSV: CRLF line ends, every field quoted only when it must be, quotes doubled.
export type CsvValue = string | number | boolean | null;

function field(value: CsvValue): string {
  if (value === null) return "";
  // Text starting with = + - @ (or a tab or CR before one) would run as a formula in a spreadsheet.
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
