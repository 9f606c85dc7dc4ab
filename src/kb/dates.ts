/** ISO dates at year, month or day precision: "2018", "2018-06", "2018-06-12". */
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Sort key that orders "2018" before "2018-06" before "2018-06-12". */
export function dateKey(value: string): string {
  return value.padEnd(10, '-');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-06-12" → "12 Jun 2018", "2018-06" → "Jun 2018", "2018" → "2018". */
export function formatDate(value: string): string {
  const m = ISO.exec(value);
  if (!m) return value;
  const month = m[2] === undefined ? undefined : MONTHS[Number(m[2]) - 1];
  if (month === undefined) return m[1] ?? value;
  return m[3] === undefined ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}
