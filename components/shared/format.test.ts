import { describe, expect, it } from 'vitest';
import { formatAcus, formatBytes, formatDuration, formatRelative } from './format';

describe('formatting', () => {
  const now = Date.UTC(2025, 4, 20, 12);
  it('writes short relative times', () => {
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5m ago');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3h ago');
    expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2d ago');
    expect(formatRelative(Date.UTC(2025, 2, 4, 12), now)).toBe('Mar 4');
    expect(formatRelative(Date.UTC(2023, 2, 4, 12), now)).toBe('Mar 4, 2023');
  });

  it('writes ACUs to two decimals and sizes in binary units', () => {
    expect(formatAcus(1234.567)).toBe('1,234.57');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});

describe('formatDuration', () => {
  it('says a length of time in its two largest units', () => {
    expect(formatDuration(40_000)).toBe('40s');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12m');
    expect(formatDuration(2 * 3_600_000 + 14 * 60_000)).toBe('2h 14m');
    expect(formatDuration(3 * 3_600_000)).toBe('3h');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe('3d 4h');
    expect(formatDuration(-5_000)).toBe('0s');
  });
});
