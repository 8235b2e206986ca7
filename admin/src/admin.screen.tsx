import { useEffect, useState } from 'preact/hooks';
import type { UserDto } from '@contract/dto';
import type { AdminApi } from './admin.api.ts';
import { Notice } from './admin.fields.tsx';
import { DevicesPanel } from './accounts/devices.panel.tsx';
import { UsersPanel } from './accounts/users.panel.tsx';
import { AreasPanel } from './catalog/areas.panel.tsx';
import { useCatalog } from './catalog/catalog.hook.ts';
import { CountersPanel } from './catalog/counters.panel.tsx';
import { DepartmentsPanel } from './catalog/departments.panel.tsx';
import { ProceduresPanel } from './procedures/procedures.panel.tsx';
import { SettingsScreen } from './settings/settings.screen.tsx';
import { AuditPanel } from './system/audit.panel.tsx';
import { BackupCard } from './system/backup.card.tsx';
import { ProvinceCard } from './system/province.card.tsx';
import { TransferPanel } from './transfer/transfer.panel.tsx';

export const TABS = [
  ['settings', 'Cấu hình chung'],
  ['departments', 'Sở, ngành'],
  ['areas', 'Lĩnh vực'],
  ['procedures', 'Thủ tục hành chính'],
  ['counters', 'Quầy'],
  ['users', 'Người dùng'],
  ['devices', 'Thiết bị'],
  ['transfer', 'Nhập / xuất'],
  ['audit', 'Nhật ký'],
] as const;
export type Tab = (typeof TABS)[number][0];
const tabOf = (hash: string): Tab | undefined => TABS.find(([t]) => hash === `#${t}`)?.[0];

/** Administration: a side list of sections; the catalog is loaded once and shared by its panels. */
export function AdminScreen(props: { api: AdminApi; user: UserDto; timeZone: string; onConfigChanged?: () => void }) {
  const [tab, setTab] = useState<Tab>(() => tabOf(location.hash) ?? 'settings');
  // The address is the source: a typed #users, back/forward or a link in a note switches section too.
  useEffect(() => {
    const on = () => {
      const t = tabOf(location.hash);
      if (t) setTab(t);
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const cat = useCatalog(props.api);
  const go = (t: Tab) => {
    setTab(t);
    history.replaceState(null, '', `#${t}`);
  };
  const catalog = { departments: cat.departments, areas: cat.areas, counters: cat.counters };
  return (
    <div class="admin-layout">
      <nav class="side-nav" aria-label="Mục quản trị">
        {TABS.map(([t, label]) => (
          <button
            key={t}
            class={tab === t ? 'active' : ''}
            aria-current={tab === t ? 'page' : undefined}
            onClick={() => go(t)}
          >
            {label}
          </button>
        ))}
        <BackupCard api={props.api} timeZone={props.timeZone} />
        <ProvinceCard api={props.api} timeZone={props.timeZone} />
      </nav>
      <main class="admin-main">
        {cat.error && <Notice kind="error">{cat.error}</Notice>}
        {tab === 'settings' && <SettingsScreen api={props.api} onSaved={props.onConfigChanged} />}
        {tab === 'departments' && <DepartmentsPanel api={props.api} catalog={catalog} reload={cat.reload} />}
        {tab === 'areas' && <AreasPanel api={props.api} catalog={catalog} reload={cat.reload} />}
        {tab === 'procedures' && <ProceduresPanel api={props.api} catalog={catalog} />}
        {tab === 'counters' && <CountersPanel api={props.api} catalog={catalog} reload={cat.reload} />}
        {tab === 'users' && <UsersPanel api={props.api} selfId={props.user.id} />}
        {tab === 'devices' && <DevicesPanel api={props.api} catalog={catalog} />}
        {tab === 'transfer' && <TransferPanel api={props.api} catalog={catalog} reload={cat.reload} />}
        {tab === 'audit' && <AuditPanel api={props.api} timeZone={props.timeZone} />}
      </main>
    </div>
  );
}
