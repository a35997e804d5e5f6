import { notesTable } from './spreadsheet-notes';

describe('notesTable', () => {
  it("lists the export's facts, how its money and periods read, and what the columns mean", () => {
    const notes = notesTable(
      [
        ['Export', 'Portfolio values'],
        ['Target plan', null],
        ['Periods', '2027-01 to 2027-03'],
      ],
      [
        {
          name: 'Values',
          currency: 'JPY',
          columns: [
            { key: 'period', header: 'Period', kind: 'period' },
            { key: 'planned', header: 'Planned', kind: 'money', note: 'the baseline from stage 3 on' },
          ],
          rows: [],
        },
        { name: 'Steps', columns: [{ key: 'step', header: 'Step', kind: 'text' }], rows: [] },
      ],
    );
    expect(notes.name).toBe('Notes');
    expect(notes.columns.map((column) => column.header)).toEqual(['Topic', 'Note']);
    expect(notes.rows).toEqual([
      { topic: 'Export', note: 'Portfolio values' },
      { topic: 'Periods', note: '2027-01 to 2027-03' },
      { topic: 'Values: money', note: "in JPY, in major units (the API's minor units ÷ 1); the Currency column says so on every row" },
      { topic: 'Values: periods', note: "months: in the workbook the date of the month's first day, shown as mmm yyyy; in CSV YYYY-MM" },
      { topic: 'Values: Planned', note: 'the baseline from stage 3 on' },
    ]);
  });

  it('counts cents for a currency with two digits, EUR when a table names none', () => {
    const [money] = notesTable([], [{ name: 'Ledger', columns: [{ key: 'amount', header: 'Amount', kind: 'money' }], rows: [] }]).rows;
    expect(money.note).toContain("in EUR, in major units (the API's minor units ÷ 100)");
  });
});
