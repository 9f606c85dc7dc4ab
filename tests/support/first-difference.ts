/** Where two long strings part, shown with a little context, for readable failures on big pages. */
export function firstDifference(expected: string, actual: string, context = 60): string | null {
  if (expected === actual) return null;
  let i = 0;
  const n = Math.min(expected.length, actual.length);
  while (i < n && expected.charCodeAt(i) === actual.charCodeAt(i)) i++;
  const from = Math.max(0, i - context);
  const show = (s: string): string => JSON.stringify(s.slice(from, i + context));
  return `first difference at ${i} (lengths ${expected.length} → ${actual.length}): expected …${show(expected)}… got …${show(actual)}…`;
}
