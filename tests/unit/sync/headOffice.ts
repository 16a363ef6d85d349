/**
 * A small head office for the branch engine's tests: a real HTTP listener on loopback that speaks the protocol
 * of shared/sync (gzip'd envelopes, signatures, the replay window, idempotent batch ids, sequence gaps, the
 * signed status request), with switches for the faults the tests need. It stores events by seq and checks no
 * domain rules: the real server (server/) does that; here only the branch's behaviour is under test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { BatchBodySchema, BatchEnvelopeSchema, REPLAY_WINDOW_MS, type BatchResult, type SyncRefusalCode } from '../../../shared/sync/protocol';
import { payloadHashOf, signatureHolds } from '../../../shared/sync/signature';
import { sealEnvelope } from '../../../shared/sync/envelope';

export interface Faults {
  /** Destroy the connection of the next n batch requests before storing anything. */
  dropBeforeStore: number;
  /** Store the next n batches, then destroy the connection instead of answering (the answer is lost). */
  dropAfterStore: number;
  /** Never answer (until the listener closes). */
  hang: boolean;
  /** Answer "duplicate" without storing anything (a broken head office). */
  answerWithoutStoring: boolean;
}

export interface Received {
  readonly path: string;
  readonly batchId?: string;
  readonly payloadHash?: string;
  readonly events?: number;
}

export interface FakeHeadOffice {
  readonly url: string;
  /** Events stored, by seq, once each. */
  readonly stored: Map<number, unknown>;
  /** Every request that reached the handler, in order. */
  readonly received: Received[];
  readonly faults: Faults;
  /** Head office's clock is ours plus this. */
  clockOffsetMs: number;
  revoked: boolean;
  /** Requests held by `hang`, not answered yet. */
  readonly hanging: () => number;
  ackedThroughSeq(): number;
  /** Head office restored from an older backup: it forgets everything after `seq`. */
  forgetAfter(seq: number): void;
  /** A signed acknowledgement file, as head office writes it after a USB import. */
  writeAckFile(file: string, ackedThroughSeq: number, secret?: string): Promise<void>;
  /** Stops listening and cuts every connection (head office down); `start` brings it back on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

export async function startFakeHeadOffice(branch: string, secret: string): Promise<FakeHeadOffice> {
  const stored = new Map<number, unknown>();
  const batches = new Map<string, string>();
  const received: Received[] = [];
  const faults: Faults = { dropBeforeStore: 0, dropAfterStore: 0, hang: false, answerWithoutStoring: false };
  const sockets = new Set<Socket>();
  let held = 0;
  let port = 0;
  const acked = () => stored.size;
  const serverTime = () => new Date(Date.now() + office.clockOffsetMs).toISOString();

  const refused = (code: SyncRefusalCode, extra: Json = {}): BatchResult => ({ status: 'refused', code, message: code, serverTime: serverTime(), ...extra });

  async function readEnvelope(request: IncomingMessage): Promise<{ ok: true; envelope: ReturnType<typeof BatchEnvelopeSchema.parse> } | { ok: false; answer: BatchResult }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    const envelope = BatchEnvelopeSchema.safeParse(JSON.parse(text));
    if (!envelope.success) return { ok: false, answer: refused('malformed_batch') };
    if (envelope.data.branch !== branch) return { ok: false, answer: refused('unknown_branch') };
    if (!(await signatureHolds(secret, envelope.data))) return { ok: false, answer: refused('bad_signature') };
    if (office.revoked) return { ok: false, answer: refused('revoked_branch') };
    if (Math.abs(Date.parse(envelope.data.timestamp) - Date.parse(serverTime())) > REPLAY_WINDOW_MS) return { ok: false, answer: refused('timestamp_outside_window') };
    return { ok: true, envelope: envelope.data };
  }

  async function batch(request: IncomingMessage, response: ServerResponse): Promise<BatchResult | 'dropped'> {
    const read = await readEnvelope(request);
    if (!read.ok) {
      received.push({ path: 'batches' });
      return read.answer;
    }
    const body = BatchBodySchema.parse(JSON.parse(read.envelope.body));
    received.push({ path: 'batches', batchId: body.batchId, payloadHash: body.payloadHash, events: body.events.length });
    if (faults.dropBeforeStore > 0) {
      faults.dropBeforeStore -= 1;
      response.socket?.destroy();
      return 'dropped';
    }
    if (faults.answerWithoutStoring) return { status: 'duplicate', batchId: body.batchId, ackedThroughSeq: acked(), serverTime: serverTime() };
    if ((await payloadHashOf(body.events)) !== body.payloadHash) return refused('hash_mismatch', { batchId: body.batchId });
    const known = batches.get(body.batchId);
    if (known !== undefined && known !== body.payloadHash) return refused('batch_conflict', { batchId: body.batchId });
    if (known === undefined || body.toSeq > acked()) {
      if (body.fromSeq !== acked() + 1) return refused('sequence_gap', { batchId: body.batchId, expectedFromSeq: acked() + 1 });
      body.events.forEach((event, index) => stored.set(body.fromSeq + index, event));
      batches.set(body.batchId, body.payloadHash);
      if (faults.dropAfterStore > 0) {
        faults.dropAfterStore -= 1;
        response.socket?.destroy();
        return 'dropped';
      }
      return { status: 'accepted', batchId: body.batchId, ackedThroughSeq: acked(), serverTime: serverTime() };
    }
    return { status: 'duplicate', batchId: body.batchId, ackedThroughSeq: acked(), serverTime: serverTime() };
  }

  async function status(request: IncomingMessage): Promise<Json | BatchResult> {
    const read = await readEnvelope(request);
    received.push({ path: 'status' });
    return read.ok ? { branch, ackedThroughSeq: acked(), serverTime: serverTime() } : read.answer;
  }

  const server = createServer((request, response) => {
    if (faults.hang) {
      held += 1;
      request.resume();
      return;
    }
    const work = request.url === '/api/v1/batches' ? batch(request, response) : request.url === '/api/v1/status' ? status(request) : Promise.resolve(undefined);
    void work.then((answer) => {
      if (answer === 'dropped') return;
      if (answer === undefined) return response.writeHead(404).end();
      const refusedAnswer = 'status' in answer && answer.status === 'refused';
      response.writeHead(refusedAnswer ? 400 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        if (address && typeof address === 'object') port = address.port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      held = 0;
    });

  await listen();
  const office: FakeHeadOffice = {
    url: `http://127.0.0.1:${port}`,
    stored,
    received,
    faults,
    clockOffsetMs: 0,
    revoked: false,
    hanging: () => held,
    ackedThroughSeq: acked,
    forgetAfter(seq) {
      for (const key of [...stored.keys()]) if (key > seq) stored.delete(key);
      batches.clear();
    },
    async writeAckFile(file, ackedThroughSeq, signingSecret = secret) {
      const envelope = await sealEnvelope(signingSecret, branch, JSON.stringify({ ackedThroughSeq }), serverTime());
      await writeFile(file, JSON.stringify(envelope));
    },
    down,
    up: listen,
    close: down,
  };
  return office;
}
