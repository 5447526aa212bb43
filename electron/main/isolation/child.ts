/**
 * The parser process: receives one file at a time from its parent (`{ id, fileName, bytes,
 * options }`), parses it ({@link parseContract}) and answers `{ id, ok: true, result }` or
 * `{ id, ok: false, code, message }`. Library errors are written to stderr (the parent's log),
 * never sent as the message. A promise a library leaves rejected does not kill the process; an
 * exhausted heap does, and the parent reports the file as too complex.
 */
import { QiyueError } from '../../../shared/domain/errors';
import { parseContract } from './parse';
import type { ParseRequest, ParseResponse } from './protocol';

/** How this process talks to its parent: Node's `process.send`, or Electron's `parentPort`. */
interface Port {
  send(message: ParseResponse): void;
  onMessage(handler: (message: ParseRequest) => void): void;
}

function nodePort(): Port {
  return {
    send: (m) => process.send!(m),
    onMessage: (h) => process.on('message', (m) => h(m as ParseRequest)),
  };
}

function electronPort(): Port | null {
  const parentPort = (process as unknown as { parentPort?: Electron.ParentPort }).parentPort;
  if (!parentPort) return null;
  return {
    send: (m) => parentPort.postMessage(m),
    onMessage: (h) => parentPort.on('message', (e) => h(e.data as ParseRequest)),
  };
}

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`qiyue parser: unhandled rejection: ${String(reason)}\n`);
});

const port = electronPort() ?? nodePort();
// The parent going away (closed app, finished command line) ends this process.
process.on('disconnect', () => process.exit(0));

port.onMessage(async (req) => {
  try {
    const result = await parseContract(req.fileName, req.bytes, req.options, {
      onProgress: (progress) => port.send({ id: req.id, progress }),
    });
    port.send({ id: req.id, ok: true, result });
  } catch (err) {
    if (err instanceof QiyueError) {
      // The library's own words stay in the log; the reviewer gets the specific message.
      if (err.cause)
        process.stderr.write(`qiyue parser: ${req.fileName}: [${err.code}] ${String(err.cause)}\n`);
      port.send({ id: req.id, ok: false, code: err.code, message: err.message });
      return;
    }
    process.stderr.write(
      `qiyue parser: ${req.fileName}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    port.send({
      id: req.id,
      ok: false,
      code: 'corrupt',
      unexpected: true,
      message:
        '文件无法解析：内容损坏或格式不符合规范；请用原软件重新导出后再导入 (the file could not be parsed: it is damaged or malformed)',
    });
  }
});
