import type { AreaDto } from '@contract/dto';

/**
 * Vietnamese typed on an A–Z keyboard has no diacritics: compare without them.
 * NFD splits "ấ" into "a" + marks; đ/Đ is its own letter (no decomposition), so map it by hand.
 */
export function normalizeVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Areas matching every typed word (as the start of a word of the area, its department or its code), best first. */
export function searchAreas(areas: readonly AreaDto[], query: string): AreaDto[] {
  const words = normalizeVi(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const scored: { area: AreaDto; score: number }[] = [];
  for (const area of areas) {
    const name = normalizeVi(area.name);
    const nameWords = name.split(' ');
    const otherWords = normalizeVi(`${area.departmentName} ${area.code}`).split(' ');
    let score = 0;
    let all = true;
    for (const w of words) {
      if (nameWords.some((x) => x.startsWith(w))) score += 2;
      else if (otherWords.some((x) => x.startsWith(w))) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (!all) continue;
    if (name.startsWith(words.join(' '))) score += 5; // the name itself begins with what was typed
    scored.push({ area, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.area.sort - b.area.sort || a.area.name.localeCompare(b.area.name, 'vi'))
    .map((s) => s.area);
}
