import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The demo catalogue's codes are national TTHC codes (sources in demo-procedures.md), not stand-ins. */
const demo = JSON.parse(readFileSync(new URL('./demo-procedures.json', import.meta.url), 'utf8')) as {
  code: string;
  areaCode: string;
}[];

describe('demo-procedures.json codes', () => {
  it('are national codes (1., 2. or 3. and six digits), none of them a 1.99AANN placeholder', () => {
    expect(demo.filter((p) => !/^[123]\.\d{6}$/.test(p.code)).map((p) => p.code)).toEqual([]);
    expect(demo.filter((p) => p.code.startsWith('1.99')).map((p) => p.code)).toEqual([]);
  });

  it('are unique', () => {
    const seen = new Set<string>();
    const twice = demo.filter((p) => seen.size === seen.add(p.code).size).map((p) => p.code);
    expect(twice).toEqual([]);
  });
});
