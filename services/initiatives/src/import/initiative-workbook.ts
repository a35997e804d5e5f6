import type { Actor, InitiativeDraft } from '@tollgate/domain';
import { checkInitiativeCreator, DEFAULT_CURRENCY, draftProblems, isCurrencyCode, minorUnitsOf, partyFieldProblems } from '@tollgate/domain';
import { quotedCell, type CellProblem, type CellValue, type ReadSheet, type SheetColumn, type SheetTable } from '@tollgate/spreadsheets';

export type { CellProblem };

/** A cell as stored between the steps of an import: dates as ISO text, so that the row survives JSON. */
export type StoredCell = string | number | boolean | { date: string } | null;

export interface StoredRow {
  row: number;
  cells: Record<string, StoredCell>;
}

/** One initiative of a file: its row of the Initiatives sheet and its rows of the other sheets. */
export interface ImportRowSource {
  key: string;
  initiative: StoredRow;
  measures: StoredRow[];
  plannedValues: StoredRow[];
  oneTimeCosts: StoredRow[];
  milestones: StoredRow[];
}

// The API's limits for a new initiative (CreateInitiativeDto): a file may not do more than the API does.
const LIMITS = { text: 200, category: 100, measures: 50, periods: 120, oneTimeCosts: 120, milestones: 100 };

const column = (key: string, header: string, kind: SheetColumn['kind'], note: string): SheetColumn => ({ key, header, kind, note });

/** The sheets of an initiatives workbook, in the template's order; a * marks a required column. */
export const INITIATIVE_SHEETS = {
  initiatives: {
    name: 'Initiatives',
    columns: [
      column('key', 'Key', 'text', 'required: your code for the initiative, unique in the file; importing it again finds the same initiative'),
      column('title', 'Title', 'text', 'required, at most 200 characters'),
      column('program', 'Program', 'text', 'required: the id of a program (GET /api/org-nodes)'),
      column('owner', 'Owner', 'text', "required: the owner's user id"),
      column('sponsor', 'Sponsor', 'text', "required: the sponsor's user id, not the owner"),
      column('controller', 'Controller', 'text', "the finance controller's user id, neither owner nor sponsor"),
      column('category', 'Category', 'text', 'required, at most 100 characters (cost, revenue, ...)'),
      column('currency', 'Currency', 'text', 'ISO 4217, default EUR: every amount of the initiative is in it'),
      column('roughValue', 'Rough value', 'money', 'the value in major units when no measure is planned yet'),
    ],
  },
  measures: {
    name: 'Measures',
    columns: [
      column('key', 'Initiative key', 'text', 'required: the Key of its initiative'),
      column('measure', 'Measure', 'text', 'required, unique within its initiative'),
      column('category', 'Category', 'text', 'required'),
    ],
  },
  plannedValues: {
    name: 'Planned values',
    columns: [
      column('key', 'Initiative key', 'text', 'required'),
      column('measure', 'Measure', 'text', 'required: a measure of the Measures sheet'),
      column('period', 'Period', 'period', 'required: a month, as YYYY-MM or a date cell'),
      column('amount', 'Amount', 'money', "required: major units of the initiative's currency (1234.50), at least 0"),
    ],
  },
  oneTimeCosts: {
    name: 'One-time costs',
    columns: [
      column('key', 'Initiative key', 'text', 'required'),
      column('period', 'Period', 'period', 'required: a month'),
      column('amount', 'Amount', 'money', 'required: major units, at least 0'),
    ],
  },
  milestones: {
    name: 'Milestones',
    columns: [
      column('key', 'Initiative key', 'text', 'required'),
      column('milestone', 'Milestone', 'text', 'required, at most 200 characters'),
      column('dueDate', 'Due date', 'date', 'required: YYYY-MM-DD or a date cell'),
    ],
  },
} as const;

type SheetKey = keyof typeof INITIATIVE_SHEETS;
const REQUIRED_SHEETS: SheetKey[] = ['initiatives', 'measures', 'plannedValues', 'milestones'];
const REQUIRED_COLUMNS: Record<SheetKey, string[]> = {
  initiatives: ['Key', 'Title', 'Program', 'Owner', 'Sponsor', 'Category'],
  measures: ['Initiative key', 'Measure', 'Category'],
  plannedValues: ['Initiative key', 'Measure', 'Period', 'Amount'],
  oneTimeCosts: ['Initiative key', 'Period', 'Amount'],
  milestones: ['Initiative key', 'Milestone', 'Due date'],
};

/** The template: each sheet with its headers, and a Notes sheet that says what each column takes. */
export function initiativeTemplate(): SheetTable[] {
  const sheets = Object.values(INITIATIVE_SHEETS).map((sheet) => ({ name: sheet.name, columns: sheet.columns, rows: [] }));
  const notes: SheetTable = {
    name: 'Notes',
    columns: [column('sheet', 'Sheet', 'text', ''), column('column', 'Column', 'text', ''), column('note', 'What it takes', 'text', '')].map((entry) => ({ ...entry, width: entry.key === 'note' ? 90 : 20 })),
    rows: Object.values(INITIATIVE_SHEETS).flatMap((sheet) => sheet.columns.map((entry) => ({ sheet: sheet.name, column: entry.header, note: entry.note }))),
  };
  return [...sheets, notes];
}

function stored(value: CellValue): StoredCell {
  return value instanceof Date ? { date: value.toISOString() } : value;
}

function storedRow(row: { rowNumber: number; cells: Record<string, CellValue> }): StoredRow {
  return { row: row.rowNumber, cells: Object.fromEntries(Object.entries(row.cells).map(([header, value]) => [header, stored(value)])) };
}

function text(cell: StoredCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.date;
  return String(cell).trim();
}

/**
 * Groups the rows of every sheet under their initiative's key, as read, not
 * yet checked: a missing sheet or column, a key given twice, and a row that
 * names no initiative of the file are problems of the file.
 */
export function groupInitiativeRows(sheets: readonly ReadSheet[]): { rows: ImportRowSource[]; problems: CellProblem[]; orphans: number } {
  const problems: CellProblem[] = [];
  const byName = new Map(sheets.map((sheet) => [sheet.name.trim().toLowerCase(), sheet]));
  const found = {} as Record<SheetKey, ReadSheet | undefined>;
  for (const [key, layout] of Object.entries(INITIATIVE_SHEETS) as [SheetKey, (typeof INITIATIVE_SHEETS)[SheetKey]][]) {
    const sheet = byName.get(layout.name.toLowerCase());
    found[key] = sheet;
    if (!sheet) {
      if (REQUIRED_SHEETS.includes(key)) problems.push({ sheet: layout.name, row: 1, column: null, message: `the workbook has no sheet '${layout.name}'` });
      continue;
    }
    for (const header of REQUIRED_COLUMNS[key]) {
      if (!sheet.headers.includes(header)) problems.push({ sheet: layout.name, row: 1, column: header, message: `the sheet has no column '${header}'` });
    }
  }
  if (problems.length > 0) return { rows: [], problems, orphans: 0 };

  const rows = new Map<string, ImportRowSource>();
  for (const row of found.initiatives!.rows) {
    const key = text(stored(row.cells['Key'] ?? null));
    if (!key || key.length > LIMITS.text) {
      problems.push({ sheet: 'Initiatives', row: row.rowNumber, column: 'Key', message: key ? `the key is longer than ${LIMITS.text} characters` : 'a key is required' });
      continue;
    }
    const first = rows.get(key);
    if (first) {
      problems.push({ sheet: 'Initiatives', row: row.rowNumber, column: 'Key', message: `key ${quotedCell(key)} is given twice (first at row ${first.initiative.row})` });
      continue;
    }
    rows.set(key, { key, initiative: storedRow(row), measures: [], plannedValues: [], oneTimeCosts: [], milestones: [] });
  }
  let orphans = 0;
  for (const sheetKey of ['measures', 'plannedValues', 'oneTimeCosts', 'milestones'] as const) {
    const sheet = found[sheetKey];
    for (const row of sheet?.rows ?? []) {
      const key = text(stored(row.cells['Initiative key'] ?? null));
      const owner = rows.get(key);
      if (!owner) {
        orphans += 1;
        problems.push({ sheet: sheet!.name, row: row.rowNumber, column: 'Initiative key', message: key ? `no initiative of the file has key ${quotedCell(key)}` : 'an initiative key is required' });
        continue;
      }
      owner[sheetKey].push(storedRow(row));
    }
  }
  return { rows: [...rows.values()], problems, orphans };
}

/** How many rows of a file named no initiative of it (as `groupInitiativeRows` tells them). */
export function orphanRows(problems: readonly CellProblem[]): number {
  return problems.filter((problem) => problem.sheet !== INITIATIVE_SHEETS.initiatives.name && problem.row > 1 && problem.column === 'Initiative key').length;
}


/** The column of the Initiatives sheet each field of a draft is read from; measures, costs and milestones have sheets of their own. */
const COLUMN_OF_FIELD: Partial<Record<keyof InitiativeDraft, string>> = {
  title: 'Title',
  ownerId: 'Owner',
  sponsorId: 'Sponsor',
  controllerId: 'Controller',
  currency: 'Currency',
  roughValue: 'Rough value',
};

/**
 * Checks one initiative of a file, every cell of it, then the rules of a new
 * initiative as the API applies them: answers the draft to create, or every
 * problem found.
 */
export function checkImportRow(source: ImportRowSource, actor: Actor, isProgram: (id: string) => boolean): { draft: InitiativeDraft | null; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const problem = (sheet: string, row: number, columnName: string | null, message: string) => problems.push({ sheet, row, column: columnName, message });
  const I = INITIATIVE_SHEETS.initiatives.name;
  const at = source.initiative;
  const required = (sheet: string, row: StoredRow, header: string, max = LIMITS.text): string => {
    const value = text(row.cells[header]);
    if (!value) problem(sheet, row.row, header, `${header.toLowerCase()} is required`);
    else if (value.length > max) problem(sheet, row.row, header, `${header.toLowerCase()} is longer than ${max} characters`);
    return value;
  };
  const optional = (sheet: string, row: StoredRow, header: string, max = LIMITS.text): string | null => {
    const value = text(row.cells[header]);
    if (value.length > max) problem(sheet, row.row, header, `${header.toLowerCase()} is longer than ${max} characters`);
    return value || null;
  };

  const title = required(I, at, 'Title');
  const programId = required(I, at, 'Program');
  if (programId && !isProgram(programId)) problem(I, at.row, 'Program', `${quotedCell(programId)} is not a known program`);
  const ownerId = required(I, at, 'Owner');
  const sponsorId = required(I, at, 'Sponsor');
  const controllerId = optional(I, at, 'Controller');
  const category = required(I, at, 'Category', LIMITS.category);
  const currencyText = text(at.cells['Currency']).toUpperCase();
  const currency = currencyText || DEFAULT_CURRENCY;
  if (!isCurrencyCode(currency)) problem(I, at.row, 'Currency', `${quotedCell(currencyText)} is not an ISO 4217 currency code such as EUR`);
  const money = (sheet: string, row: StoredRow, header: string, required: boolean): number | null => {
    const cell = row.cells[header];
    if (cell === null || cell === undefined || text(cell) === '') {
      if (required) problem(sheet, row.row, header, `${header.toLowerCase()} is required`);
      return null;
    }
    if (typeof cell === 'object' || typeof cell === 'boolean') {
      problem(sheet, row.row, header, `expected an amount in ${currency}, got ${quotedCell(text(cell))}`);
      return null;
    }
    const minor = minorUnitsOf(cell, isCurrencyCode(currency) ? currency : DEFAULT_CURRENCY);
    if (!minor.ok) {
      problem(sheet, row.row, header, minor.reason);
      return null;
    }
    if (minor.minor < 0) {
      problem(sheet, row.row, header, 'the amount must not be negative');
      return null;
    }
    return minor.minor;
  };
  const period = (sheet: string, row: StoredRow): string | null => {
    const cell = row.cells['Period'];
    const value = cell !== null && typeof cell === 'object' ? cell.date.slice(0, 7) : text(cell);
    if (!value) problem(sheet, row.row, 'Period', 'period is required');
    else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) problem(sheet, row.row, 'Period', `expected a month as YYYY-MM, got ${quotedCell(value)}`);
    else return value;
    return null;
  };
  const roughValue = money(I, at, 'Rough value', false);

  const M = INITIATIVE_SHEETS.measures.name;
  const measures: InitiativeDraft['measures'] = [];
  const measureRows = new Map<string, StoredRow>();
  for (const row of source.measures) {
    const name = required(M, row, 'Measure');
    const measureCategory = required(M, row, 'Category', LIMITS.category);
    if (!name) continue;
    const first = measureRows.get(name.toLowerCase());
    if (first) {
      problem(M, row.row, 'Measure', `measure ${quotedCell(name)} is given twice for ${quotedCell(source.key)} (first at row ${first.row})`);
      continue;
    }
    measureRows.set(name.toLowerCase(), row);
    measures.push({ name, category: measureCategory, plannedValues: [] });
  }
  if (measures.length > LIMITS.measures) problem(M, source.measures[LIMITS.measures].row, null, `an initiative has at most ${LIMITS.measures} measures`);

  const P = INITIATIVE_SHEETS.plannedValues.name;
  const seenPlanned = new Map<string, number>();
  for (const row of source.plannedValues) {
    const name = required(P, row, 'Measure');
    const when = period(P, row);
    const amount = money(P, row, 'Amount', true);
    const measure = measures.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (name && !measure) problem(P, row.row, 'Measure', `${quotedCell(name)} is not a measure of ${quotedCell(source.key)} on the Measures sheet`);
    if (!measure || when === null || amount === null) continue;
    const seen = `${measure.name.toLowerCase()}|${when}`;
    if (seenPlanned.has(seen)) {
      problem(P, row.row, 'Period', `${when} of ${quotedCell(measure.name)} is given twice (first at row ${seenPlanned.get(seen)})`);
      continue;
    }
    seenPlanned.set(seen, row.row);
    measure.plannedValues.push({ period: when, amount });
  }
  for (const measure of measures) {
    if (measure.plannedValues.length > LIMITS.periods) problem(P, measureRows.get(measure.name.toLowerCase())!.row, null, `a measure has at most ${LIMITS.periods} planned periods`);
  }

  const C = INITIATIVE_SHEETS.oneTimeCosts.name;
  const oneTimeCosts: InitiativeDraft['oneTimeCosts'] = [];
  for (const row of source.oneTimeCosts) {
    const when = period(C, row);
    const amount = money(C, row, 'Amount', true);
    if (when !== null && amount !== null) oneTimeCosts.push({ period: when, amount });
  }
  if (oneTimeCosts.length > LIMITS.oneTimeCosts) problem(C, source.oneTimeCosts[LIMITS.oneTimeCosts].row, null, `an initiative has at most ${LIMITS.oneTimeCosts} one-time costs`);

  const S = INITIATIVE_SHEETS.milestones.name;
  const milestones: InitiativeDraft['milestones'] = [];
  for (const row of source.milestones) {
    const milestoneTitle = required(S, row, 'Milestone');
    const cell = row.cells['Due date'];
    const due = cell !== null && typeof cell === 'object' ? cell.date.slice(0, 10) : text(cell);
    if (!due) problem(S, row.row, 'Due date', 'due date is required');
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(`${due}T00:00:00Z`)) || new Date(`${due}T00:00:00Z`).toISOString().slice(0, 10) !== due) {
      problem(S, row.row, 'Due date', `expected a date as YYYY-MM-DD, got ${quotedCell(due)}`);
    } else if (milestoneTitle) milestones.push({ title: milestoneTitle, dueDate: due });
  }
  if (milestones.length > LIMITS.milestones) problem(S, source.milestones[LIMITS.milestones].row, null, `an initiative has at most ${LIMITS.milestones} milestones`);

  if (problems.length > 0) {
    // The rules on the people hold whatever else is wrong: a person fixing the file sees them at once.
    const creator = checkInitiativeCreator(actor, ownerId);
    if (creator) problem(I, at.row, COLUMN_OF_FIELD.ownerId!, creator.message);
    for (const party of ownerId && sponsorId ? partyFieldProblems({ ownerId, sponsorId, controllerId }) : []) problem(I, at.row, COLUMN_OF_FIELD[party.field] ?? null, party.message);
    return { draft: null, problems };
  }
  const draft: InitiativeDraft = { title, programId, ownerId, sponsorId, controllerId, category, currency, roughValue, measures, oneTimeCosts, milestones };
  const creator = checkInitiativeCreator(actor, draft.ownerId);
  const broken = creator ? [{ field: 'ownerId' as const, message: creator.message }] : draftProblems(draft);
  if (broken.length > 0) {
    for (const rule of broken) problem(I, at.row, COLUMN_OF_FIELD[rule.field] ?? null, rule.message);
    return { draft: null, problems };
  }
  return { draft, problems: [] };
}

/**
 * The one table of a CSV import: a row per planned value (or cost, or
 * milestone) of an initiative, the initiative's own columns on its first row.
 */
export const INITIATIVE_CSV_COLUMNS = [
  ...INITIATIVE_SHEETS.initiatives.columns.map((entry) => entry.header),
  'Measure',
  'Measure category',
  'Period',
  'Amount',
  'One-time cost period',
  'One-time cost',
  'Milestone',
  'Due date',
];

// Where a CSV column sits among the workbook's sheets, for a problem found there to name the CSV's column.
const CSV_COLUMN_OF: Record<string, Record<string, string>> = {
  Measures: { 'Initiative key': 'Key', Measure: 'Measure', Category: 'Measure category' },
  'Planned values': { 'Initiative key': 'Key', Measure: 'Measure', Period: 'Period', Amount: 'Amount' },
  'One-time costs': { 'Initiative key': 'Key', Period: 'One-time cost period', Amount: 'One-time cost' },
  Milestones: { 'Initiative key': 'Key', Milestone: 'Milestone', 'Due date': 'Due date' },
};

/** The CSV's one table as the workbook's sheets, each row keeping the CSV's row number. */
export function sheetsOfInitiativeCsv(csv: ReadSheet): ReadSheet[] {
  const sheet = (name: string, headers: string[]): ReadSheet => ({ name, headers, rows: [] });
  const initiatives = sheet(INITIATIVE_SHEETS.initiatives.name, INITIATIVE_SHEETS.initiatives.columns.map((entry) => entry.header));
  const measures = sheet(INITIATIVE_SHEETS.measures.name, ['Initiative key', 'Measure', 'Category']);
  const planned = sheet(INITIATIVE_SHEETS.plannedValues.name, ['Initiative key', 'Measure', 'Period', 'Amount']);
  const costs = sheet(INITIATIVE_SHEETS.oneTimeCosts.name, ['Initiative key', 'Period', 'Amount']);
  const milestones = sheet(INITIATIVE_SHEETS.milestones.name, ['Initiative key', 'Milestone', 'Due date']);
  const missing = ['Key', 'Title', 'Program', 'Owner', 'Sponsor', 'Category'].filter((header) => !csv.headers.includes(header));
  if (missing.length > 0) return [{ ...initiatives, headers: initiatives.headers.filter((header) => !missing.includes(header)) }];
  const firstRowOf = new Set<string>();
  const measureOf = new Set<string>();
  const filled = (value: CellValue | undefined) => value !== null && value !== undefined && String(value).trim() !== '';
  for (const row of csv.rows) {
    const key = String(row.cells['Key'] ?? '').trim();
    const at = (cells: Record<string, CellValue>) => ({ rowNumber: row.rowNumber, cells: { 'Initiative key': key, ...cells } });
    if (!firstRowOf.has(key) || !key) {
      firstRowOf.add(key);
      initiatives.rows.push({ rowNumber: row.rowNumber, cells: Object.fromEntries(initiatives.headers.map((header) => [header, row.cells[header] ?? null])) });
    }
    const measure = row.cells['Measure'];
    if (filled(measure) && !measureOf.has(`${key}|${String(measure).toLowerCase()}`)) {
      measureOf.add(`${key}|${String(measure).toLowerCase()}`);
      measures.rows.push(at({ Measure: measure, Category: row.cells['Measure category'] ?? null }));
    }
    if (filled(row.cells['Period']) || filled(row.cells['Amount'])) planned.rows.push(at({ Measure: measure ?? null, Period: row.cells['Period'] ?? null, Amount: row.cells['Amount'] ?? null }));
    if (filled(row.cells['One-time cost period']) || filled(row.cells['One-time cost'])) costs.rows.push(at({ Period: row.cells['One-time cost period'] ?? null, Amount: row.cells['One-time cost'] ?? null }));
    if (filled(row.cells['Milestone']) || filled(row.cells['Due date'])) milestones.rows.push(at({ Milestone: row.cells['Milestone'] ?? null, 'Due date': row.cells['Due date'] ?? null }));
  }
  return [initiatives, measures, planned, costs, milestones];
}

/** A problem found in a CSV import, named by the CSV's own row and column. */
export function csvProblem(problem: CellProblem, csvName: string): CellProblem {
  const column = problem.column === null ? null : (CSV_COLUMN_OF[problem.sheet]?.[problem.column] ?? problem.column);
  return { ...problem, sheet: csvName, column };
}

/** The CSV template: its one table's header. */
export function initiativeCsvTemplate(): SheetTable[] {
  return [{ name: 'Initiatives', columns: INITIATIVE_CSV_COLUMNS.map((header) => column(header, header, 'text', '')), rows: [] }];
}
