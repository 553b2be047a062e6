// The tables and CSV files of the six sessions in test-fixtures.ts, worked out by hand.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import { EXTRAS, NOW, ROWS } from '../../tests/fixtures/insights';
import { computeInsights } from './aggregate';
import { labelsTable } from './analysis-tables';
import { costliestTable } from './costliest-table';
import { csvFileName, tableToCsv } from './csv';
import { dailyTable } from './day-tables';
import type { Names } from './display-names';
import { groupTable } from './group-tables';
import { prTable } from './pr-table';
import { selectIds } from './select';
import type { TableModel } from './tables';

const insights = computeInsights(ROWS, { now: NOW, extras: EXTRAS, topSeries: 2 });
const people: Record<string, string> = { u1: 'Ann', u2: 'Bob', u3: '=HYPERLINK("x")' };
const names: Names = {
  org: (id) => (id === 'org-a' ? 'Org A' : id),
  user: (id) => (id === null ? 'No user' : (people[id] ?? id)),
};

function values(table: TableModel): (string | number)[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.value));
}

function column(table: TableModel, label: string): number {
  const index = table.columns.findIndex((c) => c.label === label);
  if (index < 0) throw new Error(`no column ${label}`);
  return index;
}

describe('tables', () => {
  it('users, with names, ids, and the sessions behind each count', () => {
    const table = groupTable(insights, 'user', names);
    expect(values(table)).toEqual([
      ['Bob', 'u2', 2, 12, 6, 0.5, 1, 2, 1],
      ['Ann', 'u1', 2, 5, 2.5, 0.5, 1, 3, 1],
      ['=HYPERLINK("x")', 'u3', 1, 3, 3, 0, 0, 1, 1],
      ['No user', '', 1, 0.5, 0.5, 0, 0, 0, 0],
    ]);
    const sessions = column(table, 'Sessions');
    const errors = column(table, 'Errors');
    const merged = column(table, 'PRs merged');
    const ids = (rowIndex: number, col: number) => {
      const select = table.rows[rowIndex]?.cells[col]?.select;
      return select ? selectIds(insights, select) : null;
    };
    expect(ids(0, sessions)).toEqual(['s3', 's4']);
    expect(ids(0, errors)).toEqual(['s4']);
    expect(ids(1, merged)).toEqual(['s1']);
    expect(ids(3, sessions)).toEqual(['s5']);
  });

  it('statuses keep their error rate out of the page (CSV only)', () => {
    const table = groupTable(insights, 'status', names);
    const rate = table.columns.find((c) => c.label === 'Error rate');
    expect(rate?.csvOnly).toBe(true);
    expect(table.rows.map((row) => row.cells[0]?.value)).toEqual(['Finished', 'Error', 'Running']);
  });

  it('per day, with the ACUs of each stacked series', () => {
    const table = dailyTable(insights, 'user', names);
    expect(table.columns.map((c) => c.label)).toEqual([
      'Day',
      'Sessions',
      'ACUs',
      'ACUs: Bob',
      'ACUs: Ann',
      'ACUs: Other',
    ]);
    expect(values(table)).toEqual([
      ['2025-05-01', 1, 4, 0, 4, 0],
      ['2025-05-02', 3, 13, 12, 1, 0],
      ['2025-05-03', 0, 0, 0, 0, 0],
      ['2025-05-04', 2, 3.5, 0, 0, 3.5],
      ['2025-05-05', 0, 0, 0, 0, 0],
    ]);
    const other = table.rows[3]?.cells[5]?.select;
    expect(other && selectIds(insights, other)).toEqual(['s5', 's6']);
  });

  it('issue labels by impact, impacts in their natural order', () => {
    const table = labelsTable(insights);
    expect(table.columns.map((c) => c.label)).toEqual([
      'Label',
      'Sessions',
      'Issues',
      'High',
      'Medium',
      'Low',
    ]);
    expect(values(table)).toEqual([
      ['Flaky tests', 2, 3, 2, 0, 1],
      ['Missing context', 1, 1, 0, 1, 0],
    ]);
    const highFlaky = table.rows[0]?.cells[3]?.select;
    expect(highFlaky && selectIds(insights, highFlaky)).toEqual(['s1', 's5']);
  });

  it('pull requests by host and state, with a row for all hosts', () => {
    const table = prTable(insights);
    expect(table.columns.map((c) => c.label)).toEqual([
      'Host',
      'Provider',
      'Opened',
      'Open',
      'Merged',
      'Closed',
      'Unknown',
      'Merged share',
    ]);
    expect(values(table)).toEqual([
      ['github.com', 'GitHub', 4, 1, 3, 0, 0, 0.75],
      ['dev.azure.com', 'Azure DevOps', 1, 0, 0, 0, 1, 0],
      ['gitlab.com', 'GitLab', 1, 0, 0, 1, 0, 0],
      ['All hosts', '', 6, 1, 3, 1, 1, 0.5],
    ]);
    const allMerged = table.rows[3]?.cells[4]?.select;
    expect(allMerged).toEqual({ prState: 'merged' });
  });

  it('the costliest sessions link to their detail in the list', () => {
    const table = costliestTable(insights, names);
    expect(table.rows[0]?.cells[0]).toMatchObject({
      value: 'Title s3',
      href: 'sessions.html?ids=s3&session=s3',
    });
    expect(values(table).map((row) => row[2])).toEqual([10, 4, 3, 2, 1, 0.5]);
  });
});

describe('tableToCsv', () => {
  it('raw numbers, percentages, ids beside names, formulas defused', () => {
    expect(tableToCsv(groupTable(insights, 'user', names))).toBe(
      [
        '"User","ID","Sessions","ACUs","Median ACUs","Error rate (%)","Errors","PRs opened","PRs merged"',
        '"Bob","u2",2,12,6,50,1,2,1',
        '"Ann","u1",2,5,2.5,50,1,3,1',
        `"'=HYPERLINK(""x"")","u3",1,3,3,0,0,1,1`,
        '"No user","",1,0.5,0.5,0,0,0,0',
        '',
      ].join('\r\n'),
    );
  });

  it('times as ISO', () => {
    const csv = tableToCsv(costliestTable(insights, names));
    expect(csv.split('\r\n')[1]).toBe(
      '"Title s3","s3",10,"Org A","Bob","Finished",2025-05-02T10:00:00.000Z',
    );
  });

  it('names the file after the table and the local day', () => {
    const table = groupTable(insights, 'org', names);
    expect(csvFileName(table, new Date(2025, 4, 6, 10))).toBe(
      'devin-insights-organizations-2025-05-06.csv',
    );
  });

  it('speaks the browser’s language, in the page and the CSV, with ids that do not change', () => {
    useFakeLocale('de');
    try {
      const table = groupTable(insights, 'user', names);
      expect(table.id).toBe('users');
      expect(table.title).toBe('Benutzer');
      expect(table.columns.map((c) => c.short ?? c.label)).toEqual([
        'Benutzer',
        'ID',
        'Sessions',
        'ACUs',
        'Median',
        'Fehlerquote',
        'Fehler',
        'PRs',
        'Gemergt',
      ]);
      expect(table.rows[0]?.cells[5]?.title).toBe('1 von 2 Sessions endeten mit einem Fehler');
      expect(tableToCsv(table).split('\r\n')[0]).toBe(
        '"Benutzer","ID","Sessions","ACUs","Median ACUs","Fehlerquote (%)","Fehler","Geöffnete PRs","Gemergte PRs"',
      );
      const prs = prTable(insights);
      expect(prs.rows.at(-1)?.cells[0]?.value).toBe('Alle Hosts');
      expect(csvFileName(groupTable(insights, 'org', names), new Date(2025, 4, 6, 10))).toBe(
        'devin-insights-organizations-2025-05-06.csv',
      );
    } finally {
      useFakeLocale('en', 'en-US');
    }
  });
});
