/**
 * The sample contract the welcome view offers on first run: a 信息化运维服务合同 with an NDA,
 * penalties and service levels (one of the team's seed contracts), shipped with the app so a
 * new reviewer can try Qiyue before importing their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The name the sample is imported under (the library shows it under the contract's title). */
export const SAMPLE_FILE_NAME = '示例合同.pdf';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where the sample is: in a package, `resources/sample/` beside the app archive
 * (electron-builder.yml `extraResources`); from a checkout, the repository's
 * `resources/sample/` (found from the bundle in dist-electron/ or from this source file).
 * @returns the file's path, or null when the sample is not installed
 */
export function sampleContractFile(): string | null {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    ...(resourcesPath ? [path.join(resourcesPath, 'sample', 'sample-contract.pdf')] : []),
    path.join(HERE, '..', 'resources', 'sample', 'sample-contract.pdf'),
    path.join(HERE, '..', '..', 'resources', 'sample', 'sample-contract.pdf'),
  ];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}
