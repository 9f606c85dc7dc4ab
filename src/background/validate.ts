/** Payload checks for the worker's handlers. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= 120 && ID.test(v);
export const isIdList = (v: unknown, max: number): v is string[] => Array.isArray(v) && v.length <= max && v.every(isId);
export const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
