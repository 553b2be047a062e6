import { describe, expect, it } from 'vitest';
import type { ValidationErrorItem } from './types';
import { parseDateTime, parseIntString, readDateTime, readInt, readList } from './validation';

describe('parseDateTime (pydantic v2 lax datetime)', () => {
  it.each([
    ['2025-01-02T03:04:05Z', Date.UTC(2025, 0, 2, 3, 4, 5)],
    ['2025-01-02T03:04:05.123Z', Date.UTC(2025, 0, 2, 3, 4, 5, 123)],
    ['2025-01-02T03:04:05.123456+00:00', Date.UTC(2025, 0, 2, 3, 4, 5, 123) + 0.456],
    ['2025-01-02T03:04:05+02:00', Date.UTC(2025, 0, 2, 1, 4, 5)],
    ['2025-01-02 03:04', Date.UTC(2025, 0, 2, 3, 4)],
    ['2025-01-02T03:04:05', Date.UTC(2025, 0, 2, 3, 4, 5)],
    ['2025-01-02', Date.UTC(2025, 0, 2)],
    ['1700000000', 1_700_000_000_000],
    ['1700000000000', 1_700_000_000_000],
  ])('accepts %s', (input, expected) => {
    expect(parseDateTime(input)).toBeCloseTo(expected, 6);
  });

  it.each([
    ['not-a-date', 'invalid character in year'],
    ['abc', 'input is too short'],
    ['', 'input is too short'],
    ['2025/01/02', 'invalid date separator, expected `-`'],
    ['2025-13-01', 'month value is outside expected range of 1-12'],
    ['2025-02-30', 'day value is outside expected range'],
    ['2025-01-02T25:00:00Z', 'unexpected extra characters at the end of the input'],
    ['2025-01-02Tnoon', 'unexpected extra characters at the end of the input'],
  ])('rejects %s with the date parser error', (input, error) => {
    expect(parseDateTime(input)).toEqual({ error });
  });
});

describe('query readers', () => {
  it('parses integers like pydantic', () => {
    expect(parseIntString(' 42 ')).toBe(42);
    expect(parseIntString('1_000')).toBe(1000);
    expect(parseIntString('5.00')).toBe(5);
    expect(parseIntString('5.5')).toBeNull();
    expect(parseIntString('abc')).toBeNull();
    expect(parseIntString('')).toBeNull();
  });

  it('reports every error in FastAPI shape, the last repeated value wins', () => {
    const errors: ValidationErrorItem[] = [];
    const q = new URLSearchParams('limit=5&limit=300&skip=x&created_date_from=nope');
    readInt(q, 'skip', { default: 0, ge: 0 }, errors);
    readInt(q, 'limit', { default: 100, ge: 1, le: 200 }, errors);
    readDateTime(q, 'created_date_from', errors);
    expect(errors).toEqual([
      {
        type: 'int_parsing',
        loc: ['query', 'skip'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
      {
        type: 'less_than_equal',
        loc: ['query', 'limit'],
        msg: 'Input should be less than or equal to 200',
        input: '300',
        ctx: { le: 200 },
      },
      {
        type: 'datetime_from_date_parsing',
        loc: ['query', 'created_date_from'],
        msg: 'Input should be a valid datetime or date, input is too short',
        input: 'nope',
        ctx: { error: 'input is too short' },
      },
    ]);
  });

  it('reads repeated keys as lists', () => {
    expect(readList(new URLSearchParams('user_ids=a&user_ids=b'), 'user_ids')).toEqual(['a', 'b']);
    expect(readList(new URLSearchParams(''), 'user_ids')).toBeNull();
  });
});
