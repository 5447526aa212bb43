/**
 * `npm run verify -- REPORT.json…`: checks the sign-off of each exported review report (the
 * app's 导出 JSON): whether the signature is the signing installation's over the original file,
 * the reviewer's name, time and note, and whether the report is still the one signed. Prints one
 * line per file; exits 0 when every sign-off is valid, else 1.
 */
import fs from 'node:fs/promises';
import { verifyReport } from '../main/signoff';
import { runCli, writeErr, writeOut } from './import-files';

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (!files.length) {
    process.stderr.write('usage: npm run verify -- REPORT.json…\n');
    return 2;
  }
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
    if (r.status === 'valid')
      await writeOut(`${file}: 签字有效：${r.by} 于 ${r.at} 签字，签名安装指纹 ${r.fingerprint}\n`);
    else {
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
