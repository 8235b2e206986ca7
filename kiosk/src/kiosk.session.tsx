import { printInBrowser } from './browser.print.ts';
import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '@client/api.client';
import type { QueueSocket } from '@client/socket.client';
import type { TicketDto } from '@contract/dto';
import { AreasScreen } from './areas.screen.tsx';
import { DepartmentsScreen } from './departments.screen.tsx';
import { isTransient, issueErrorMessage, issueWithRetry, newIdempotencyKey } from './issue.flow.ts';
import { useIdle } from './kiosk.idle.ts';
import { ConnectionBanner, KioskFrame } from './kiosk.layout.tsx';
import { useKioskLive } from './kiosk.live.ts';
import { IssueOverlay } from './kiosk.overlay.tsx';
import {
  areasOf,
  canTap,
  departmentsWithAreas,
  initialKioskState,
  kioskReducer,
  type KioskState,
} from './kiosk.state.ts';
import { PriorityScreen } from './priority.screen.tsx';
import { SearchScreen } from './search.screen.tsx';
import { TicketScreen } from './ticket.screen.tsx';
import { WelcomeScreen } from './welcome.screen.tsx';

export const NOT_A_KIOSK = 'Mã thiết bị này không phải của ki-ốt. Vui lòng nhập mã ghép nối của một ki-ốt.';
export const TOKEN_REFUSED =
  'Ki-ốt chưa được ghép nối hoặc mã thiết bị đã bị thu hồi. Vui lòng nhập mã ghép nối mới do quản trị viên cấp.';

const is401 = (e: unknown) => (e as { status?: number })?.status === 401;

/** A paired kiosk: loads the center's catalogue, stays live over the socket and walks a citizen to a ticket. */
export function KioskSession(p: {
  api: ApiClient;
  connect: () => QueueSocket;
  onUnauthorized: (message: string) => void;
}) {
  const [s, dispatch] = useReducer(kioskReducer, undefined, initialKioskState);
  const [clockOffset, setClockOffset] = useState(0);
  const state = useRef<KioskState>(s);
  state.current = s;
  const busy = useRef(false);
  const printer = useRef<string | null>(null);
  const [printerWarning, setPrinterWarning] = useState<string | null>(null);
  const { api, onUnauthorized } = p;

  const fail = useCallback(
    (e: unknown) => {
      if (is401(e)) onUnauthorized(TOKEN_REFUSED);
    },
    [onUnauthorized],
  );

  const reloadAll = useCallback(async () => {
    try {
      const me = await api.me();
      if (me.kind !== 'device' || me.device?.kind !== 'kiosk') {
        onUnauthorized(NOT_A_KIOSK);
        return;
      }
      printer.current = me.device.printer;
      const [config, departments, areas] = await Promise.all([api.config(), api.departments(), api.areas()]);
      setClockOffset(Date.parse(config.serverTime) - Date.now());
      dispatch({ type: 'loaded', config, departments, areas });
    } catch (e) {
      fail(e);
    } // a network failure is retried by the next (re)connect
  }, [api, fail, onUnauthorized]);

  const reloadAreas = useCallback(async () => {
    try {
      dispatch({ type: 'loaded', areas: await api.areas() });
    } catch (e) {
      fail(e);
    }
  }, [api, fail]);

  useEffect(() => {
    void reloadAll();
  }, [reloadAll]);

  // The printer's state (from the server's DLE EOT probe and the last job), shown on the welcome screen.
  useEffect(() => {
    const check = async () => {
      try {
        const list = await api.request<{ online: boolean | null; paper: string; lastError: string | null }[]>(
          'GET',
          '/printers',
        );
        setPrinterWarning(printerProblem(list[0]));
      } catch {
        /* no printer or offline: the connection banner already says so */
      }
    };
    void check();
    const t = setInterval(() => void check(), 60_000);
    return () => clearInterval(t);
  }, [api]);

  useKioskLive({
    connect: p.connect,
    dispatch,
    reloadAll: () => void reloadAll(),
    reloadAreas: () => void reloadAreas(),
    onRefused: () => {
      api.me().catch(fail);
    },
  });

  const followPrint = useCallback(
    (t: TicketDto) => {
      if (printer.current === 'browser') {
        void printInBrowser(t.id).then((ok) => {
          if (state.current.ticket?.id !== t.id) return;
          const print = ok
            ? { status: 'printed' as const }
            : { status: 'failed' as const, message: 'Không in được phiếu. Số của bạn vẫn hợp lệ.' };
          dispatch({ type: 'issued', ticket: { ...state.current.ticket, print } });
        });
        return;
      }
      // A queued print (print agent) gets its final status within the printer timeout: look once more.
      if (t.print?.status !== 'queued') return;
      setTimeout(async () => {
        try {
          const fresh = await api.ticket(t.id);
          if (fresh.print && state.current.ticket?.id === t.id)
            dispatch({ type: 'issued', ticket: { ...state.current.ticket, print: fresh.print } });
        } catch {
          /* the ticket stays valid; the message already says so */
        }
      }, 4000);
    },
    [api],
  );

  const issue = useCallback(
    async (areaId: string, priority: boolean, priorityGroup: string | null) => {
      // The ref, not the state: two taps in one frame both see the old state.
      if (busy.current || !canTap(state.current)) return;
      busy.current = true;
      const prev = state.current.pending;
      const same = prev && prev.areaId === areaId && prev.priority === priority && prev.priorityGroup === priorityGroup;
      const pending = { key: same ? prev.key : newIdempotencyKey(), areaId, priority, priorityGroup };
      dispatch({ type: 'issuing', pending });
      try {
        const ticket = await issueWithRetry((i) => api.issueTicket(i), {
          areaId,
          priority,
          priorityGroup,
          idempotencyKey: pending.key,
        });
        dispatch({ type: 'issued', ticket });
        followPrint(ticket);
        void reloadAreas();
      } catch (e) {
        if (is401(e)) {
          onUnauthorized(TOKEN_REFUSED);
          return;
        }
        dispatch({ type: 'issueFailed', message: issueErrorMessage(e), keepPending: isTransient(e) });
        if (!isTransient(e)) void reloadAreas(); // e.g. the area just closed: show it greyed
      } finally {
        busy.current = false;
      }
    },
    [api, followPrint, onUnauthorized, reloadAreas],
  );

  const groups = s.config?.priorityGroups ?? [];
  const chooseArea = (areaId: string) => {
    if (!canTap(state.current)) return;
    dispatch({ type: 'area', areaId, withPriorityStep: groups.length > 0 });
    if (groups.length === 0) void issue(areaId, false, null);
  };

  const idleSeconds = s.config?.kioskIdleSeconds || 30;
  useIdle(
    s.screen !== 'welcome' && s.screen !== 'ticket' && !s.issuing,
    idleSeconds,
    () => dispatch({ type: 'home' }),
    s.screen,
  );

  if (!s.config) {
    return (
      <div class="loading" data-screen="loading">
        <ConnectionBanner connection={s.connection} />
        <div class="spinner" aria-hidden="true" />
        <p>Đang khởi động ki-ốt…</p>
      </div>
    );
  }

  const disabled = !canTap(s);
  const home = () => dispatch({ type: 'home' });
  const back = () => dispatch({ type: 'back' });
  const frame = {
    centerName: s.config.centerName,
    timeZone: s.config.timeZone,
    clockOffsetMs: clockOffset,
    connection: s.connection,
    onBack: back,
    onHome: home,
    navDisabled: s.issuing,
  };
  const area = s.areas.find((a) => a.id === s.areaId) ?? null;
  const dept = s.departments.find((d) => d.id === s.departmentId);
  const overlay = (
    <IssueOverlay
      issuing={s.issuing}
      error={s.error}
      canRetry={!!s.pending}
      disabled={disabled}
      onRetry={() => {
        const q = s.pending;
        if (q) void issue(q.areaId, q.priority, q.priorityGroup);
      }}
      onClose={() => dispatch({ type: 'dismissError' })}
    />
  );

  let body;
  switch (s.screen) {
    case 'welcome':
      return (
        <WelcomeScreen
          printerWarning={printerWarning}
          centerName={s.config.centerName}
          timeZone={s.config.timeZone}
          clockOffsetMs={clockOffset}
          notice={s.config.notice}
          connection={s.connection}
          disabled={disabled}
          onStart={() => dispatch({ type: 'start' })}
        />
      );
    case 'departments':
      body = (
        <KioskFrame
          {...frame}
          screen="departments"
          title="Chọn sở, ngành"
          subtitle="Chạm vào cơ quan giải quyết hồ sơ của bạn"
        >
          <DepartmentsScreen
            departments={departmentsWithAreas(s)}
            areas={s.areas}
            disabled={disabled}
            onChoose={(id) => dispatch({ type: 'department', departmentId: id })}
            onSearch={() => dispatch({ type: 'search' })}
          />
        </KioskFrame>
      );
      break;
    case 'areas':
      body = (
        <KioskFrame {...frame} screen="areas" title="Chọn lĩnh vực" subtitle={dept?.name}>
          <AreasScreen areas={areasOf(s, s.departmentId)} disabled={disabled} onChoose={chooseArea} />
        </KioskFrame>
      );
      break;
    case 'search':
      body = (
        <KioskFrame {...frame} screen="search" title="Tìm lĩnh vực" subtitle="Gõ không dấu cũng được">
          <SearchScreen
            areas={s.areas}
            query={s.query}
            disabled={disabled}
            onQuery={(q) => dispatch({ type: 'query', query: q })}
            onChoose={chooseArea}
          />
        </KioskFrame>
      );
      break;
    case 'priority':
      body = (
        <KioskFrame
          {...frame}
          screen="priority"
          title="Đối tượng ưu tiên"
          subtitle="Bạn có thuộc đối tượng được ưu tiên không?"
        >
          <PriorityScreen
            area={area}
            groups={groups}
            disabled={disabled}
            onChoose={(pr, g) => {
              if (s.areaId) void issue(s.areaId, pr, g);
            }}
          />
        </KioskFrame>
      );
      break;
    case 'ticket':
      // The ticket screen carries its own Back / Done (with the countdown) instead of the bottom bar, to keep everything in view.
      body = s.ticket && (
        <KioskFrame {...frame} onBack={undefined} onHome={undefined} screen="ticket">
          <TicketScreen
            ticket={s.ticket}
            timeZone={s.config.timeZone}
            instruction={s.config.ticketInstruction}
            thanks={s.config.ticketThanks}
            autoReturnSeconds={Math.max(idleSeconds, 20)}
            onDone={home}
            onBack={back}
          />
        </KioskFrame>
      );
      break;
  }
  return (
    <>
      {body}
      {overlay}
    </>
  );
}

/** A sentence for the citizen when this kiosk's printer is in trouble; null when it is fine or unknown. */
export function printerProblem(
  st: { online: boolean | null; paper: string; lastError: string | null } | undefined,
): string | null {
  if (!st) return null;
  if (st.paper === 'out') return 'Máy in đã hết giấy. Số thứ tự vẫn được cấp và hiển thị trên màn hình.';
  if (st.online === false) return 'Máy in đang gặp sự cố. Số thứ tự vẫn được cấp và hiển thị trên màn hình.';
  return null;
}
