/**
 * The team store end to end, against a real PostgreSQL started for the test (`initdb` into a
 * temporary folder, a Unix socket only), the sync service on HTTPS with a certificate made for
 * it, and four desktops (data folders with their own store and installation key): two
 * reviewers, a section chief and an auditor of one department.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { ContractStore } from '../../electron/main/store/store';
import { openInstallation } from '../../electron/main/identity';
import { addUser, asUser, migrate, type TeamUser } from '../../electron/team/db';
import { createTeamServer } from '../../electron/team/server';
import { TeamClient, TeamRequestError } from '../../electron/team/client';
import { TeamSync } from '../../electron/team/sync';
import { PushResultSchema, SearchResultSchema, eventBytes } from '../../electron/team/protocol';
import { seedPath } from '../support/seeds';
import { startPostgres, testCertificate, type TestPostgres } from '../support/postgres';

const PASSWORD = 'team-password-1';

let db: TestPostgres;
let admin: pg.Pool;
let server: https.Server;
let url: string;
let fingerprint: string;
const users: Record<string, TeamUser> = {};

interface Desk {
  store: ContractStore;
  sync: TeamSync;
  client: TeamClient;
  name: string;
  fingerprint: string;
}

async function desk(name: string): Promise<Desk> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-team-desk-'));
  const store = await ContractStore.open(dir);
  const installation = await openInstallation(dir, store.files);
  const client = new TeamClient({ url, fingerprint });
  await client.signIn(name, PASSWORD, installation);
  return {
    store,
    client,
    name,
    fingerprint: installation.fingerprint,
    sync: new TeamSync(store, installation, client, name),
  };
}

async function annotate(d: Desk, id: string, clause: number, comment: string) {
  const c = await d.store.get(id);
  return d.store.addAnnotation(id, {
    anchor: c.report.clauses[clause].anchor,
    comment,
    tags: [],
    status: 'pending',
    by: d.name,
  });
}

const seed = (name: string) => new Uint8Array(fs.readFileSync(seedPath(name, 'txt')));

beforeAll(async () => {
  db = startPostgres();
  admin = db.pool();
  expect(await migrate(admin)).toEqual(['001_team.sql']);
  // Applied once: a second run applies nothing.
  expect(await migrate(admin)).toEqual([]);
  await admin.query('ALTER ROLE qiyue_service LOGIN');
  for (const [name, role] of [
    ['张审', 'reviewer'],
    ['李审', 'reviewer'],
    ['王科长', 'section_chief'],
    ['赵审计', 'auditor'],
  ] as const)
    users[name] = await addUser(admin, { name, department: '采购处', role, password: PASSWORD });
  await addUser(admin, {
    name: '外处',
    department: '财务处',
    role: 'reviewer',
    password: PASSWORD,
  });
  const cert = testCertificate();
  fingerprint = cert.fingerprint;
  server = createTeamServer({ pool: db.pool('qiyue_service'), key: cert.key, cert: cert.cert });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await db?.stop();
});

describe('a department on the team server', () => {
  it('import on A, shared: B, the chief and the auditor get it; each annotation on the same clause offline is kept', async () => {
    const [a, b, chief, auditor] = await Promise.all(
      ['张审', '李审', '王科长', '赵审计'].map(desk),
    );
    const { contract } = await a.store.importContract('004.txt', seed('004_df6ca03d82af185a'));
    await a.sync.share([contract.id]);
    for (const d of [b, chief, auditor]) expect((await d.sync.sync()).pulledContracts).toBe(1);
    const onB = await b.store.get(contract.id);
    expect(onB.text).toBe(contract.text);
    expect(onB.report.clauses.length).toBe(contract.report.clauses.length);

    // Both annotate clause 2, offline; then sync in turn.
    await annotate(a, contract.id, 2, '违约金上限需核对');
    await annotate(b, contract.id, 2, '付款节点与验收挂钩');
    expect((await a.sync.sync()).pushed).toBe(1);
    expect((await b.sync.sync()).pushed).toBe(1);
    await a.sync.sync();
    for (const d of [a, b, chief]) {
      await d.sync.sync();
      const comments = ((await d.store.get(contract.id)).annotations ?? [])
        .map((x) => x.comment)
        .sort();
      expect(comments).toEqual(['付款节点与验收挂钩', '违约金上限需核对']);
    }
    // Nothing is sent back and forth once all agree.
    expect((await a.sync.sync()).pushed).toBe(0);
    expect((await b.sync.sync()).pulledEvents).toBe(0);

    // The same annotation's status changed on A and on B at once: the later kept on both, the
    // conflict in its history.
    const [first] = (await a.store.get(contract.id)).annotations!;
    await a.store.changeAnnotation(
      contract.id,
      first.id,
      { status: 'question', by: a.name },
      new Date(Date.now() + 1000),
    );
    await b.store.changeAnnotation(
      contract.id,
      first.id,
      { status: 'confirmed', by: b.name },
      new Date(Date.now() + 2000),
    );
    await a.sync.sync();
    const onBSync = await b.sync.sync();
    await a.sync.sync();
    expect(onBSync.conflicts).toBe(1);
    for (const d of [a, b]) {
      const x = (await d.store.get(contract.id)).annotations!.find((y) => y.id === first.id)!;
      expect(x.status).toBe('confirmed');
      expect(x.history.some((h) => h.action === 'conflict')).toBe(true);
    }

    // A reviewer's sign-off is refused by the server; the section chief's reaches everyone.
    await a.store.signOff(contract.id, a.name, '同意');
    const refused = await a.sync.sync();
    expect(refused.refused.map((r) => r.reason)).toEqual(['role']);
    await chief.store.signOff(contract.id, chief.name, '审核通过');
    expect((await chief.sync.sync()).pushed).toBe(1);
    await b.sync.sync();
    expect((await b.store.get(contract.id)).signOff).toMatchObject({
      by: '王科长',
      note: '审核通过',
      via: chief.fingerprint,
    });

    // The auditor reads everything and writes nothing.
    await auditor.sync.sync();
    expect(((await auditor.store.get(contract.id)).annotations ?? []).length).toBe(2);
    const own = await auditor.store.importContract('000.txt', seed('000_0afe16271ab3c86a'));
    await expect(auditor.sync.share([own.contract.id])).rejects.toMatchObject({
      status: 403,
      code: 'read-only',
    });
    await annotate(auditor, contract.id, 3, '审计意见');
    await expect(auditor.sync.sync()).rejects.toMatchObject({ status: 403, code: 'read-only' });

    // Every change is an audit row: who, from which installation.
    const audit = await admin.query<{ action: string; n: string }>(
      'SELECT action, count(*) AS n FROM audit WHERE contract_id = $1 GROUP BY action ORDER BY action',
      [contract.id],
    );
    const events = await admin.query<{ n: string }>(
      'SELECT count(*) AS n FROM events WHERE contract_id = $1',
      [contract.id],
    );
    const byAction = Object.fromEntries(audit.rows.map((r) => [r.action, Number(r.n)]));
    expect(byAction['contract.add']).toBe(1);
    expect((byAction['event.annotation'] ?? 0) + (byAction['event.signoff'] ?? 0)).toBe(
      Number(events.rows[0].n),
    );

    // The team's search finds it by a phrase of its text.
    const found = await b.client.request(
      'GET',
      `/v1/search?q=${encodeURIComponent('违约金')}`,
      undefined,
      SearchResultSchema,
    );
    expect(found.hits.map((h) => h.id)).toContain(contract.id);
  }, 180_000);

  it('refuses a tampered event, and keeps departments apart', async () => {
    const a = await desk('张审');
    const { contract } = await a.store.importContract('002.txt', seed('002_21901a1de7442d81'));
    await a.sync.share([contract.id]);
    await annotate(a, contract.id, 1, '原文');
    // The event as A's installation signed it, its comment changed afterwards.
    const installation = await openInstallation(a.store.dataDir, a.store.files);
    const c = await a.store.get(contract.id);
    const ann = c.annotations![0];
    const unsigned = {
      id: crypto.randomUUID(),
      contractId: contract.id,
      kind: 'annotation' as const,
      author: '张审',
      installation: installation.fingerprint,
      hlc: `${Date.now()}-000000-${installation.fingerprint.replaceAll(' ', '')}`,
      body: { ...ann } as Record<string, unknown>,
      base: null,
    };
    const signature = installation.sign(eventBytes(unsigned));
    const tampered = { ...unsigned, body: { ...ann, comment: '篡改后的批注' }, signature };
    const result = await a.client.request(
      'POST',
      '/v1/events',
      { events: [tampered] },
      PushResultSchema,
    );
    expect(result).toEqual({ accepted: [], refused: [{ id: tampered.id, reason: 'signature' }] });
    // Signed as it is, the same event is taken.
    const honest = { ...unsigned, signature };
    expect(
      (await a.client.request('POST', '/v1/events', { events: [honest] }, PushResultSchema))
        .accepted,
    ).toEqual([honest.id]);

    // Another department sees none of it, even by id.
    const other = await desk('外处');
    expect((await other.sync.sync()).pulledContracts).toBe(0);
    await expect(
      other.client.raw('GET', `/v1/contracts/${contract.id}/original`),
    ).rejects.toMatchObject({ status: 404 });

    // And the database itself holds the line, whatever the service did: a reviewer's sign-off,
    // an auditor's write, another department's row.
    const service = db.pool('qiyue_service');
    const insert = (u: TeamUser, kind: string) =>
      asUser(service, u, true, (q) =>
        q.query(
          `INSERT INTO events (id, department, contract_id, kind, author, installation, hlc, body, signature)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, '{}', 'x')`,
          [u.department, contract.id, kind, u.id, installation.fingerprint, unsigned.hlc],
        ),
      );
    await expect(insert(users['张审'], 'signoff')).rejects.toThrow(/row-level security/);
    await expect(insert(users['赵审计'], 'annotation')).rejects.toThrow(/permission denied/);
    const count = await asUser(service, { ...users['张审'], department: '财务处' }, false, (q) =>
      q.query('SELECT count(*) AS n FROM contracts'),
    );
    expect(Number(count.rows[0].n)).toBe(0);
  }, 120_000);

  it('loses and doubles nothing when the database stops in the middle of a sync', async () => {
    const [a, b] = await Promise.all(['张审', '李审'].map(desk));
    const { contract } = await a.store.importContract('001.txt', seed('001_18cfc68e7d229bba'));
    await a.sync.share([contract.id]);
    await b.sync.sync();
    for (let i = 0; i < 3; i++) await annotate(a, contract.id, i + 1, `批注${i}`);
    db.stopServer();
    try {
      await expect(a.sync.sync()).rejects.toBeInstanceOf(TeamRequestError);
    } finally {
      db.startServer();
    }
    // The events waited in A's outbox; sent again after the restart, held once.
    const after = await a.sync.sync();
    expect(after.pushed).toBe(3);
    await a.sync.sync();
    await b.sync.sync();
    const comments = ((await b.store.get(contract.id)).annotations ?? [])
      .map((x) => x.comment)
      .sort();
    expect(comments).toEqual(['批注0', '批注1', '批注2']);
    const rows = await admin.query<{ n: string; ids: string }>(
      'SELECT count(*) AS n, count(DISTINCT id) AS ids FROM events WHERE contract_id = $1',
      [contract.id],
    );
    expect(Number(rows.rows[0].n)).toBe(3);
    expect(Number(rows.rows[0].ids)).toBe(3);
  }, 120_000);
});
