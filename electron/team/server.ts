/**
 * The team's sync service: the only thing desktops talk to (clients never hold database
 * credentials). HTTPS with the department's certificate; JSON bodies checked with the zod shapes
 * of `protocol.ts`; every request after sign-in runs in PostgreSQL as its user's role
 * (`db.ts` `asUser`), so the grants and row-level policies of the schema decide what it may do,
 * and the service's own checks before them give the desktop a clear answer.
 *
 *   POST /v1/session                  sign in: name, password, the installation's key and proof
 *   POST /v1/contracts                share a contract: its original (SHA-256 = id) and text
 *   GET  /v1/contracts/<id>/original  a shared contract's original
 *   POST /v1/events                   push signed events (idempotent by event id)
 *   GET  /v1/changes?after=<n>        contracts and events after change number n, in order
 *   GET  /v1/search?q=<words>         the department's contracts whose text holds the words
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { fingerprintOf, verifySignature } from '../main/identity';
import { asUser, passwordMatches, type TeamRole, type TeamUser } from './db';
import {
  ContractUploadSchema,
  MAX_BODY_BYTES,
  MAX_EVENTS,
  PushSchema,
  SignInSchema,
  eventSignatureValid,
  type Changes,
  type PushResult,
  type Session,
  type TeamEvent,
} from './protocol';

/** How long a session lasts (milliseconds): a working day. */
const SESSION_MS = 12 * 60 * 60 * 1000;
/** How far a sign-in's time may be from the service's (clock skew, milliseconds). */
const SIGN_IN_SKEW_MS = 5 * 60 * 1000;

/** An error with the HTTP status and code the desktop is answered with. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Caller {
  user: TeamUser;
  installation: string;
}

/** Options of {@link createTeamServer}. */
export interface TeamServerOptions {
  pool: pg.Pool;
  /** PEM: the service's key and its certificate (with the chain up to the department's CA). */
  key: string;
  cert: string;
}

/** The service as an HTTPS server, not listening yet. */
export function createTeamServer(options: TeamServerOptions): https.Server {
  const { pool } = options;
  const server = https.createServer(
    { key: options.key, cert: options.cert, minVersion: 'TLSv1.2' },
    (req, res) => {
      handle(pool, req, res).catch((err: unknown) => {
        const e =
          err instanceof HttpError
            ? err
            : new HttpError(
                500,
                'server-error',
                `服务器内部错误 (server error: ${(err as Error).message})`,
              );
        if (!res.headersSent) send(res, e.status, { error: e.code, message: e.message });
        else res.destroy();
      });
    },
  );
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  return server;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
  });
  res.end(bytes);
}

/** The request's body (at most {@link MAX_BODY_BYTES}) parsed as JSON and checked by `schema`. */
async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, 'too-large', '请求过大 (request too large)');
    chunks.push(chunk as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-request', '请求不是 JSON (the request is not JSON)');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new HttpError(
      400,
      'bad-request',
      `请求格式不正确 (malformed request: ${parsed.error.issues[0]?.message})`,
    );
  return parsed.data;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

async function caller(pool: pg.Pool, req: IncomingMessage): Promise<Caller> {
  const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token)
    throw new HttpError(401, 'signed-out', '请先登录团队服务器 (sign in to the team server first)');
  const { rows } = await pool.query<{
    id: string;
    name: string;
    department: string;
    role: TeamRole;
    installation: string;
  }>(
    `SELECT u.id, u.name, u.department, u.role, s.installation FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_sha256 = $1 AND s.expires_at > now()`,
    [sha256(token)],
  );
  if (!rows[0])
    throw new HttpError(
      401,
      'signed-out',
      '登录已过期，请重新登录 (the session expired: sign in again)',
    );
  const { installation, ...user } = rows[0];
  return { user, installation };
}

async function handle(pool: pg.Pool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://team.invalid');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'POST /v1/session')
    return send(res, 200, await signIn(pool, await body(req, SignInSchema)));
  const who = await caller(pool, req);
  if (route === 'POST /v1/contracts')
    return send(res, 200, await share(pool, who, await body(req, ContractUploadSchema)));
  if (route === 'POST /v1/events')
    return send(res, 200, await push(pool, who, (await body(req, PushSchema)).events));
  if (route === 'GET /v1/changes') {
    const after = Number(url.searchParams.get('after') ?? '0');
    if (!Number.isSafeInteger(after) || after < 0)
      throw new HttpError(400, 'bad-request', 'after 参数不正确 (bad after)');
    return send(res, 200, await changes(pool, who, after));
  }
  if (route === 'GET /v1/search') {
    const q = (url.searchParams.get('q') ?? '').trim();
    if (q.length < 1 || q.length > 100)
      throw new HttpError(400, 'bad-request', '搜索词应为 1–100 个字 (1–100 characters)');
    return send(res, 200, await search(pool, who, q));
  }
  const original = /^GET \/v1\/contracts\/([0-9a-f]{64})\/original$/.exec(route);
  if (original) {
    const bytes = await asUser(pool, who.user, false, async (c) => {
      const { rows } = await c.query<{ original: Buffer }>(
        'SELECT original FROM contracts WHERE id = $1',
        [original[1]],
      );
      return rows[0]?.original ?? null;
    });
    if (!bytes)
      throw new HttpError(404, 'not-found', '团队库中没有该合同 (no such shared contract)');
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': bytes.length,
    });
    res.end(bytes);
    return;
  }
  throw new HttpError(404, 'not-found', `没有这个接口 (no route ${route})`);
}

/**
 * Signs a user in from an installation: the password checked, the installation's key proven
 * (its signature of the name and time), the key bound to the user at its first sign-in and
 * refused for anyone else after.
 */
async function signIn(pool: pg.Pool, s: z.infer<typeof SignInSchema>): Promise<Session> {
  const refused = new HttpError(
    401,
    'bad-credentials',
    '用户名或密码不正确 (wrong name or password)',
  );
  const { rows } = await pool.query<{
    id: string;
    department: string;
    role: TeamRole;
    password_hash: string;
  }>('SELECT id, department, role, password_hash FROM users WHERE name = $1', [s.name]);
  const u = rows[0];
  if (!u || !passwordMatches(s.password, u.password_hash)) throw refused;
  if (Math.abs(Date.now() - s.at) > SIGN_IN_SKEW_MS)
    throw new HttpError(
      401,
      'clock-skew',
      '本机时钟与服务器相差超过 5 分钟 (this machine’s clock is off by more than 5 minutes)',
    );
  if (
    !verifySignature(
      s.publicKey,
      new TextEncoder().encode(`qiyue-team-signin/1|${s.name}|${s.at}`),
      s.proof,
    )
  )
    throw new HttpError(
      401,
      'bad-proof',
      '安装密钥签名无效 (the installation key’s proof does not hold)',
    );
  const fp = fingerprintOf(s.publicKey);
  await pool.query(
    'INSERT INTO installations (fingerprint, public_key, user_id) VALUES ($1, $2, $3) ON CONFLICT (fingerprint) DO NOTHING',
    [fp, s.publicKey, u.id],
  );
  const owner = await pool.query<{ user_id: string }>(
    'SELECT user_id FROM installations WHERE fingerprint = $1',
    [fp],
  );
  if (owner.rows[0]?.user_id !== u.id)
    throw new HttpError(
      403,
      'installation-taken',
      '该安装已绑定其他用户 (this installation belongs to another user)',
    );
  const token = randomBytes(32).toString('base64url');
  await pool.query(
    'INSERT INTO sessions (token_sha256, user_id, installation, expires_at) VALUES ($1, $2, $3, $4)',
    [sha256(token), u.id, fp, new Date(Date.now() + SESSION_MS)],
  );
  await pool.query(
    "INSERT INTO audit (department, user_id, installation, action) VALUES ($1, $2, $3, 'session.start')",
    [u.department, u.id, fp],
  );
  return { token, user: { name: s.name, department: u.department, role: u.role } };
}

function mayWrite(who: Caller): void {
  if (who.user.role === 'auditor')
    throw new HttpError(403, 'read-only', '审计人员只能查看，不能修改 (an auditor reads only)');
}

/** Shares a contract with the department (a second share of the same one changes nothing). */
async function share(
  pool: pg.Pool,
  who: Caller,
  u: z.infer<typeof ContractUploadSchema>,
): Promise<{ id: string }> {
  mayWrite(who);
  const original = Buffer.from(u.original, 'base64');
  if (sha256(original) !== u.id)
    throw new HttpError(
      400,
      'bad-digest',
      '原件的 SHA-256 与编号不符 (the original’s SHA-256 is not its id)',
    );
  await asUser(pool, who.user, true, (c) =>
    c.query(
      `INSERT INTO contracts (department, id, file_name, format, size, title, imported_by, installation, imported_at, original, text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (department, id) DO NOTHING`,
      [
        who.user.department,
        u.id,
        u.fileName,
        u.format,
        original.length,
        u.title,
        who.user.id,
        who.installation,
        u.importedAt,
        original,
        u.text,
      ],
    ),
  );
  return { id: u.id };
}

/**
 * Takes in events: each must be signed by the caller's installation, authored by the caller,
 * on a contract of the department, and of a kind the caller's role may write (a sign-off needs a
 * section chief). An event already held is accepted again (a retried push), never duplicated.
 */
async function push(pool: pg.Pool, who: Caller, events: TeamEvent[]): Promise<PushResult> {
  mayWrite(who);
  const key = await pool.query<{ public_key: string }>(
    'SELECT public_key FROM installations WHERE fingerprint = $1',
    [who.installation],
  );
  const publicKey = key.rows[0].public_key;
  const result: PushResult = { accepted: [], refused: [] };
  const ok: TeamEvent[] = [];
  for (const e of events) {
    const reason =
      e.installation !== who.installation
        ? 'installation'
        : e.author !== who.user.name
          ? 'author'
          : !eventSignatureValid(e, publicKey)
            ? 'signature'
            : e.kind === 'signoff' && who.user.role !== 'section_chief'
              ? 'role'
              : null;
    if (reason) result.refused.push({ id: e.id, reason });
    else ok.push(e);
  }
  await asUser(pool, who.user, true, async (c) => {
    for (const e of ok) {
      const known = await c.query('SELECT 1 FROM contracts WHERE id = $1', [e.contractId]);
      if (!known.rowCount) {
        result.refused.push({ id: e.id, reason: 'contract' });
        continue;
      }
      await c.query(
        `INSERT INTO events (id, department, contract_id, kind, author, installation, hlc, body, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
        [
          e.id,
          who.user.department,
          e.contractId,
          e.kind,
          who.user.id,
          e.installation,
          e.hlc,
          { body: e.body, base: e.base },
          e.signature,
        ],
      );
      result.accepted.push(e.id);
    }
  });
  return result;
}

/** The department's contracts and events after change number `after`, in order, a page. */
async function changes(pool: pg.Pool, who: Caller, after: number): Promise<Changes> {
  return asUser(pool, who.user, false, async (c) => {
    const limit = MAX_EVENTS;
    const cs = await c.query<{
      id: string;
      file_name: string;
      format: string;
      title: string | null;
      imported_at: Date;
      imported_by: string;
      size: number;
      seq: string;
    }>(
      `SELECT c.id, c.file_name, c.format, c.title, c.imported_at, u.name AS imported_by, c.size, c.seq
         FROM contracts c JOIN users u ON u.id = c.imported_by WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
      [after, limit],
    );
    const es = await c.query<{
      id: string;
      contract_id: string;
      kind: TeamEvent['kind'];
      author: string;
      installation: string;
      hlc: string;
      body: { body: Record<string, unknown>; base: string | null };
      signature: string;
      seq: string;
    }>(
      `SELECT e.id, e.contract_id, e.kind, u.name AS author, e.installation, e.hlc, e.body, e.signature, e.seq
         FROM events e JOIN users u ON u.id = e.author WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
      [after, limit],
    );
    // One page in change order: both lists cut at the first number either left out.
    const full = cs.rows.length === limit || es.rows.length === limit;
    const lastOf = (rows: { seq: string }[]) =>
      rows.length === limit ? Number(rows.at(-1)!.seq) : Infinity;
    const cut = Math.min(lastOf(cs.rows), lastOf(es.rows));
    const contracts = cs.rows.filter((r) => Number(r.seq) <= cut);
    const events = es.rows.filter((r) => Number(r.seq) <= cut);
    const next = Math.max(
      after,
      ...contracts.map((r) => Number(r.seq)),
      ...events.map((r) => Number(r.seq)),
    );
    return {
      contracts: contracts.map((r) => ({
        id: r.id,
        fileName: r.file_name,
        format: r.format,
        title: r.title,
        importedAt: r.imported_at.toISOString(),
        importedBy: r.imported_by,
        size: r.size,
      })),
      events: events.map((r) => ({
        id: r.id,
        contractId: r.contract_id,
        kind: r.kind,
        author: r.author,
        installation: r.installation,
        hlc: r.hlc,
        body: r.body.body,
        base: r.body.base,
        signature: r.signature,
      })),
      next,
      more: full,
    };
  });
}

/** The department's contracts whose text holds `q` (trigram index; any script). */
async function search(pool: pg.Pool, who: Caller, q: string) {
  return asUser(pool, who.user, false, async (c) => {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const { rows } = await c.query<{
      id: string;
      title: string | null;
      file_name: string;
      snippet: string;
    }>(
      `SELECT id, title, file_name,
              substr(text, greatest(1, strpos(text, $2) - 20), length($2) + 60) AS snippet
         FROM contracts WHERE text LIKE $1 ORDER BY received_at DESC LIMIT 100`,
      [like, q],
    );
    return {
      hits: rows.map((r) => ({
        id: r.id,
        title: r.title,
        fileName: r.file_name,
        snippet: r.snippet,
      })),
    };
  });
}
