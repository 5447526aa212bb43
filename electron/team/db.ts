/**
 * The team store's PostgreSQL side: the schema's migrations (plain SQL files in
 * `resources/team-server/migrations/`, applied in order, each once, recorded in
 * `schema_migrations`), users, and running a request's statements as its user.
 *
 * Passwords are kept as scrypt hashes (Node's crypto, N = 2^15, r = 8, p = 1: OWASP's minimum
 * for scrypt), never in the clear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** A user's role: what they may do in the team store (grants and policies of the schema). */
export type TeamRole = 'reviewer' | 'section_chief' | 'auditor';

/** The signed-in user a request runs as. */
export interface TeamUser {
  id: string;
  name: string;
  department: string;
  role: TeamRole;
}

/** Where the migrations are, in the repository and in the packaged resources. */
export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../resources/team-server/migrations',
);

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** The hash kept for `password`: `scrypt$<salt>$<key>` (base64). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, SCRYPT);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `password` is the one `hash` was made from (in constant time). */
export function passwordMatches(password: string, hash: string): boolean {
  const [scheme, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = scryptSync(
    password.normalize('NFC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    SCRYPT,
  );
  return timingSafeEqual(got, expected);
}

/**
 * Applies the migrations not applied yet, in the order of their names, each in a transaction
 * of its own, under an advisory lock (two services starting together apply each once).
 * Run as the database's owner.
 * @returns the names applied now
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((n) => /^\d{3}_[a-z0-9_]+\.sql$/.test(n))
    .sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(74210001)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map(
        (r) => r.name,
      ),
    );
    for (const name of files) {
      if (done.has(name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(fs.readFileSync(path.join(dir, name), 'utf8'));
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(74210001)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/**
 * Adds a department (if new) and a user in it (run as the owner, by IT staff through
 * `npm run server -- add-user`).
 * @throws Error when the name is taken
 */
export async function addUser(
  pool: pg.Pool,
  user: { name: string; department: string; role: TeamRole; password: string },
): Promise<TeamUser> {
  await pool.query(
    'INSERT INTO departments (id, name) VALUES ($1, $1) ON CONFLICT (id) DO NOTHING',
    [user.department],
  );
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO users (name, department, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
    [user.name, user.department, user.role, hashPassword(user.password)],
  );
  return { id: rows[0].id, name: user.name, department: user.department, role: user.role };
}

/**
 * Runs `fn` in one transaction as `user`: its role set (the grants apply), its id and
 * department set for the row-level policies, the department's advisory lock taken when it
 * writes (so change numbers commit in order). Rolled back when `fn` throws.
 */
export async function asUser<T>(
  pool: pg.Pool,
  user: TeamUser,
  write: boolean,
  fn: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL ROLE qiyue_${user.role}`);
    await client.query(
      "SELECT set_config('qiyue.user', $1, true), set_config('qiyue.department', $2, true)",
      [user.id, user.department],
    );
    if (write) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [user.department]);
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
