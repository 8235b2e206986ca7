/** One entry of the error catalogue: its HTTP status and the message a person reads (Vietnamese) and its English. */
export interface ErrorEntry {
  status: number;
  vi: string;
  en: string;
}

/** The codes of a table's text, as a type: the first word of every line that does not start with a space. */
type CodesOf<S extends string, Found = never> = S extends `${infer Line}\n${infer Rest}`
  ? CodesOf<Rest, Found | CodeOf<Line>>
  : Found | CodeOf<S>;
type CodeOf<Line extends string> = Line extends ` ${string}` | ''
  ? never
  : Line extends `${infer Code} ${string}`
    ? Code
    : never;

const ROW = /^([a-z]+\.[a-z_]+) ([45]\d\d) (.+) \| (.+)$/;

/**
 * A domain's part of the catalogue, written as the table it is rather than as code: one entry a line,
 * `code status Vietnamese message | English`; a line starting with spaces continues the one above (joined by one
 * space), so no line runs past the page. The codes stay types (`ErrorCode`), read from the text itself.
 */
export function errorTable<const S extends string>(text: S): { readonly [K in CodesOf<S>]: ErrorEntry } {
  const entries: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith(' ') && entries.length > 0) entries[entries.length - 1] += ` ${line.trim()}`;
    else entries.push(line);
  }
  const table: Record<string, ErrorEntry> = {};
  for (const entry of entries) {
    const m = ROW.exec(entry);
    if (!m) throw new Error(`Dòng lỗi sai dạng "mã trạng-thái tiếng Việt | English": ${entry}`);
    const [, code, status, vi, en] = m as unknown as [string, string, string, string, string];
    if (code in table) throw new Error(`Mã lỗi ${code} có hai lần trong bảng.`);
    table[code] = { status: Number(status), vi, en };
  }
  return table as { [K in CodesOf<S>]: ErrorEntry };
}
