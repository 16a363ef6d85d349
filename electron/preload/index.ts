/**
 * The preload exposes exactly the contract's methods on `window.complaintDesk`, each a function that sends
 * its one input over its own IPC channel and returns main's answer. No ipcRenderer, no Node, no event
 * listeners: the renderer can call the API and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, BRIDGE_GLOBAL, ipcChannel } from '../../shared/api/methods';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown): Promise<unknown> => ipcRenderer.invoke(ipcChannel(method), input)]),
);

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge));
