/**
 * An OCR installation that cannot load (a model file missing or damaged, as after a broken copy
 * onto an air-gapped machine) is refused with its own code and a message that says what to do,
 * not a library's stack; the models shipped load.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OcrEngine, defaultModelPaths } from '../../electron/main/ocr/engine';
import { QiyueError } from '../../shared/domain/errors';

async function refusal(p: Promise<unknown>): Promise<QiyueError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(QiyueError);
  return err as QiyueError;
}

describe('the OCR engine', () => {
  it('refuses missing or damaged models with ocr-unavailable, and loads the shipped ones', async () => {
    const shipped = defaultModelPaths();
    for (const f of Object.values(shipped)) expect(fs.existsSync(f), f).toBe(true);
    const missing = await refusal(
      OcrEngine.create({ ...shipped, recognitionPath: '/nonexistent/rec.onnx' }),
    );
    expect(missing.code).toBe('ocr-unavailable');
    expect(missing.message).toContain('请重新安装契阅');
    expect(missing.message).toContain('reinstall Qiyue');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-ocr-model-'));
    const damaged = path.join(dir, 'det.onnx');
    // The first 64 KiB of the real model: a truncated copy.
    fs.writeFileSync(damaged, fs.readFileSync(shipped.detectionPath).subarray(0, 65536));
    expect((await refusal(OcrEngine.create({ ...shipped, detectionPath: damaged }))).code).toBe(
      'ocr-unavailable',
    );
    fs.rmSync(dir, { recursive: true, force: true });
    await expect(OcrEngine.create(shipped)).resolves.toBeInstanceOf(OcrEngine);
  });
});
