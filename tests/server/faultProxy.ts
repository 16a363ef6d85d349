/**
 * A TCP proxy in front of head office that breaks the next connection on purpose: cut the request part-way
 * (the connection drops mid-batch) or let the request through and drop the response (the server committed,
 * the branch never heard). Every later connection passes.
 */
import { connect, createServer, type Socket } from 'node:net';

export type Fault = 'cut_request' | 'drop_response';

export interface FaultProxy {
  readonly url: string;
  /** Breaks the next connection this way. */
  next(fault: Fault): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  let pending: Fault | undefined;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const fault = pending;
    pending = undefined;
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    if (fault === 'cut_request') {
      let forwarded = 0;
      client.on('data', (chunk: Buffer) => {
        // Headers and part of the body, then the line goes dead.
        if (forwarded > 0) return cut();
        forwarded += chunk.length;
        upstream.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), cut);
      });
    } else {
      client.pipe(upstream);
    }
    if (fault === 'drop_response') upstream.once('data', cut);
    else upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    next: (fault) => (pending = fault),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
