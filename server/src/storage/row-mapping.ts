/** SQLite stores booleans as 0/1 and JSON as text; these keep that detail in storage/. */
export const bool = (v: unknown): boolean => v === 1 || v === true;
export const json = <T>(v: unknown, fallback: T): T => {
  if (typeof v !== 'string') return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};
export const int = (b: boolean): 0 | 1 => (b ? 1 : 0);
