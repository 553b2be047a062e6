import { describe, expect, it } from 'vitest';
import { makeSession } from '../../tests/fixtures/sessions';
import { toSessionRow } from '../db';
import { CSV_COLUMNS, type CsvRow, csvText, guardFormula, toCsv } from './csv';

/** A strict RFC 4180 reader, to check that what toCsv writes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i += 1;
      } else {
        field += char;
        i += 1;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (char === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (char === '\n' || char === '\r' || char === '"') {
      throw new Error(`Unquoted ${JSON.stringify(char)} at ${i}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('The last line has no CRLF');
  return records;
}

function row(overrides: Partial<CsvRow> = {}): CsvRow {
  return { ...toSessionRow(makeSession()), ...overrides };
}

describe('toCsv', () => {
  it('writes the header and one line per session with the list fields', () => {
    const [header, line, ...rest] = parseCsv(toCsv([row()]));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rest).toEqual([]);
    expect(line).toEqual([
      'devin-0001',
      'Fix flaky test',
      'exit',
      'org-platform',
      'user-ada',
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T11:30:00.000Z',
      '2.75',
      'infra;ci',
      'https://github.com/acme/web/pull/12',
      'https://app.devin.ai/sessions/devin-0001',
    ]);
  });

  it('ends every line with CRLF, the header included', () => {
    const text = toCsv([row()]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('quotes commas, quotes and line breaks, and they read back unchanged', () => {
    const title = 'Fix "the" build, then\r\nrelease\nnow';
    const [, line] = parseCsv(toCsv([row({ title, tags: ['a,b', 'c"d'] })]));
    expect(line?.[1]).toBe(title);
    expect(line?.[8]).toBe('a,b;c"d');
    expect(toCsv([row({ title: 'say "hi"' })])).toContain('"say ""hi"""');
  });

  it('joins several pull request URLs with a space', () => {
    const pull_requests = [
      { url: 'https://github.com/a/b/pull/1', state: 'open' },
      { url: 'https://gitlab.com/g/p/-/merge_requests/2', state: null },
    ];
    const [, line] = parseCsv(toCsv([row({ pull_requests })]));
    expect(line?.[9]).toBe(
      'https://github.com/a/b/pull/1 https://gitlab.com/g/p/-/merge_requests/2',
    );
  });

  it('leaves missing title and user empty', () => {
    const [, line] = parseCsv(toCsv([row({ title: null, user_id: null })]));
    expect(line?.[1]).toBe('');
    expect(line?.[4]).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")'],
    ['+1+2'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\tcmd'],
  ])('neutralizes a formula in text: %j', (title) => {
    const [, line] = parseCsv(toCsv([row({ title, tags: [title] })]));
    expect(line?.[1]).toBe(`'${title}`);
    expect(line?.[8]).toBe(`'${title}`);
  });

  it.each([['  =1+2'], ['\u3000=1+2'], ['＝1+2'], ['＋1'], ['－1'], ['＠SUM(A1)'], ['\r=1']])(
    'neutralizes a formula after spaces or in full-width form: %j',
    (title) => {
      const [, line] = parseCsv(toCsv([row({ title })]));
      expect(line?.[1]).toBe(`'${title}`);
    },
  );

  it('checks each tag on its own, and quotes every text field so `;` cannot split it', () => {
    const text = toCsv([row({ title: 'a;b', tags: ['a', '=1+2'] })]);
    const [, line] = parseCsv(text);
    expect(line?.[8]).toBe("a;'=1+2");
    expect(text).toContain('"a;b"');
    expect(text).toContain('"a;\'=1+2"');
    const pull_requests = [
      { url: 'https://x.example/pull/1', state: null },
      { url: '=cmd', state: null },
    ];
    expect(parseCsv(toCsv([row({ pull_requests })]))[1]?.[9]).toBe(
      "https://x.example/pull/1 '=cmd",
    );
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(guardFormula('Fix the = sign')).toBe('Fix the = sign');
    expect(guardFormula('')).toBe('');
    expect(csvText('plain')).toBe('"plain"');
    const [, line] = parseCsv(toCsv([row({ acus_consumed: 0 })]));
    expect(line?.[7]).toBe('0');
  });

  it('lists sessions newest first', () => {
    const older = row({ session_id: 'old', created_at: Date.UTC(2026, 0, 1) });
    const newer = row({ session_id: 'new', created_at: Date.UTC(2026, 1, 1) });
    const ids = parseCsv(toCsv([older, newer]))
      .slice(1)
      .map((cells) => cells[0]);
    expect(ids).toEqual(['new', 'old']);
  });

  it('is just the header for an empty cache', () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
