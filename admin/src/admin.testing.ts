type Handler = (body: unknown, url: string) => [number, unknown] | unknown;

/** A fetch that answers "METHOD /api/path" (query ignored) from a table; unknown routes are 404 request.not_found. */
export function fakeFetch(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const f = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const h = routes[`${method} ${path}`];
    if (!h)
      return new Response(
        JSON.stringify({ error: { code: 'request.not_found', message: 'Không tìm thấy địa chỉ yêu cầu.' } }),
        { status: 404 },
      );
    const out = h(body, url);
    const [status, json] =
      Array.isArray(out) && typeof out[0] === 'number' && out.length === 2 ? (out as [number, unknown]) : [200, out];
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: f as typeof fetch, calls };
}

export { settle } from '@ui/render.testing';

export function type(host: HTMLElement, selector: string, value: string) {
  const el = host.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null;
  if (!el) throw new Error(`no ${selector}`);
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}

export function clickText(host: HTMLElement, text: string) {
  const el = [...host.querySelectorAll('button, a')].find((b) => b.textContent?.trim() === text) as
    HTMLElement | undefined;
  if (!el) throw new Error(`no button «${text}»`);
  el.click();
}

export function submit(form: Element | null) {
  form!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
}

export function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => {
      m.delete(k);
    },
    setItem: (k, v) => {
      m.set(k, v);
    },
  };
}
