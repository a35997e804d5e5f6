import { isCurrencyCode, minorUnitsOf, repeatedPlanCells, type PlanCell as PlanFigure } from '@tollgate/domain';
import { quotedCell, type CellProblem, type CellValue, type ReadSheet, type SheetTable } from '@tollgate/spreadsheets';

/** One table of a plan as a CSV holds it: a line, a family (none for targets), a period and a value. */
export const PLAN_CSV_SHEET = 'Plan';
const CSV_HEADERS = ['Line', 'Family', 'Period', 'Value'];

const NOTES = {
  Period: 'a month, as YYYY-MM or a date cell',
  Family: 'the product family, at most 100 characters',
  Target: "the financial target of the period in major units of the plan's currency (1234.50)",
  Currency: "optional; when given, the plan's currency",
  Demand: 'units of the family the plan expects to sell in the period, a whole number, at least 0',
  Capacity: 'units of the family that can be made in the period, a whole number, at least 0',
};

/** The files a plan import takes: a workbook of Targets, Demand and Capacity (as the plan's export writes it), or one CSV table. */
export function planTemplate(format: 'xlsx' | 'csv'): SheetTable[] {
  if (format === 'csv') {
    return [
      {
        name: PLAN_CSV_SHEET,
        columns: [
          { key: 'line', header: 'Line', kind: 'text', note: 'target, demand or capacity' },
          { key: 'family', header: 'Family', kind: 'text', note: 'empty for a target' },
          { key: 'period', header: 'Period', kind: 'text', note: 'YYYY-MM' },
          { key: 'value', header: 'Value', kind: 'text', note: 'a target in major units (1234.50); a demand or capacity in units' },
        ],
        rows: [],
      },
    ];
  }
  const column = (header: keyof typeof NOTES, kind: 'text' | 'period' | 'money' | 'integer') => ({ key: header.toLowerCase(), header, kind, note: NOTES[header] });
  return [
    { name: 'Targets', columns: [column('Period', 'period'), column('Target', 'money'), column('Currency', 'text')], rows: [] },
    { name: 'Demand', columns: [column('Family', 'text'), column('Period', 'period'), column('Demand', 'integer')], rows: [] },
    { name: 'Capacity', columns: [column('Family', 'text'), column('Period', 'period'), column('Capacity', 'integer')], rows: [] },
    {
      name: 'Notes',
      columns: [
        { key: 'sheet', header: 'Sheet', kind: 'text', width: 14 },
        { key: 'column', header: 'Column', kind: 'text', width: 14 },
        { key: 'note', header: 'What it takes', kind: 'text', width: 90 },
      ],
      rows: [
        ['Targets', 'Period'],
        ['Targets', 'Target'],
        ['Targets', 'Currency'],
        ['Demand', 'Family'],
        ['Demand', 'Period'],
        ['Demand', 'Demand'],
        ['Capacity', 'Family'],
        ['Capacity', 'Period'],
        ['Capacity', 'Capacity'],
      ].map(([sheet, header]) => ({ sheet, column: header, note: NOTES[header as keyof typeof NOTES] })),
    },
  ];
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? value.toISOString() : String(value).trim();
}

function periodOf(value: CellValue | undefined): string | null {
  const written = value instanceof Date ? value.toISOString().slice(0, 7) : text(value);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(written) ? written : null;
}

/**
 * The cells a plan file sets, every one checked: a period that is no month,
 * a family missing or too long, a target that is no amount of the plan's
 * currency, a volume that is no whole number, a cell given twice.
 */
export function readPlanCells(sheets: readonly ReadSheet[], currency: string): { figures: PlanFigure[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const figures: (PlanFigure & { at: { sheet: string; row: number } })[] = [];
  const problem = (sheet: string, row: number, column: string | null, message: string) => problems.push({ sheet, row, column, message });

  const take = (sheet: string, row: number, line: PlanFigure['line'], cells: { family?: CellValue; period: CellValue; value: CellValue; headers: { family: string; period: string; value: string } }) => {
    let family = '';
    if (line !== 'target') {
      family = text(cells.family);
      if (!family) problem(sheet, row, cells.headers.family, 'a family is required');
      else if (family.length > 100) problem(sheet, row, cells.headers.family, 'the family is longer than 100 characters');
    }
    const period = periodOf(cells.period);
    if (period === null) problem(sheet, row, cells.headers.period, text(cells.period) ? `expected a month as YYYY-MM, got ${quotedCell(text(cells.period))}` : 'a period is required');
    let amount: number | null = null;
    const written = cells.value;
    if (written === null || written === undefined || text(written) === '') problem(sheet, row, cells.headers.value, 'a value is required');
    else if (line === 'target') {
      const minor = typeof written === 'number' || typeof written === 'string' ? minorUnitsOf(written, currency) : { ok: false as const, reason: `expected an amount in ${currency}` };
      if (!minor.ok) problem(sheet, row, cells.headers.value, minor.reason);
      else if (minor.minor < 0) problem(sheet, row, cells.headers.value, 'a target must not be negative');
      else amount = minor.minor;
    } else {
      const volume = typeof written === 'number' ? written : /^\d+$/.test(text(written)) ? Number(text(written)) : Number.NaN;
      if (!Number.isSafeInteger(volume) || volume < 0) problem(sheet, row, cells.headers.value, `expected a whole number of units, at least 0, got ${quotedCell(text(written))}`);
      else amount = volume;
    }
    if (period !== null && amount !== null && (line === 'target' || (family && family.length <= 100))) figures.push({ line, family, period, amount, at: { sheet, row } });
  };

  const byName = new Map(sheets.map((sheet) => [sheet.name.trim().toLowerCase(), sheet]));
  const csv = byName.get(PLAN_CSV_SHEET.toLowerCase());
  if (csv && sheets.length === 1 && CSV_HEADERS.every((header) => csv.headers.includes(header))) {
    for (const row of csv.rows) {
      const line = text(row.cells['Line']).toLowerCase();
      if (line !== 'target' && line !== 'demand' && line !== 'capacity') {
        problem(csv.name, row.rowNumber, 'Line', `expected target, demand or capacity, got ${quotedCell(text(row.cells['Line']))}`);
        continue;
      }
      take(csv.name, row.rowNumber, line, { family: row.cells['Family'], period: row.cells['Period'], value: row.cells['Value'], headers: { family: 'Family', period: 'Period', value: 'Value' } });
    }
  } else {
    const layouts = [
      { name: 'Targets', line: 'target' as const, value: 'Target', headers: ['Period', 'Target'] },
      { name: 'Demand', line: 'demand' as const, value: 'Demand', headers: ['Family', 'Period', 'Demand'] },
      { name: 'Capacity', line: 'capacity' as const, value: 'Capacity', headers: ['Family', 'Period', 'Capacity'] },
    ];
    const present = layouts.filter((layout) => byName.has(layout.name.toLowerCase()));
    if (present.length === 0) problem(sheets[0]?.name ?? 'Targets', 1, null, "the file has none of the sheets Targets, Demand, Capacity (or, as CSV, the columns Line, Family, Period, Value)");
    for (const layout of present) {
      const sheet = byName.get(layout.name.toLowerCase())!;
      const missing = layout.headers.filter((header) => !sheet.headers.includes(header));
      for (const header of missing) problem(sheet.name, 1, header, `the sheet has no column '${header}'`);
      if (missing.length > 0) continue;
      for (const row of sheet.rows) {
        if (layout.line === 'target' && text(row.cells['Currency']) && text(row.cells['Currency']).toUpperCase() !== currency) {
          const given = text(row.cells['Currency']);
          problem(sheet.name, row.rowNumber, 'Currency', isCurrencyCode(given.toUpperCase()) ? `the plan is in ${currency}, this target is in ${given}` : `${quotedCell(given)} is not an ISO 4217 currency code`);
          continue;
        }
        take(sheet.name, row.rowNumber, layout.line, { family: row.cells['Family'], period: row.cells['Period'], value: row.cells[layout.value], headers: { family: 'Family', period: 'Period', value: layout.value } });
      }
    }
  }
  // A cell given twice is named where it is given the second time.
  const seen = new Map<string, { sheet: string; row: number }>();
  for (const figure of figures) {
    const key = `${figure.line}|${figure.family}|${figure.period}`;
    const first = seen.get(key);
    if (first) problem(figure.at.sheet, figure.at.row, 'Period', `${repeatedPlanCells([figure, figure])[0]} (first at ${first.sheet} row ${first.row})`);
    else seen.set(key, figure.at);
  }
  return { figures: figures.map(({ at: _at, ...figure }) => figure), problems };
}
