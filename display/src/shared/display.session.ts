/**
 * A display device's session: its token (from ?token= once, or a pairing code), its settings,
 * the center's public config and the area names. Survives a server that is down: it retries.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, createApiClient, type ApiClient } from '@client/api.client';
import type { AreaDto, PublicConfigDto } from '@contract/dto';
import { forgetDeviceToken, saveDeviceToken, takeDeviceToken } from '../../../ui/src/device-token.ts';

export const DISPLAY_TOKEN_KEY = 'hcc.display.token';
const RETRY_MS = 3000;

export interface DisplayInfo {
  id: string;
  name: string;
  settings: Record<string, unknown>;
}

export interface DisplaySession {
  token: string;
  device: DisplayInfo;
  config: PublicConfigDto;
  areas: AreaDto[];
}

export type SessionView =
  | { phase: 'unpaired'; error: string | null }
  | { phase: 'starting'; offline: boolean }
  | { phase: 'ready'; session: DisplaySession };

/** Loads what a display needs; throws ApiError (401/403 = the token is no good). */
export async function loadDisplaySession(api: ApiClient, token: string): Promise<DisplaySession> {
  const [me, config, areas] = await Promise.all([api.me(), api.config(), api.areas()]);
  if (me.kind !== 'device' || !me.device || me.device.kind !== 'display')
    throw new ApiError(403, 'auth.forbidden', 'Mã này không phải của màn hình hiển thị.');
  return {
    token,
    device: { id: me.device.id, name: me.device.name, settings: me.device.settings ?? {} },
    config,
    areas,
  };
}

export const isTokenRejected = (err: unknown) => err instanceof ApiError && (err.status === 401 || err.status === 403);

/** A refused socket handshake may mean a revoked token: look again, but not on every reconnect attempt. */
const RECHECK_MS = 30_000;

export function useDisplaySession(): {
  view: SessionView;
  api: ApiClient;
  pair(code: string): Promise<string | null>;
  reload(): void;
  recheck(): void;
} {
  const [token, setToken] = useState<string | null>(() => takeDeviceToken(DISPLAY_TOKEN_KEY));
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const api = useMemo(() => createApiClient({ getToken: () => tokenRef.current, timeoutMs: 8000 }), []);
  const [view, setView] = useState<SessionView>(() =>
    token ? { phase: 'starting', offline: false } : { phase: 'unpaired', error: null },
  );
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      try {
        const session = await loadDisplaySession(api, token);
        if (!stopped) setView({ phase: 'ready', session });
      } catch (err) {
        if (stopped) return;
        if (isTokenRejected(err)) {
          forgetDeviceToken(DISPLAY_TOKEN_KEY);
          setToken(null);
          setView({
            phase: 'unpaired',
            error:
              err instanceof ApiError && err.status === 403
                ? err.message
                : 'Mã thiết bị không còn hiệu lực. Vui lòng ghép nối lại.',
          });
          return;
        }
        // Server down or restarting: keep what is on screen and try again.
        setView((v) => (v.phase === 'ready' ? v : { phase: 'starting', offline: true }));
        timer = setTimeout(() => void attempt(), RETRY_MS);
      }
    };
    void attempt();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, generation, api]);

  const pair = useCallback(
    async (code: string): Promise<string | null> => {
      try {
        const r = await api.pair(code.trim());
        if (r.device.kind !== 'display') return 'Mã ghép nối này không dành cho màn hình hiển thị.';
        saveDeviceToken(DISPLAY_TOKEN_KEY, r.token);
        setView({ phase: 'starting', offline: false });
        setToken(r.token);
        return null;
      } catch (err) {
        return err instanceof ApiError ? err.message : 'Không ghép nối được. Vui lòng thử lại.';
      }
    },
    [api],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const lastCheck = useRef(0);
  const recheck = useCallback(() => {
    if (Date.now() - lastCheck.current < RECHECK_MS) return;
    lastCheck.current = Date.now();
    reload();
  }, [reload]);
  return { view, api, pair, reload, recheck };
}
