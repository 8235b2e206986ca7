/** Level colors and friendly faces drawn in SVG (no images: the pad runs offline). */

const PALETTES: Record<number, string[]> = {
  2: ['#1b7a3a', '#c62828'],
  3: ['#1b7a3a', '#1a63c7', '#d84315'],
  4: ['#1b7a3a', '#1a63c7', '#c77700', '#c62828'],
  5: ['#1b7a3a', '#43a047', '#c77700', '#e65100', '#c62828'],
};

export function levelColor(index: number, count: number): string {
  const p = PALETTES[count] ?? PALETTES[5]!;
  const i = count <= 1 ? 0 : Math.round((index * (p.length - 1)) / (count - 1));
  return p[Math.min(i, p.length - 1)]!;
}

/** mood 1 = big smile (first level), -1 = frown (last level). */
export function moodOf(index: number, count: number): number {
  // Only the last level frowns; "Hài lòng" (satisfied) still smiles a little.
  if (count <= 1) return 1;
  return index === count - 1 ? -1 : 1 - (1.5 * index) / (count - 1);
}

export function Face({ mood, size = 120 }: { mood: number; size?: number }) {
  const curve = Math.round(mood * 18);
  const mouthY = 68 - curve / 3;
  const eyeY = mood > 0.6 ? 42 : 44;
  return (
    <svg class="face" width={size} height={size} viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill="#fff" opacity="0.95" />
      <circle cx="50" cy="50" r="46" fill="none" stroke="rgba(0,0,0,.12)" stroke-width="2" />
      {mood > 0.6 ? (
        <>
          <path d={`M28 ${eyeY} q6 -8 12 0`} fill="none" stroke="#263238" stroke-width="5" stroke-linecap="round" />
          <path d={`M60 ${eyeY} q6 -8 12 0`} fill="none" stroke="#263238" stroke-width="5" stroke-linecap="round" />
        </>
      ) : (
        <>
          <circle cx="35" cy={eyeY} r="5.5" fill="#263238" />
          <circle cx="65" cy={eyeY} r="5.5" fill="#263238" />
        </>
      )}
      {mood > 0.6 && (
        <>
          <circle cx="24" cy="60" r="6" fill="#ff8a80" opacity=".55" />
          <circle cx="76" cy="60" r="6" fill="#ff8a80" opacity=".55" />
        </>
      )}
      <path
        d={`M30 ${mouthY} Q50 ${mouthY + curve} 70 ${mouthY}`}
        fill={mood > 0.6 ? '#e57373' : 'none'}
        stroke="#263238"
        stroke-width="5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
