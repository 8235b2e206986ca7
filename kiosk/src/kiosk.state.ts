import type { AreaDto, DepartmentDto, PublicConfigDto, StateDto, TicketDto } from '@contract/dto';

export type Screen = 'welcome' | 'departments' | 'areas' | 'search' | 'priority' | 'ticket';
export type Connection = 'connecting' | 'online' | 'offline';

/** One tap on "take a number": its key is reused by every retry of that same choice, so it never makes two tickets. */
export interface PendingIssue {
  key: string;
  areaId: string;
  priority: boolean;
  priorityGroup: string | null;
}

export interface KioskState {
  screen: Screen;
  /** Screens to go back to (Back button); emptied at Home. */
  history: Screen[];
  departmentId: string | null;
  areaId: string | null;
  query: string;
  issuing: boolean;
  pending: PendingIssue | null;
  ticket: TicketDto | null;
  error: string | null;
  config: PublicConfigDto | null;
  departments: DepartmentDto[];
  areas: AreaDto[];
  connection: Connection;
}

export type KioskAction =
  | { type: 'loaded'; config?: PublicConfigDto; departments?: DepartmentDto[]; areas?: AreaDto[] }
  | { type: 'snapshot'; state: Pick<StateDto, 'areas'> }
  | { type: 'waiting'; areaId: string; waiting: number }
  | { type: 'connection'; status: Connection }
  | { type: 'start' }
  | { type: 'department'; departmentId: string }
  | { type: 'area'; areaId: string; withPriorityStep: boolean }
  | { type: 'search' }
  | { type: 'query'; query: string }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'issuing'; pending: PendingIssue }
  | { type: 'issued'; ticket: TicketDto }
  | { type: 'issueFailed'; message: string; keepPending: boolean }
  | { type: 'dismissError' };

export function initialKioskState(): KioskState {
  return {
    screen: 'welcome',
    history: [],
    departmentId: null,
    areaId: null,
    query: '',
    issuing: false,
    pending: null,
    ticket: null,
    error: null,
    config: null,
    departments: [],
    areas: [],
    connection: 'connecting',
  };
}

function go(s: KioskState, screen: Screen, patch: Partial<KioskState> = {}): KioskState {
  return { ...s, ...patch, history: [...s.history, s.screen], screen, error: null };
}

/** A fresh start for the next citizen: nothing of the previous one stays on screen. */
function home(s: KioskState): KioskState {
  return {
    ...s,
    screen: 'welcome',
    history: [],
    departmentId: null,
    areaId: null,
    query: '',
    pending: null,
    ticket: null,
    error: null,
  };
}

export function kioskReducer(s: KioskState, a: KioskAction): KioskState {
  switch (a.type) {
    case 'loaded':
      return {
        ...s,
        config: a.config ?? s.config,
        departments: a.departments ?? s.departments,
        areas: a.areas ? [...a.areas].sort((x, y) => x.sort - y.sort || x.name.localeCompare(y.name, 'vi')) : s.areas,
      };
    case 'snapshot': {
      const byId = new Map(a.state.areas.map((x) => [x.id, x.waiting]));
      return { ...s, areas: s.areas.map((x) => (byId.has(x.id) ? { ...x, waiting: byId.get(x.id)! } : x)) };
    }
    case 'waiting':
      return { ...s, areas: s.areas.map((x) => (x.id === a.areaId ? { ...x, waiting: a.waiting } : x)) };
    case 'connection':
      return { ...s, connection: a.status };
    case 'start':
      return s.screen === 'welcome' ? go(s, 'departments') : s;
    case 'department':
      return s.issuing ? s : go(s, 'areas', { departmentId: a.departmentId });
    case 'area': {
      if (s.issuing) return s;
      const area = s.areas.find((x) => x.id === a.areaId);
      if (!area || !area.available) return s;
      // A different choice is a different tap: its retries must not reuse another area's key.
      const pending = s.pending?.areaId === a.areaId ? s.pending : null;
      return a.withPriorityStep
        ? go(s, 'priority', { areaId: a.areaId, pending })
        : { ...s, areaId: a.areaId, pending, error: null };
    }
    case 'search':
      return s.issuing ? s : go(s, 'search', { query: '' });
    case 'query':
      return { ...s, query: a.query };
    case 'back': {
      if (s.issuing) return s;
      if (s.screen === 'ticket') return home(s);
      const prev = s.history[s.history.length - 1];
      if (!prev) return home(s);
      return {
        ...s,
        screen: prev,
        history: s.history.slice(0, -1),
        error: null,
        ...(prev === 'welcome' ? { departmentId: null } : {}),
      };
    }
    case 'home':
      return s.issuing ? s : home(s);
    case 'issuing':
      return { ...s, issuing: true, pending: a.pending, error: null };
    case 'issued':
      return { ...s, issuing: false, pending: null, ticket: a.ticket, error: null, screen: 'ticket', history: [] };
    case 'issueFailed':
      return { ...s, issuing: false, error: a.message, pending: a.keepPending ? s.pending : null };
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
