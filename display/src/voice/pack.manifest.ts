/**
 * The voice pack manifest (`/voice/<pack>/manifest.json`):
 * {"name": "default", "language": "vi-VN", "clips": {"chime": {"file": "chime.wav", "durationMs": 1300}, …}}
 */

export interface PackClip {
  /** Path relative to the pack folder, e.g. "nam.wav". */
  file: string;
  durationMs: number;
}

export interface PackManifest {
  name: string;
  language: string;
  clips: Record<string, PackClip>;
}

// A file name stays inside its pack folder: no absolute paths, no "..", no URLs.
const SAFE_FILE = /^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
const CLIP_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Validates a parsed manifest; throws an Error naming the first problem. Bad clips are reported, not kept. */
export function parseManifest(json: unknown): { manifest: PackManifest; problems: string[] } {
  if (typeof json !== 'object' || json === null) throw new Error('manifest: not a JSON object');
  const o = json as Record<string, unknown>;
  if (typeof o.name !== 'string' || o.name === '') throw new Error('manifest: "name" must be a non-empty string');
  if (typeof o.clips !== 'object' || o.clips === null || Array.isArray(o.clips)) {
    throw new Error('manifest: "clips" must be an object {name: {file, durationMs}}');
  }
  const problems: string[] = [];
  const clips: Record<string, PackClip> = {};
  for (const [name, value] of Object.entries(o.clips as Record<string, unknown>)) {
    const c = value as Partial<PackClip> | null;
    if (!CLIP_NAME.test(name)) problems.push(`clip "${name}": name must be lower-case ASCII words joined by "-"`);
    else if (typeof c?.file !== 'string' || !SAFE_FILE.test(c.file))
      problems.push(`clip "${name}": "file" must be a relative file name`);
    else if (typeof c.durationMs !== 'number' || !(c.durationMs >= 0))
      problems.push(`clip "${name}": "durationMs" must be a number`);
    else clips[name] = { file: c.file, durationMs: c.durationMs };
  }
  const language = typeof o.language === 'string' ? o.language : 'vi-VN';
  return { manifest: { name: o.name, language, clips }, problems };
}

/** Clip names in `required` that the manifest lacks. */
export function missingClips(manifest: PackManifest, required: readonly string[]): string[] {
  return required.filter((n) => !(n in manifest.clips));
}
