/**
 * A throwaway PostgreSQL for the team-store tests: Debian's server binaries (`initdb`,
 * `pg_ctl`), a cluster in a temporary folder, listening on a Unix socket in that folder only (no
 * TCP port). PostgreSQL refuses to run as root, so as root (CI) the cluster belongs to the
 * `postgres` system user and is driven through `runuser`. Stopped and deleted by `stop`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import pg from 'pg';

/** Where Debian puts the server's binaries (`postgresql-15` and later). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  return path.join(root, versions[0], 'bin');
}

export interface TestPostgres {
  /** The socket folder: `host` of a connection. */
  socketDir: string;
  /** A pool connecting as `user` (the superuser `qiyue_admin` by default) to database `qiyue`. */
  pool(user?: string): pg.Pool;
  restart(): void;
  stopServer(): void;
  startServer(): void;
  stop(): Promise<void>;
}

/** Starts a new cluster with a database `qiyue` owned by the superuser `qiyue_admin`. */
export function startPostgres(): TestPostgres {
  const bin = binDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-pg-'));
  const data = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  fs.mkdirSync(socketDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    fs.chmodSync(root, 0o755);
    execFileSync('chown', ['-R', 'postgres:postgres', root]);
  }
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-U', 'qiyue_admin', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-w',
      '-l',
      path.join(root, 'log'),
      '-o',
      `-k ${socketDir} -c listen_addresses='' -c max_connections=200`,
      'start',
    ]);
  const stopServer = () => run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
  start();
  execFileSync(path.join(bin, 'createdb'), ['-h', socketDir, '-U', 'qiyue_admin', 'qiyue'], {
    stdio: 'pipe',
  });
  const pools: pg.Pool[] = [];
  return {
    socketDir,
    pool(user = 'qiyue_admin') {
      const p = new pg.Pool({ host: socketDir, user, database: 'qiyue', max: 10 });
      p.on('error', () => undefined);
      pools.push(p);
      return p;
    },
    restart() {
      stopServer();
      start();
    },
    stopServer,
    startServer: start,
    async stop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      try {
        stopServer();
      } catch {
        // already stopped
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A self-signed certificate for `localhost` (openssl), and its SHA-256 fingerprint. */
export function testCertificate(): { key: string; cert: string; fingerprint: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'pipe' },
  );
  const key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
  const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}
