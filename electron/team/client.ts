/**
 * The desktop's side of the team server's HTTPS: requests to the one address the user set, to a
 * server whose certificate has the SHA-256 fingerprint the user was given by IT staff (pinned:
 * the certificate is read first, compared, and only then trusted for the requests), answers
 * checked with the zod shapes of `protocol.ts`. No other host is ever contacted.
 */
import https from 'node:https';
import tls from 'node:tls';
import net from 'node:net';
import { X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import type { Installation } from '../main/identity';
import { QiyueError } from '../../shared/domain/errors';
import { SessionSchema, type Session } from './protocol';

/** Where the team server is, and the fingerprint its certificate must have. */
export interface TeamServerConfig {
  /** `https://host:port` */
  url: string;
  /** SHA-256 of the certificate, hex in pairs (`AB:CD:…`), as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprint: string;
}

/** A request failed: the server's answer (`status`, `code`), or none (`status` 0: unreachable). */
export class TeamRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 30_000;

/** Normalises a fingerprint for comparison (`ab:cd` and `ABCD` are the same). */
function normal(fp: string): string {
  return fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

export class TeamClient {
  private trusted: { ca: string } | null = null;
  private token: string | null = null;
  private readonly base: URL;
  /** The name sent in the TLS handshake (none for an IP address, RFC 6066). */
  private readonly servername: string | undefined;

  constructor(private readonly config: TeamServerConfig) {
    this.base = new URL(config.url);
    this.servername = net.isIP(this.base.hostname) ? undefined : this.base.hostname;
    if (this.base.protocol !== 'https:')
      throw new QiyueError(
        'invalid-request',
        `团队服务器地址须以 https:// 开头 (the team server's address must be https://)`,
      );
  }

  /**
   * Reads the server's certificate and compares its fingerprint with the one configured; the
   * top of the chain it presents is then the only authority its requests trust.
   * @throws TeamRequestError `certificate` when the fingerprint differs; status 0 when unreachable
   */
  private async trust(): Promise<{ ca: string }> {
    if (this.trusted) return this.trusted;
    const chain = await new Promise<tls.DetailedPeerCertificate>((resolve, reject) => {
      const socket = tls.connect({
        host: this.base.hostname,
        port: Number(this.base.port || 443),
        servername: this.servername,
        rejectUnauthorized: false,
        timeout: TIMEOUT_MS,
      });
      socket.once('secureConnect', () => {
        const cert = socket.getPeerCertificate(true);
        socket.end();
        resolve(cert);
      });
      socket.once('timeout', () => socket.destroy(new Error('timeout')));
      socket.once('error', reject);
    }).catch((err: Error) => {
      throw new TeamRequestError(
        0,
        'unreachable',
        `无法连接团队服务器 (the team server cannot be reached: ${err.message})`,
      );
    });
    if (!chain.raw || normal(chain.fingerprint256) !== normal(this.config.fingerprint))
      throw new TeamRequestError(
        0,
        'certificate',
        `团队服务器的证书指纹与设置不符 (the team server's certificate is not the one configured: ${chain.fingerprint256})`,
      );
    let top: tls.DetailedPeerCertificate = chain;
    while (top.issuerCertificate && top.issuerCertificate !== top && top.issuerCertificate.raw)
      top = top.issuerCertificate;
    this.trusted = { ca: new X509Certificate(top.raw).toString() };
    return this.trusted;
  }

  /**
   * Signs in as `name` from this installation (its key proves itself by signing the name and
   * time); the session is kept for the requests that follow.
   */
  async signIn(name: string, password: string, installation: Installation): Promise<Session> {
    const at = Date.now();
    const proof = installation.sign(new TextEncoder().encode(`qiyue-team-signin/1|${name}|${at}`));
    const session = await this.request(
      'POST',
      '/v1/session',
      { name, password, publicKey: installation.publicKey, at, proof },
      SessionSchema,
    );
    this.token = session.token;
    return session;
  }

  /** A JSON request; the answer checked with `schema`. @throws TeamRequestError */
  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const bytes = await this.raw(method, path, body);
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new TeamRequestError(
        0,
        'bad-answer',
        '团队服务器的回答无法读取 (the team server’s answer is not JSON)',
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new TeamRequestError(
        0,
        'bad-answer',
        '团队服务器的回答格式不对 (the team server’s answer is malformed)',
      );
    return parsed.data;
  }

  /** A request's answer as bytes (originals). @throws TeamRequestError */
  async raw(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Buffer> {
    const { ca } = await this.trust();
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const pinned = normal(this.config.fingerprint);
    return new Promise<Buffer>((resolve, reject) => {
      const req = https.request(
        {
          host: this.base.hostname,
          port: Number(this.base.port || 443),
          path,
          method,
          ca,
          servername: this.servername,
          // The certificate is the pinned one (its name is what IT staff gave it, not checked).
          checkServerIdentity: (_host, cert) =>
            normal(cert.fingerprint256) === pinned ? undefined : new Error('certificate changed'),
          timeout: TIMEOUT_MS,
          headers: {
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': payload.length }
              : {}),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const all = Buffer.concat(chunks);
            if (res.statusCode === 200) return resolve(all);
            let answer: { error?: string; message?: string } = {};
            try {
              answer = JSON.parse(all.toString('utf8'));
            } catch {
              // not JSON: the status says it
            }
            reject(
              new TeamRequestError(
                res.statusCode ?? 0,
                answer.error ?? 'error',
                answer.message ?? `HTTP ${res.statusCode}`,
              ),
            );
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) =>
        reject(
          err instanceof TeamRequestError
            ? err
            : new TeamRequestError(
                0,
                'unreachable',
                `无法连接团队服务器 (the team server cannot be reached: ${err.message})`,
              ),
        ),
      );
      req.end(payload ?? undefined);
    });
  }
}
