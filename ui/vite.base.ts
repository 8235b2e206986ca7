import { defineConfig, type UserConfig } from 'vite';
import { resolve } from 'node:path';

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
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
    server: { proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } } },
    ...extra,
  });
}
