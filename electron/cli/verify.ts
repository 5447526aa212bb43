/**
 * `npm run verify -- [--data-dir DIR] REPORT.json…`: checks the sign-off of each exported review
 * report (the app's 导出 JSON): whether the signature is the signing installation's over the
 * original file, the reviewer's name, time and note, and whether the report is still the one
 * signed; and who that installation is to this machine: this installation itself, one whose
 * review bundles the user accepted (the data folder's trusted keys), or an unknown one, whose
 * fingerprint the user must compare with the signer's (a valid signature by an unknown key says
 * nothing of who made it). Prints one line per file; exits 0 when every sign-off is valid (an
 * unknown signer is warned about on stderr), else 1.
 */
import fs from 'node:fs/promises';
import { verifyReport } from '../main/signoff';
import { existingFingerprint } from '../main/identity';
import { defaultDataDir } from '../main/store/paths';
import { openCliStore, runCli, writeErr, writeOut } from './import-files';

/** Fingerprints this machine knows: its own installation's and the trusted ones, by name. */
async function knownSigners(dataDir: string): Promise<Map<string, string>> {
  const store = await openCliStore(dataDir);
  const known = new Map<string, string>();
  for (const k of await store.trustedKeys())
    known.set(k.fingerprint, `已信任的安装（${k.acceptedAt.slice(0, 10)} 接受）`);
  const own = await existingFingerprint(store.files);
  if (own) known.set(own, '本机');
  return known;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--data-dir');
  const dataDir = at >= 0 ? args[at + 1] : defaultDataDir();
  const files = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  if (!files.length || (at >= 0 && !dataDir)) {
    process.stderr.write('usage: npm run verify -- [--data-dir DIR] REPORT.json…\n');
    return 2;
  }
  const known = await knownSigners(dataDir);
  let bad = 0;
  for (const file of files) {
    let exported: Parameters<typeof verifyReport>[0];
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > 256 * 1024 * 1024) throw new Error('not a report file');
      exported = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (err) {
      bad++;
      writeErr(`${file}: 无法读取报告 (cannot read the report: ${(err as Error).message})`);
      continue;
    }
    const r = verifyReport(exported);
    if (r.status === 'valid') {
      const who = known.get(r.fingerprint);
      await writeOut(
        `${file}: 签字有效：${r.by} 于 ${r.at} 签字，签名安装指纹 ${r.fingerprint}（${who ?? '未知安装'}）\n`,
      );
      if (!who)
        writeErr(
          `${file}: 注意：签名来自本机未信任的安装，请与签字人当面或电话核对指纹 ${r.fingerprint} (the signing installation is not known here: compare its fingerprint with the signer)`,
        );
    } else {
      bad++;
      writeErr(
        `${file}: ${
          r.status === 'unsigned'
            ? '报告没有签名的签字 (no signed sign-off)'
            : r.status === 'invalid'
              ? `签字无效：${r.reason} (the sign-off's signature does not hold)`
              : `签字本身有效（${r.by}，${r.at}，指纹 ${r.fingerprint}），但报告内容在签字后已变化 (the report changed after the sign-off)`
        }`,
      );
    }
  }
  return bad ? 1 : 0;
}

runCli(main);
