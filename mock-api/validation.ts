// Query-parameter parsing that reproduces what FastAPI + pydantic v2 (lax mode) accept and the
// exact 422 entries they produce, so a client tested against the mock handles the real thing.
// Errors are collected, not thrown: FastAPI reports every invalid parameter at once, in
// declaration order.

import type { ValidationErrorItem } from './types';

export interface IntSpec {
  default: number;
  ge?: number;
  le?: number;
}

/** Starlette keeps the last value when a scalar parameter is repeated. */
function lastValue(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  return all.length > 0 ? (all[all.length - 1] ?? null) : null;
}

/** pydantic's str -> int: surrounding whitespace, a sign, `_` separators and a `.000` tail are fine. */
export function parseIntString(raw: string): number | null {
  let text = raw.trim();
  const dot = text.indexOf('.');
  if (dot >= 0 && /^0*$/.test(text.slice(dot + 1))) text = text.slice(0, dot);
  if (!/^[+-]?\d+(_\d+)*$/.test(text)) return null;
  const value = Number(text.replaceAll('_', ''));
  return Number.isFinite(value) ? value : null;
}

export function readInt(
  params: URLSearchParams,
  name: string,
  spec: IntSpec,
  errors: ValidationErrorItem[],
): number {
  const raw = lastValue(params, name);
  if (raw === null) return spec.default;
  const loc = ['query', name];
  if (raw.length > 4300) {
    errors.push({
      type: 'int_parsing_size',
      loc,
      msg: 'Unable to parse input string as an integer, exceeded maximum size',
      input: raw,
    });
    return spec.default;
  }
  const value = parseIntString(raw);
  if (value === null) {
    errors.push({
      type: 'int_parsing',
      loc,
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: raw,
    });
    return spec.default;
  }
  if (spec.ge !== undefined && value < spec.ge) {
    errors.push({
      type: 'greater_than_equal',
      loc,
      msg: `Input should be greater than or equal to ${spec.ge}`,
      input: raw,
      ctx: { ge: spec.ge },
    });
    return spec.default;
  }
  if (spec.le !== undefined && value > spec.le) {
    errors.push({
      type: 'less_than_equal',
      loc,
      msg: `Input should be less than or equal to ${spec.le}`,
      input: raw,
      ctx: { le: spec.le },
    });
    return spec.default;
  }
  return value;
}

export function readString(params: URLSearchParams, name: string): string | null {
  return lastValue(params, name);
}

/** `list[str] | None` query parameters: repeated keys (`?ids=a&ids=b`); absent means no filter. */
export function readList(params: URLSearchParams, name: string): string[] | null {
  const all = params.getAll(name);
  return all.length > 0 ? all : null;
}

/** `datetime | None`: returns epoch milliseconds (fractional, microsecond precision) or null. */
export function readDateTime(
  params: URLSearchParams,
  name: string,
  errors: ValidationErrorItem[],
): number | null {
  const raw = lastValue(params, name);
  if (raw === null) return null;
  const parsed = parseDateTime(raw);
  if (typeof parsed === 'number') return parsed;
  errors.push({
    type: 'datetime_from_date_parsing',
    loc: ['query', name],
    msg: `Input should be a valid datetime or date, ${parsed.error}`,
    input: raw,
    ctx: { error: parsed.error },
  });
  return null;
}

// ---------------------------------------------------------------------------------------------
// Datetime parsing after speedate (pydantic-core's parser). In lax mode pydantic first tries a full
// datetime (RFC 3339-ish, or a Unix timestamp given as a number), then falls back to a plain date
// (midnight); when both fail it reports the *date* parser's error as `datetime_from_date_parsing`.
// Naive values are taken as UTC, the way the server would compare them against UTC timestamps.

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt_ ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** speedate: timestamps above this magnitude are milliseconds, below it seconds. */
const MS_WATERSHED = 20_000_000_000;
const MAX_EPOCH_MS = 8.64e15;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function utcMs(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, m, s, 0);
  return d.getTime();
}

/** speedate's date parser: the error text for a string that is not exactly `YYYY-MM-DD`, or null. */
function dateParseError(text: string): string | null {
  const b = Buffer.from(text, 'utf8');
  const isDigit = (i: number) => {
    const c = b[i];
    return c !== undefined && c >= 0x30 && c <= 0x39;
  };
  if (b.length < 10) return 'input is too short';
  if (!(isDigit(0) && isDigit(1) && isDigit(2) && isDigit(3))) return 'invalid character in year';
  if (b[4] !== 0x2d) return 'invalid date separator, expected `-`';
  if (!(isDigit(5) && isDigit(6))) return 'invalid character in month';
  if (b[7] !== 0x2d) return 'invalid date separator, expected `-`';
  if (!(isDigit(8) && isDigit(9))) return 'invalid character in day';
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12) return 'month value is outside expected range of 1-12';
  if (day < 1 || day > daysInMonth(year, month)) return 'day value is outside expected range';
  if (b.length > 10) return 'unexpected extra characters at the end of the input';
  return null;
}

function parseFullDateTime(text: string): number | null {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, frac, zulu, sign, ohs, oms] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  // pydantic truncates fractions beyond microseconds.
  const micros = frac === undefined ? 0 : Number(frac.slice(0, 6).padEnd(6, '0'));
  let offsetMinutes = 0;
  if (zulu === undefined && sign !== undefined) {
    const oh = Number(ohs);
    const om = oms === undefined ? 0 : Number(oms);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return utcMs(year, month, day, hour, minute, second) + micros / 1000 - offsetMinutes * 60_000;
}

/** Epoch ms, or the error text pydantic would put in `ctx.error`. */
export function parseDateTime(text: string): number | { error: string } {
  const full = parseFullDateTime(text);
  if (full !== null) return full;
  if (NUMBER_RE.test(text)) {
    const n = Number(text);
    const ms = Math.abs(n) > MS_WATERSHED ? n : n * 1000;
    if (Math.abs(ms) <= MAX_EPOCH_MS) return ms;
  }
  const dateError = dateParseError(text);
  if (dateError === null) {
    return utcMs(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  }
  return { error: dateError };
}
