import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { createApiClient } from '@client/api.client';
import { connectQueueSocket } from '@client/socket.client';
import { forgetDeviceToken, saveDeviceToken } from '../../ui/src/device-token.ts';
import { KioskSession, NOT_A_KIOSK } from './kiosk.session.tsx';
import { PairingScreen } from './pairing.screen.tsx';

export const TOKEN_KEY = 'hcc.kiosk.token';

/** Pairing, or the paired kiosk. A refused token sends the screen back to pairing with a message saying why. */
export function KioskApp(p: { initialToken: string | null; storage: Storage }) {
  const [token, setToken] = useState(p.initialToken);
  const [message, setMessage] = useState<string | null>(null);
  const [pairing, setPairing] = useState({ busy: false, error: null as string | null });
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const api = useMemo(() => createApiClient({ getToken: () => tokenRef.current, timeoutMs: 8000 }), []);

  const unpair = useCallback(
    (why: string) => {
      forgetDeviceToken(TOKEN_KEY, p.storage);
      tokenRef.current = null;
      setToken(null);
      setMessage(why);
    },
    [p.storage],
  );

  const pair = async (code: string) => {
    setPairing({ busy: true, error: null });
    try {
      const res = await api.pair(code);
      if (res.device.kind !== 'kiosk') {
        setPairing({
          busy: false,
          error: `${NOT_A_KIOSK} (Thiết bị «${res.device.name}» thuộc loại ${res.device.kind}.)`,
        });
        return;
      }
      saveDeviceToken(TOKEN_KEY, res.token, p.storage);
      setMessage(null);
      setPairing({ busy: false, error: null });
      setToken(res.token);
    } catch (e) {
      setPairing({ busy: false, error: (e as Error).message || 'Không ghép nối được. Vui lòng thử lại.' });
    }
  };

  if (!token)
    return <PairingScreen message={message} busy={pairing.busy} error={pairing.error} onPair={(c) => void pair(c)} />;
  return (
    <KioskSession
      key={token}
      api={api}
      connect={() => connectQueueSocket({ auth: () => ({ token: tokenRef.current ?? '' }) })}
      onUnauthorized={unpair}
    />
  );
}
