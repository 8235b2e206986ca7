/**
 * Settings of the canvas library's own allocator, applied before the library loads (issue 15). @napi-rs/canvas
 * allocates with a mimalloc of its own, not glibc's malloc: the pixels read back for every ticket (getImageData,
 * ~0.85 MB a ticket at 80 mm) live there until a garbage collection frees them. With mimalloc's defaults (freed pages
 * purged 10 ms later, on a later call; its arena on 2 MiB transparent huge pages) 13–18 MiB of it stayed resident
 * after the bench's 200 printed tickets; purged at once and on 4 KiB pages, 4–8 MiB. The cost: ~120 more page faults
 * a ticket (of ~550) when purged pages are used again, ~0.25 ms of CPU against a ~6–7 ms render; not seen in the
 * render's wall time nor in the bench's print latency, whose run-to-run noise is larger.
 * mimalloc reads its options once, when the library is loaded: every module that loads the library imports this one
 * first. A value the operator set in the environment is kept.
 */
export const CANVAS_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MIMALLOC_PURGE_DELAY: '0',
  MIMALLOC_ALLOW_THP: '0',
};

/** Sets the allocator options the environment does not set already. */
export function applyCanvasAllocatorDefaults(env: NodeJS.ProcessEnv): void {
  for (const [k, v] of Object.entries(CANVAS_ALLOCATOR_ENV)) env[k] ??= v;
}

applyCanvasAllocatorDefaults(process.env);
