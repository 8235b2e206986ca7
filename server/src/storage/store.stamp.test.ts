import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db.ts';
import { createStore } from './store.ts';

/** store.writeStamp: equal only while nothing was written, by this connection or (committed) by another. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-stamp-'));
  dirs.push(dir);
  const file = join(dir, 'queue.sqlite');
  return { store: createStore(openDatabase(file)), file };
}

describe('store.writeStamp', () => {
  it('stays while only reading, moves on every write, and is null inside a transaction', () => {
    const { store } = fileStore();
    const a = store.writeStamp();
    store.catalog.areas();
    expect(store.writeStamp()).toBe(a);
    store.db.prepare("INSERT INTO departments (id, code, name) VALUES ('d1', 'D1', 'Sở 1')").run();
    const b = store.writeStamp();
    expect(b).not.toBe(a);
    store.tx(() => {
      expect(store.writeStamp()).toBeNull();
      store.db.prepare("UPDATE departments SET name = 'Sở một' WHERE id = 'd1'").run();
    });
    expect(store.writeStamp()).not.toBe(b);
  });

  it('moves after a rolled-back write (the state read inside it never comes back)', () => {
    const { store } = fileStore();
    const a = store.writeStamp();
    expect(() =>
      store.tx(() => {
        store.db.prepare("INSERT INTO departments (id, code, name) VALUES ('d2', 'D2', 'Sở 2')").run();
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(store.writeStamp()).not.toBe(a);
  });

  it('moves when another connection commits (an operator, a separate tool)', () => {
    const { store, file } = fileStore();
    const a = store.writeStamp();
    const other = new Database(file);
    try {
      other.prepare("INSERT INTO departments (id, code, name) VALUES ('d3', 'D3', 'Sở 3')").run();
    } finally {
      other.close();
    }
    expect(store.writeStamp()).not.toBe(a);
  });
});

describe('store.read', () => {
  it('reads in one transaction whose stamp is the committed one outside it', () => {
    const { store } = fileStore();
    const outside = store.writeStamp();
    const inside = store.read(() => {
      expect(store.db.inTransaction).toBe(true);
      store.catalog.areas();
      return store.writeStamp();
    });
    expect(inside).toBe(outside);
    expect(store.writeStamp()).toBe(outside);
  });

  it('never hands out again a stamp taken inside a read that threw, or before a write made inside it', () => {
    const { store } = fileStore();
    let inside: string | null = null;
    expect(() =>
      store.read(() => {
        store.db.prepare("INSERT INTO departments (id, code, name) VALUES ('d4', 'D4', 'Sở 4')").run();
        inside = store.writeStamp();
        throw new Error('publish failed');
      }),
    ).toThrow('publish failed');
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM departments WHERE id = 'd4'").get()).toEqual({ n: 0 });
    expect(inside).not.toBeNull();
    expect(store.writeStamp()).not.toBe(inside);
    const before = store.read(() => {
      const s = store.writeStamp();
      store.tx(() => {
        expect(store.writeStamp()).toBeNull();
      });
      expect(store.writeStamp()).not.toBe(s);
      return s;
    });
    expect(store.writeStamp()).not.toBe(before);
  });
});
