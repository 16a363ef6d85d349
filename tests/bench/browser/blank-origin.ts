/**
 * A second origin for the bare write a restore is measured against: an empty page on another port of this
 * machine. Chromium keeps one IndexedDB store per origin, so a database written from this page starts in empty
 * storage, as a restore does, however much the app's origin already holds.
 */
import { createServer } from 'node:http';

export interface BlankOrigin {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startBlankOrigin(): Promise<BlankOrigin> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>bare write</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the blank origin has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
