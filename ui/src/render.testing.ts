import { render, type ComponentChild } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { act } from 'preact/test-utils';

/**
 * The one render helper of the component tests (happy-dom): renders into a fresh element of the document with
 * effects flushed, and hands back the queries and gestures the tests use.
 */
export function mount(vnode: ComponentChild) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    render(vnode, root);
  });
  return {
    root,
    $: <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel),
    $$: <T extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<T>(sel)],
    text: () => root.textContent ?? '',
    click(sel: string | Element) {
      const el = typeof sel === 'string' ? root.querySelector<HTMLElement>(sel) : (sel as HTMLElement);
      if (!el) throw new Error(`no element ${String(sel)}`);
      act(() => {
        el.click();
      });
    },
    rerender(next: ComponentChild) {
      act(() => {
        render(next, root);
      });
    },
    unmount() {
      act(() => {
        render(null, root);
      });
      root.remove();
    },
  };
}

/** Lets pending fetches, timers of a few ms and the renders they cause finish (async screens). */
export const settle = (rounds = 4) =>
  act(async () => {
    for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 5));
  });

/** Renders a screen that loads on mount into `host` (the test's own element) inside an async act, then settles. */
export async function renderSettled(vnode: ComponentChild, host: Element) {
  await act(async () => {
    render(vnode, host);
  });
  await settle();
}

/** `mount` for a screen that loads on mount: renders inside an async act, then settles. */
export async function mountSettled(vnode: ComponentChild) {
  let view: ReturnType<typeof mount> | undefined;
  await act(async () => {
    view = mount(vnode);
  });
  await settle();
  return view!;
}

/**
 * A fresh element in the document for each test of the file, emptied and removed after it:
 * `let host: HTMLElement; withTestHost((h) => (host = h));`
 */
export function withTestHost(set: (host: HTMLElement) => void): void {
  let host: HTMLElement | null = null;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.appendChild(host);
    set(host);
  });
  afterEach(() => {
    if (!host) return;
    render(null, host);
    host.remove();
    host = null;
  });
}
