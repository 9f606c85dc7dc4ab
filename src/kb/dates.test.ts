import { describe, expect, it } from 'vitest';
import { dateKey, formatDate, isIsoDate } from './dates';

describe('isIsoDate', () => {
  it('accepts year, month and day precision', () => {
    expect(isIsoDate('2018')).toBe(true);
    expect(isIsoDate('2018-06')).toBe(true);
    expect(isIsoDate('2018-06-12')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
  it('rejects impossible or sloppy dates', () => {
    for (const bad of ['2018-13', '2018-00', '2023-02-29', '2018-06-31', '18-06-12', 'June 2018', '2018/06/12', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });
});

describe('dates for display and order', () => {
  it('formats each precision', () => {
    expect(formatDate('2018-06-12')).toBe('12 Jun 2018');
    expect(formatDate('2019-02')).toBe('Feb 2019');
    expect(formatDate('1950')).toBe('1950');
  });
  it('orders coarser dates before finer ones in the same period', () => {
    const sorted = ['2018-06-12', '2018', '2017-12-31', '2018-06'].sort((a, b) => dateKey(a).localeCompare(dateKey(b)));
    expect(sorted).toEqual(['2017-12-31', '2018', '2018-06', '2018-06-12']);
  });
});
