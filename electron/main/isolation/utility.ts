/**
 * The parser process in the desktop app: an Electron utility process (a Node process without
 * Electron's APIs, started from the app's own binary, so no `RunAsNode` is needed) running the
 * bundled `parser.cjs`. Only the app loads this file; the command line and tests use
 * `spawnNodeParser`.
 */
import { utilityProcess } from 'electron';
import { PARSER_ENTRY, parserEnv, type SpawnParser } from './parser';
import type { ParseResponse } from './protocol';

export const spawnUtilityParser: SpawnParser = (heapMb) => {
  const child = utilityProcess.fork(PARSER_ENTRY, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    serviceName: 'Qiyue parser',
    env: parserEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8192);
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => child.postMessage(request),
    onMessage: (handler) => child.on('message', (m) => handler(m as ParseResponse)),
    onExit: (handler) => child.once('exit', (code) => handler(code, null, stderr)),
    kill: () => {
      child.kill();
    },
  };
};
