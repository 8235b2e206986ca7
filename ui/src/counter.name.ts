/**
 * Counter names often repeat the number ("Quầy 1 – Tư pháp"). Every screen that prints "Quầy N" beside the name
 * keeps only the part after the number, so nothing reads "Quầy 1 – Quầy 1 – Tư pháp".
 */
export function counterShortName(c: { number: number; name: string }): string {
  const short = c.name.replace(new RegExp(`^\\s*Quầy\\s*(số\\s*)?${c.number}\\s*[–—:-]?\\s*`, 'iu'), '').trim();
  return short || c.name;
}

/** "Quầy 1 – Tư pháp" ("Quầy 1" when the name says nothing more): the one way to label a counter in a list. */
export function counterListName(c: { number: number; name: string }, dash = '–'): string {
  const short = counterShortName(c);
  return short === `Quầy ${c.number}` ? short : `Quầy ${c.number} ${dash} ${short}`;
}
