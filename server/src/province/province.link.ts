import type { z } from 'zod';
import { AppError } from '../contract/errors.ts';
import type { ProvinceLinkDto } from '../contract/dto.ts';
import type { provinceLinkInput } from '../contract/province.link.schema.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../core/entities.ts';
import type { UnitOfWork } from '../core/ports.ts';
import type { StorePort } from '../core/store.port.ts';
import { toIso } from '../core/time/zoned-time.ts';
import type { Logger } from '../logging/logger.ts';
import type { Db } from '../storage/db.ts';
import { createOutboxStore } from './outbox.store.ts';
import { applyProvinceCatalog } from './province.catalog.ts';
import { createProvinceSender, type LinkConfig, type SenderOptions } from './province.sender.ts';

/**
 * The center's link to its province hub: where it is (env PROVINCE_URL / PROVINCE_TOKEN, or the same stored by an
 * admin under the settings key 'province'; env wins, field by field), the sender, and what the admin sees. The
 * token is write-only: no answer, log line or config export carries it.
 */

const KEY = 'province';
interface Stored {
  url?: string;
  token?: string;
}

export interface ProvinceLinkDeps {
  db: Db;
  store: StorePort;
  clock: Clock;
  run: UnitOfWork;
  env: { url: string | null; token: string | null };
  timeZone: () => string;
  log?: Logger;
  /** Tests: a fake fetch, short timers. */
  sender?: Partial<
    Pick<
      SenderOptions,
      'fetch' | 'timeoutMs' | 'heartbeatMs' | 'pollMs' | 'backoffBaseMs' | 'backoffCapMs' | 'batchSize'
    >
  >;
}

export function createProvinceLink(d: ProvinceLinkDeps) {
  const outbox = createOutboxStore(d.db);
  const stored = (): Stored => {
    const v = d.store.settings.get<Stored>(KEY);
    return v && typeof v === 'object' ? v : {};
  };
  let cache: Stored | null = null;
  const settings = () => (cache ??= stored());
  const config = (): LinkConfig | null => {
    const url = d.env.url || settings().url || '';
    const token = d.env.token || settings().token || '';
    return url && token ? { url, token } : null;
  };
  const sender = createProvinceSender({
    store: outbox,
    now: () => d.clock.now(),
    config,
    applyCatalog: (rows) => {
      const r = d.run((tx) => applyProvinceCatalog(tx, d.db, rows));
      d.log?.info('Danh mục thủ tục của tỉnh (province catalogue)', { ...r });
    },
    log: (level, msg, data) => (level === 'warn' ? d.log?.warn(msg, undefined, data) : d.log?.info(msg, data)),
    ...d.sender,
  });

  function view(): ProvinceLinkDto {
    const s = settings();
    const c = config();
    const st = sender.status();
    return {
      configured: c !== null,
      url: c?.url ?? (d.env.url || s.url || null),
      tokenSet: Boolean(d.env.token || s.token),
      fromEnv: { url: Boolean(d.env.url), token: Boolean(d.env.token) },
      state: st.state,
      lastAckAt: st.lastAckAt === null ? null : toIso(st.lastAckAt, d.timeZone()),
      pending: st.pending,
      lagSec: st.lagSec,
      lastError: st.lastError,
    };
  }

  /** PUT /api/province/link: an empty string clears a field; an absent one keeps it. */
  function update(input: z.infer<typeof provinceLinkInput>, actor: Actor): ProvinceLinkDto {
    if (input.url && !/^https?:\/\/[^\s/]+/i.test(input.url)) throw new AppError('province.link_invalid');
    const next: Stored = { ...stored() };
    if (input.url !== undefined) next.url = input.url.replace(/\/+$/, '');
    if (input.token !== undefined) next.token = input.token;
    d.store.tx(() => {
      d.store.settings.put(KEY, next, d.clock.now());
      d.store.journal.audit({
        at: d.clock.now(),
        actorKind: actor.kind,
        actorId: actor.id,
        action: 'province.link',
        entity: 'settings',
        entityId: KEY,
        data: { url: next.url ?? '', tokenChanged: input.token !== undefined },
      });
    });
    cache = null;
    return view();
  }

  return { sender, outbox, config, view, update, start: () => sender.start(), stop: () => sender.stop() };
}

export type ProvinceLink = ReturnType<typeof createProvinceLink>;
