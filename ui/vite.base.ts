import { defineConfig, type UserConfig } from 'vite';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');

/**
 * The front-ends' import names for the server's contract and typed client and for this shared folder. The same
 * three names are in tsconfig.json `paths` (for tsc) and reach vitest through vitest.config.ts. Only front-end
 * code uses them: the server build (tsc, tsconfig.build.json) does not rewrite such imports, so the server keeps
 * relative ones.
 */
export const FRONT_END_ALIASES = {
  '@contract': resolve(repo, 'server/src/contract'),
  '@client': resolve(repo, 'server/src/client'),
  '@ui': resolve(repo, 'ui/src'),
};

/**
 * One Vite set-up for every screen: served under /<app>/ by the server, built into dist/<app>,
 * Preact JSX, no CDN (fonts come from @fontsource and are bundled).
 */
export function screenConfig(
  app: string,
  pages: Record<string, string> = { index: 'index.html' },
  extra: UserConfig = {},
) {
  const root = resolve(import.meta.dirname, '..', app);
  return defineConfig({
    root,
    base: `/${app}/`,
    publicDir: resolve(root, 'public'),
    build: {
      outDir: resolve(import.meta.dirname, '..', 'dist', app),
      emptyOutDir: true,
      rollupOptions: { input: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, resolve(root, v)])) },
      chunkSizeWarningLimit: 1500,
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { ...FRONT_END_ALIASES, react: 'preact/compat', 'react-dom': 'preact/compat' } },
    server: { proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } } },
    ...extra,
  });
}
