import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh element of the happy-dom document; effects flushed. For component tests. */
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
