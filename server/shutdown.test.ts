/**
 * Stopping head office while a branch's upload is half-sent (its connection lost mid-request): the stop waits
 * for the grace period, then cuts the connection and completes, instead of waiting for ever.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHeadOffice } from './headOffice';

describe('stopping head office', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'complaint-desk-ho-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('cuts a half-sent request after the grace period and stops', async () => {
    const running = await startHeadOffice({ port: 0, dataDir, closeGraceMs: 300 });
    const { hostname, port } = new URL(running.url);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    const headersRead = once(running.app.server, 'request');
    // The headers promise a body that never comes, as a branch that lost its connection mid-upload leaves it.
    socket.write('POST /api/v1/batches HTTP/1.1\r\nHost: head-office\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"batch":');
    await headersRead;
    const socketClosed = once(socket, 'close');
    const started = performance.now();
    await running.close();
    await socketClosed;
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  }, 60_000);
});
