import type { AreaDto, DepartmentDto, ProcedureDto, PublicConfigDto, StateDto, TicketDto } from '@contract/dto';
import type { Lang } from './kiosk.i18n.ts';
import type { SearchResult } from './procedure.search.ts';

/**
 * home: departments, the big search and the priority entry on one screen (no "touch to start" step).
 * take: what the citizen chose (an area, or a procedure's card) with the big "Lấy số" button.
 * card: the center wants the ID card before a number (citizenLimits.requireCardAtKiosk): scan it or type the number.
 */
export type Screen = 'home' | 'areas' | 'search' | 'priority' | 'take' | 'card' | 'ticket';
export type Connection = 'connecting' | 'online' | 'offline';
/** `lookup` (device setting `mode: 'lookup'`): a look-up screen that issues no tickets. */
export type KioskMode = 'tickets' | 'lookup';

/** One tap on "take a number": its key is reused by every retry of that same choice, so it never makes two tickets. */
export interface PendingIssue {
  key: string;
  areaId: string;
  procedureId?: string | null;
  priority: boolean;
  priorityGroup: string | null;
}

/** The card the scanner read (its whole QR text) or the ID typed: sent with the next ticket, never shown. */
export type KioskCitizen = { citizenQr: string } | { citizenId: string };

export interface KioskState {
  screen: Screen;
  /** Screens to go back to ("Quay lại" goes back one step); emptied at Home. */
  history: Screen[];
  departmentId: string | null;
  areaId: string | null;
  procedure: ProcedureDto | null;
  /** Set only by the priority entry: everybody else is never asked. */
  priorityGroup: string | null;
  query: string;
  results: SearchResult;
  issuing: boolean;
  pending: PendingIssue | null;
  ticket: TicketDto | null;
  error: string | null;
  /** Forgotten after the ticket, on Home and when idle: the next citizen never inherits it. */
  citizen: KioskCitizen | null;
  config: PublicConfigDto | null;
  departments: DepartmentDto[];
  areas: AreaDto[];
  connection: Connection;
  mode: KioskMode;
  lang: Lang;
  large: boolean;
}

export type KioskAction =
  | { type: 'loaded'; config?: PublicConfigDto; departments?: DepartmentDto[]; areas?: AreaDto[]; mode?: KioskMode }
  | { type: 'snapshot'; state: Pick<StateDto, 'areas'> }
  | { type: 'waiting'; areaId: string; waiting: number }
  | { type: 'connection'; status: Connection }
  | { type: 'department'; departmentId: string }
  | { type: 'area'; areaId: string }
  | { type: 'search' }
  | { type: 'query'; query: string }
  | { type: 'results'; result: SearchResult }
  | { type: 'procedure'; procedure: ProcedureDto }
  | { type: 'priorityEntry' }
  | { type: 'priorityGroup'; group: string }
  | { type: 'lang'; lang: Lang }
  | { type: 'large'; large: boolean }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'issuing'; pending: PendingIssue | null }
  | { type: 'issued'; ticket: TicketDto }
  | { type: 'issueFailed'; message: string; keepPending: boolean; forgetCitizen?: boolean }
  | { type: 'citizen'; citizen: KioskCitizen }
  | { type: 'card' }
  | { type: 'dismissError' };

const noResults = (): SearchResult => ({ query: '', status: 'idle', items: [] });

export function initialKioskState(): KioskState {
  return {
    screen: 'home',
    history: [],
    departmentId: null,
    areaId: null,
    procedure: null,
    priorityGroup: null,
    query: '',
    results: noResults(),
    issuing: false,
    pending: null,
    ticket: null,
    error: null,
    citizen: null,
    config: null,
    departments: [],
    areas: [],
    connection: 'connecting',
    mode: 'tickets',
    lang: 'vi',
    large: false,
  };
}

function go(s: KioskState, screen: Screen, patch: Partial<KioskState> = {}): KioskState {
  return { ...s, ...patch, history: [...s.history, s.screen], screen, error: null };
}

/** A fresh start for the next citizen: nothing of the previous one stays on screen (language and text size too). */
function home(s: KioskState): KioskState {
  return {
    ...initialKioskState(),
    config: s.config,
    departments: s.departments,
    areas: s.areas,
    connection: s.connection,
    mode: s.mode,
  };
}

/** What a screen owned, forgotten when "Quay lại" leaves it. */
function leaving(screen: Screen): Partial<KioskState> {
  switch (screen) {
    case 'take':
      return { procedure: null, areaId: null };
    case 'areas':
      return { departmentId: null };
    case 'search':
      return { query: '', results: noResults() };
    default:
      return {};
  }
}

export function kioskReducer(s: KioskState, a: KioskAction): KioskState {
  switch (a.type) {
    case 'loaded':
      return {
        ...s,
        config: a.config ?? s.config,
        departments: a.departments ?? s.departments,
        areas: a.areas ? [...a.areas].sort((x, y) => x.sort - y.sort || x.name.localeCompare(y.name, 'vi')) : s.areas,
        mode: a.mode ?? s.mode,
      };
    case 'snapshot': {
      const byId = new Map(a.state.areas.map((x) => [x.id, x.waiting]));
      return { ...s, areas: s.areas.map((x) => (byId.has(x.id) ? { ...x, waiting: byId.get(x.id)! } : x)) };
    }
    case 'waiting':
      return { ...s, areas: s.areas.map((x) => (x.id === a.areaId ? { ...x, waiting: a.waiting } : x)) };
    case 'connection':
      return { ...s, connection: a.status };
    case 'department': {
      if (s.issuing) return s;
      const areas = areasOf(s, a.departmentId);
      // One area: nothing to choose, straight to "Lấy số" (2 taps). A closed one is shown greyed on the areas screen.
      const only = areas.length === 1 ? areas[0]! : null;
      if (only && (only.available || s.mode === 'lookup')) {
        const pending = s.pending?.areaId === only.id && !s.pending.procedureId ? s.pending : null;
        return go(s, 'take', { departmentId: a.departmentId, areaId: only.id, procedure: null, pending });
      }
      return go(s, 'areas', { departmentId: a.departmentId });
    }
    case 'area': {
      if (s.issuing) return s;
      const area = s.areas.find((x) => x.id === a.areaId);
      if (!area || (!area.available && s.mode !== 'lookup')) return s;
      // The same choice again (after a lost answer) keeps its key; another choice is another tap.
      const pending = s.pending?.areaId === a.areaId && !s.pending.procedureId ? s.pending : null;
      return go(s, 'take', { areaId: a.areaId, procedure: null, pending });
    }
    case 'search':
      return s.issuing ? s : go(s, 'search', { query: '', results: noResults() });
    case 'query':
      return { ...s, query: a.query };
    case 'results':
      // An answer for what was typed before is stale: the list shows only what is typed now.
      return a.result.query === s.query ? { ...s, results: a.result } : s;
    case 'procedure':
      if (s.issuing) return s;
      return go(s, 'take', {
        procedure: a.procedure,
        areaId: a.procedure.areaId,
        pending: s.pending?.procedureId === a.procedure.id ? s.pending : null,
      });
    case 'priorityEntry':
      return s.issuing || s.mode === 'lookup' ? s : go(s, 'priority');
    case 'priorityGroup':
      // Back to the choices, now marked priority: the group is asked once, before the department or procedure.
      return s.issuing ? s : go(s, 'home', { priorityGroup: a.group });
    case 'lang':
      return { ...s, lang: a.lang };
    case 'large':
      return { ...s, large: a.large };
    case 'back': {
      if (s.issuing) return s;
      if (s.screen === 'ticket') return home(s);
      const prev = s.history[s.history.length - 1];
      if (!prev) return home(s);
      return {
        ...s,
        ...leaving(s.screen),
        ...(prev === 'priority' ? { priorityGroup: null } : {}),
        screen: prev,
        history: s.history.slice(0, -1),
        error: null,
      };
    }
    case 'home':
      return s.issuing ? s : home(s);
    case 'issuing':
      return s.mode === 'lookup' ? s : { ...s, issuing: true, pending: a.pending, error: null };
    case 'issued':
      return {
        ...s,
        issuing: false,
        pending: null,
        ticket: a.ticket,
        error: null,
        citizen: null,
        screen: 'ticket',
        history: [],
      };
    case 'issueFailed':
      return {
        ...s,
        issuing: false,
        error: a.message,
        pending: a.keepPending ? s.pending : null,
        citizen: a.forgetCitizen ? null : s.citizen,
      };
    case 'citizen':
      return { ...s, citizen: a.citizen, error: null };
    case 'card':
      return s.issuing || s.mode === 'lookup' || s.screen === 'card' ? s : go(s, 'card');
    case 'dismissError':
      return { ...s, error: null };
  }
}

/** Departments that have at least one active area, in order. */
export function departmentsWithAreas(s: Pick<KioskState, 'departments' | 'areas'>): DepartmentDto[] {
  const withAreas = new Set(s.areas.filter((a) => a.active).map((a) => a.departmentId));
  return s.departments
    .filter((d) => d.active && withAreas.has(d.id))
    .sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'vi'));
}

export function areasOf(s: Pick<KioskState, 'areas'>, departmentId: string | null): AreaDto[] {
  return s.areas.filter((a) => a.active && a.departmentId === departmentId);
}

/** Whether the screen may take taps: not while a ticket is being issued, nor while the server is unreachable. */
export function canTap(s: Pick<KioskState, 'issuing' | 'connection'>): boolean {
  return !s.issuing && s.connection === 'online';
}

/** The device's own settings as the kiosk reads them (GET /api/auth/me → device.settings). */
export function deviceOptions(settings: Record<string, unknown> | undefined): {
  mode: KioskMode;
  printChecklist: boolean;
} {
  return {
    mode: settings?.mode === 'lookup' ? 'lookup' : 'tickets',
    printChecklist: settings?.printChecklist === true,
  };
}
