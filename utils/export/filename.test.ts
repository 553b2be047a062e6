import { describe, expect, it } from 'vitest';
import { exportFileName } from './filename';

describe('exportFileName', () => {
  it('names the file after the local date', () => {
    expect(exportFileName('json', new Date(2026, 4, 7, 23, 59))).toBe(
      'devin-sessions-2026-05-07.json',
    );
    expect(exportFileName('csv', new Date(2026, 11, 31))).toBe('devin-sessions-2026-12-31.csv');
  });
});
