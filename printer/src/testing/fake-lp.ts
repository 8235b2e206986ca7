import { chmodSync, mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fake CUPS `lp` / `lpstat` in a temp dir, to put first on PATH. Modes:
 * ok (stdin → out.bin), fail (queue does not exist, exit 1), stall (never returns).
 */
export type FakeLpMode = 'ok' | 'fail' | 'stall';

export interface FakeLp {
  dir: string;
  outFile: string;
  argsFile: string;
  /** process.env with the fake dir first on PATH */
  env: NodeJS.ProcessEnv;
  received(): Buffer | null;
  args(): string[];
  cleanup(): void;
}

export function createFakeLp(mode: FakeLpMode = 'ok', queue = 'KIOSK'): FakeLp {
  const dir = mkdtempSync(join(tmpdir(), 'fake-lp-'));
  const outFile = join(dir, 'out.bin');
  const argsFile = join(dir, 'args.txt');
  const lp = `#!/bin/sh
printf '%s\\n' "$@" > '${argsFile}'
case '${mode}' in
  fail) cat > /dev/null; echo 'lp: The printer or class does not exist.' >&2; exit 1 ;;
  stall) exec sleep 30 ;;
esac
cat > '${outFile}.part' && mv '${outFile}.part' '${outFile}'
echo "request id is ${queue}-1 (1 file(s))"
`;
  const lpstat = `#!/bin/sh
case '${mode}' in
  fail) echo 'lpstat: Invalid destination name in list "${queue}".' >&2; exit 1 ;;
  stall) exec sleep 30 ;;
esac
echo 'printer ${queue} is idle.  enabled since Thu 26 Nov 2026 08:00:00 AM +07'
`;
  writeFileSync(join(dir, 'lp'), lp);
  writeFileSync(join(dir, 'lpstat'), lpstat);
  chmodSync(join(dir, 'lp'), 0o755);
  chmodSync(join(dir, 'lpstat'), 0o755);
  return {
    dir,
    outFile,
    argsFile,
    env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    received: () => (existsSync(outFile) ? readFileSync(outFile) : null),
    args: () => (existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split('\n') : []),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
