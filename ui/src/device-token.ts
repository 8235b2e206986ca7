/**
 * A device screen's token: taken once from `?token=…`, kept in localStorage (survives restarts),
 * and removed from the address bar so it is not left on screen or in history.
 */
export function takeDeviceToken(
  storageKey: string,
  loc: Location = window.location,
  storage: Storage = window.localStorage,
): string | null {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(storageKey, fromUrl);
    params.delete('token');
    const q = params.toString();
    window.history.replaceState(null, '', `${loc.pathname}${q ? `?${q}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return storage.getItem(storageKey);
}

export function saveDeviceToken(storageKey: string, token: string, storage: Storage = window.localStorage): void {
  storage.setItem(storageKey, token);
}

export function forgetDeviceToken(storageKey: string, storage: Storage = window.localStorage): void {
  storage.removeItem(storageKey);
}
