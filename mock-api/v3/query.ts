// The v3 query parameters beyond paging: Unix-second instants and booleans, parsed the way
// pydantic (lax mode) parses them, with its 422 entries. Absent means "no filter".

import type { ValidationErrorItem } from '../types';
import { readInt, readString } from '../validation';

/** An integer number of Unix seconds, or null when absent. */
export function readUnixSeconds(
  query: URLSearchParams,
  name: string,
  errors: ValidationErrorItem[],
): number | null {
  return query.has(name) ? readInt(query, name, { default: 0 }, errors) : null;
}

const TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** pydantic's str -> bool, or null when absent. */
export function readBool(
  query: URLSearchParams,
  name: string,
  errors: ValidationErrorItem[],
): boolean | null {
  const raw = readString(query, name);
  if (raw === null) return null;
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  errors.push({
    type: 'bool_parsing',
    loc: ['query', name],
    msg: 'Input should be a valid boolean, unable to interpret input',
    input: raw,
  });
  return null;
}
