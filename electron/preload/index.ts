/**
 * The one contextBridge call: `window.qiyue.invoke(channel, payload)`, refusing channels that
 * are not in the IPC contract. No raw ipcRenderer, no sendSync.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';

contextBridge.exposeInMainWorld('qiyue', {
  invoke(channel: string, payload: unknown): Promise<unknown> {
    if (!(CHANNEL_NAMES as readonly string[]).includes(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-request', message: `unknown IPC channel: ${channel}` },
      });
    }
    return ipcRenderer.invoke('qiyue:invoke', channel, payload);
  },
});
