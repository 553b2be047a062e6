import { afterEach, describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import {
  formatAcus,
  formatBytes,
  formatCount,
  formatDate,
  formatDuration,
  formatRelative,
} from './index';

afterEach(() => useFakeLocale('en', 'en-US'));

const now = Date.UTC(2025, 4, 20, 12);

describe('formatting in English', () => {
  it('writes short relative times', () => {
    expect(formatRelative(now - 10_000, now)).toBe('Just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5m ago');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3h ago');
    expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2d ago');
    expect(formatRelative(Date.UTC(2025, 2, 4, 12), now)).toBe('Mar 4');
    expect(formatRelative(Date.UTC(2023, 2, 4, 12), now)).toBe('Mar 4, 2023');
  });

  it('writes counts, ACUs to two decimals and sizes in binary units', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatAcus(1234.567)).toBe('1,234.57');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it('says a length of time in its two largest units', () => {
    expect(formatDuration(40_000)).toBe('40s');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12m');
    expect(formatDuration(2 * 3_600_000 + 14 * 60_000)).toBe('2h 14m');
    expect(formatDuration(3 * 3_600_000)).toBe('3h');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe('3d 4h');
    expect(formatDuration(-5_000)).toBe('0s');
  });
});

describe('formatting in the browser’s language', () => {
  it('writes numbers the German way in a German browser', () => {
    useFakeLocale('de');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatAcus(1234.567)).toBe('1.234,57');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3,5 MB');
  });

  it('writes dates, relative times and durations in German', () => {
    useFakeLocale('de');
    expect(formatRelative(now - 10_000, now)).toBe('Gerade eben');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('vor 5 Min.');
    expect(formatDate(Date.UTC(2025, 2, 4, 12))).toBe('04.03.2025');
    expect(formatDuration(2 * 3_600_000 + 14 * 60_000)).toBe('2 Std. 14 Min.');
  });

  it('writes Chinese durations without a space between the units', () => {
    useFakeLocale('zh_CN');
    expect(formatDuration(2 * 3_600_000 + 14 * 60_000)).toBe('2小时14分钟');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5分钟前');
  });
});

describe('formatter cost', () => {
  it('builds each formatter once, not once per value', () => {
    useFakeLocale('fr');
    const Original = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        built += 1;
      }
    } as typeof Intl.NumberFormat;
    try {
      for (let i = 0; i < 10_000; i += 1) {
        formatCount(i);
        formatAcus(i / 3);
      }
    } finally {
      Intl.NumberFormat = Original;
    }
    expect(built).toBe(2);
  });
});
