// Run both, for the reconnect libraries' suggestions, with the REAL libraries against local servers.
//
// socket.io-client 4.8.4 (pinned in the root devDependencies, with socket.io 4.8.4 for the server)
// is the one reconnect library the plugin has suggestions for (`reconnectionAttempts: 10` for
// no-unbounded-retry, `randomizationFactor: 0.5` for require-jitter, a lower
// `reconnectionDelayMax` for require-max-delay, a `reconnectionDelayMax` above a constant delay
// for require-backoff). Each program below connects
// with the real client, as written and after every suggestion offered for its findings, to:
//   - a closed port (every connection refused);
//   - a real socket.io server whose handshake is refused twice (`allowRequest`), then accepted;
//   - a real socket.io server that accepts, drops the connection (engine closed), then accepts.
// Attempts are the client's connection attempts (the first and each `reconnect_attempt`; with a
// server, also its handshakes, which must agree). The waits are the ones the client's own backoff
// computes and hands to its timer (`Manager.reconnect`: `backoff.duration()` then
// `setTimeoutFn(…, delay)`): that timer fires at once and the wait is recorded; every other timer
// (the connect timeout) keeps real time. A client still reconnecting after 15 attempts is stopped.
//
// A suggestion keeps the meaning: the same outcome, attempts and waits in every scenario, except
// what its finding is about: an attempt limit gives up after that many reconnects where the
// original never gave up (and changes nothing where the server comes back); jitter keeps the
// outcome and attempts, keeps each wait within ±50 % of the original's (and under the cap), and
// makes the waits follow the random source; a lower cap keeps every wait, cut at the cap; growth
// keeps the first wait and doubles it after each attempt, up to the cap.
//
// The other reconnect libraries the plugin judges (ioredis `retryStrategy`, node-redis
// `reconnectStrategy`, kafkajs `retry`, @microsoft/signalr `withAutomaticReconnect`, graphql-ws
// `retryWait`/`retryAttempts`, reconnecting-websocket) get findings but no suggestion (no edit to
// run): the last test below pins that, so a suggestion added for one of them fails it until it is
// run against its library here too. (kafkajs could not be run here in any case: it needs a broker.)
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apply, findings, offeredEdits, parseError, type OfferedEdit } from './harness';

type Scenario = 'refused always (closed port)' | 'handshake refused twice, then accepted' | 'accepted, dropped, then accepted';
const SCENARIOS: Scenario[] = ['refused always (closed port)', 'handshake refused twice, then accepted', 'accepted, dropped, then accepted'];

/** A client that never gives up is stopped after this many attempts. */
const STOP_AFTER = 15;

interface Run {
  /** `connected` (and for the drop scenario, `reconnected`), `gave up` (reconnect_failed), or `still reconnecting`. */
  outcome: string;
  attempts: number;
  /** The waits the client's backoff computed before each reconnect. */
  waits: number[];
  /** Handshakes the server saw (0 for the closed port). */
  handshakes: number;
  /** The longest wait the client's backoff allows (its `reconnectionDelayMax`, as the client read it). */
  cap: number;
  /** The first delay before jitter (`reconnectionDelay`) and the jitter fraction, as the client read them. */
  min: number;
  jitter: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ioClient: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ioServer: any;
const usedPorts = new Set<number>();

/** A port no earlier run used (socket.io-client keeps one Manager per host and port). */
async function freshServer(handler?: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  for (;;) {
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    if (!usedPorts.has(port)) {
      usedPorts.add(port);
      return { server, port };
    }
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Module text to a function body: `import`s read from the client module, `export` dropped. */
function asScript(text: string): string {
  return text.replace(/import\s*\{([^}]*)\}\s*from\s*['"]socket\.io-client['"];?/g, (_, names: string) => `const {${names.replace(/\bas\b/g, ':')}} = client;`).replace(/import\s+(\w+)\s+from\s*['"]socket\.io-client['"];?/g, (_, d: string) => `const ${d} = client.default ?? client.io;`).replace(/^export\s+/gm, '');
}

/** Runs `text` (a module defining `connect(url)` that returns a socket) in `scenario`, `Math.random` fixed at `random`. */
async function runProgram(text: string, scenario: Scenario, random = 0.5): Promise<Run> {
  const realRandom = Math.random;
  let handshakes = 0;
  let http1: { server: http.Server; port: number } | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let io: any;
  let port: number;
  if (scenario === 'refused always (closed port)') {
    const s = await freshServer();
    port = s.port;
    await new Promise((resolve) => s.server.close(resolve));
  } else {
    http1 = await freshServer();
    port = http1.port;
    io = new ioServer.Server(http1.server, {
      // Each new session's handshake passes here once: the refused ones are the scripted failures.
      allowRequest: (_req: unknown, cb: (err: string | null, ok: boolean) => void) => {
        handshakes++;
        const refuse = scenario === 'handshake refused twice, then accepted' && handshakes <= 2;
        cb(refuse ? 'refused' : null, !refuse);
      },
    });
    if (scenario === 'accepted, dropped, then accepted') {
      // The first session is dropped by the server (the engine closed, not a socket.io disconnect, so the client reconnects).
      io.on('connection', (socket: { conn: { close: () => void } }) => {
        if (handshakes === 1) setImmediate(() => socket.conn.close());
      });
    }
  }
  Math.random = () => random;
  const waits: number[] = [];
  let attempts = 1;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let socket: any;
  let cap = Infinity;
  let min = 0;
  let jitter = 0;
  try {
    const connect = new Function('client', `${asScript(text)}\nreturn connect;`)(ioClient) as (url: string) => unknown;
    socket = connect(`http://127.0.0.1:${port}`);
    const manager = socket.io;
    cap = manager.backoff.max;
    min = manager.backoff.ms;
    jitter = manager.backoff.jitter;
    // The wait the backoff computes is the delay of the next timer the manager sets (Manager.reconnect).
    const duration = manager.backoff.duration.bind(manager.backoff);
    let backoffTimer = false;
    manager.backoff.duration = () => {
      const ms = duration();
      backoffTimer = true;
      return ms;
    };
    const setTimeoutFn = manager.setTimeoutFn;
    manager.setTimeoutFn = (cb: () => void, ms: number) => {
      if (!backoffTimer) return setTimeoutFn(cb, ms);
      backoffTimer = false;
      waits.push(ms);
      return setTimeoutFn(cb, 0);
    };
    const outcome = await new Promise<string>((resolve) => {
      let connects = 0;
      const timer = setTimeout(() => resolve('timed out'), 30_000);
      const done = (o: string): void => {
        clearTimeout(timer);
        resolve(o);
      };
      socket.on('connect', () => {
        connects++;
        if (scenario !== 'accepted, dropped, then accepted') done('connected');
        else if (connects === 2) done('reconnected');
      });
      manager.on('reconnect_attempt', () => {
        attempts++;
        if (attempts >= STOP_AFTER) done('still reconnecting');
      });
      manager.on('reconnect_failed', () => done('gave up'));
    });
    return { outcome, attempts, waits, handshakes, cap, min, jitter };
  } finally {
    Math.random = realRandom;
    socket?.disconnect();
    socket?.io?._close?.();
    if (io) await new Promise((resolve) => io.close(resolve));
    else if (http1) await new Promise((resolve) => http1!.server.close(resolve));
  }
}

const PROGRAMS: Record<string, string> = {
  'io(): unlimited attempts, no jitter, a cap above maxDelayMs': `import { io } from 'socket.io-client';

export function connect(url) {
  return io(url, { reconnectionAttempts: Infinity, randomizationFactor: 0, reconnectionDelay: 100, reconnectionDelayMax: 120000 });
}
`,
  'io() default export: reconnectionAttempts 0 (read as Infinity), constant delay': `import io from 'socket.io-client';

export function connect(url) {
  return io(url, { reconnectionDelay: 50, reconnectionDelayMax: 50, reconnectionAttempts: 0 });
}
`,
  'io(): a reconnection option set, the attempt limit left at its default (Infinity)': `import { io } from 'socket.io-client';

export function connect(url) {
  return io(url, { transports: ['websocket'], reconnectionDelay: 20, reconnectionDelayMax: 400, randomizationFactor: 0 });
}
`,
  'new Manager(): no jitter, bounded': `import { Manager } from 'socket.io-client';

export function connect(url) {
  const manager = new Manager(url, { reconnectionAttempts: 6, reconnectionDelay: 10, reconnectionDelayMax: 200, randomizationFactor: 0 });
  return manager.socket('/');
}
`,
};

/** What a suggestion's finding lets it change: fewer attempts (a limit), or the waits (jitter). */
function check(edit: OfferedEdit, scenario: Scenario, before: Run, after: Run, label: string): void {
  const rule = edit.finding.ruleId;
  if (before.handshakes > 0 || after.handshakes > 0) {
    // With a server, every attempt after the refused ones is a handshake it saw.
    assert.ok(after.handshakes <= after.attempts, `handshakes within attempts: ${label}`);
  }
  if (rule === 'retry/no-unbounded-retry') {
    if (before.outcome === 'still reconnecting') {
      // The limit: 1 attempt and 10 reconnects, then the client gives up.
      assert.equal(after.outcome, 'gave up', `gives up: ${label}`);
      assert.equal(after.attempts, 11, `11 attempts: ${label}`);
      assert.deepEqual(after.waits, before.waits.slice(0, 10), `the same waits up to the limit: ${label}`);
    } else {
      assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
      assert.equal(after.attempts, before.attempts, `same attempts: ${label}`);
      assert.deepEqual(after.waits, before.waits, `same waits: ${label}`);
    }
    return;
  }
  assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
  assert.equal(after.attempts, before.attempts, `same attempts: ${label}`);
  assert.equal(after.waits.length, before.waits.length, `as many waits: ${label}`);
  if (rule === 'retry/require-max-delay') {
    // The cap lowered: every wait is the original's, cut at the new cap.
    assert.ok(after.cap < before.cap, `a lower cap (${before.cap} → ${after.cap} ms): ${label}`);
    assert.deepEqual(after.waits, before.waits.map((w) => Math.min(w, after.cap)), `the same waits, cut at the cap: ${label}`);
  }
  if (rule === 'retry/require-backoff' && after.waits.length > 0) {
    // From the same first delay, doubling after each attempt up to the cap, each wait within the
    // client's jitter of that delay (the library default, 0.5, when the program sets none).
    assert.equal(after.min, before.min, `the same first delay: ${label}`);
    assert.ok(after.cap > before.cap, `room to grow (cap ${before.cap} → ${after.cap} ms): ${label}`);
    after.waits.forEach((w, i) => {
      const d = after.min * 2 ** i;
      assert.ok(w >= Math.min(Math.floor(d * (1 - after.jitter)), after.cap) && w <= Math.min(Math.ceil(d * (1 + after.jitter)), after.cap), `wait ${i + 1} (${w} ms) is the doubled delay ${d} ms within ±${after.jitter * 100} %, under ${after.cap} ms: ${label}`);
    });
    if (after.waits.length >= 3) assert.ok(after.waits[2]! > after.waits[0]!, `the wait grows: ${label}`);
  }
  if (rule === 'retry/require-jitter') {
    after.waits.forEach((w, i) => {
      const d = before.waits[i]!;
      assert.ok(w >= Math.floor(d * 0.5) && w <= Math.min(Math.ceil(d * 1.5), after.cap), `wait ${i + 1} (${w} ms) within ±50 % of ${d} ms and under the cap: ${label}`);
    });
  }
}

describe('run both, real reconnect libraries: socket.io-client reconnection suggestions keep what the reconnection does', function () {
  this.timeout(180_000);
  before(async () => {
    ioClient = await import('socket.io-client');
    ioServer = await import('socket.io');
  });
  const tally = { programs: 0, suggestions: 0, runs: 0 };
  for (const [name, text] of Object.entries(PROGRAMS)) {
    describe(name, () => {
      const file = '/ws/src/socket.js';
      const list = findings(text, file);
      const edits = offeredEdits(text, file, list).filter((e) => e.kind === 'suggestion');
      it('has findings with suggestions, and each parses', () => {
        assert.ok(list.length > 0, 'the program has findings');
        assert.ok(edits.length > 0, `suggestions are offered for ${list.map((f) => f.ruleId).join(', ')}`);
        for (const e of edits) assert.equal(parseError(apply(text, e.edits), file), undefined, `${e.title} parses`);
        tally.programs++;
      });
      it('the original, as written, behaves as its findings say', async () => {
        const refused = await runProgram(text, 'refused always (closed port)');
        const unbounded = list.some((f) => f.ruleId === 'retry/no-unbounded-retry');
        assert.equal(refused.outcome, unbounded ? 'still reconnecting' : 'gave up', `refused: ${JSON.stringify(refused)}`);
        if (list.some((f) => f.ruleId === 'retry/require-jitter')) {
          const other = await runProgram(text, 'refused always (closed port)', 0.99);
          assert.deepEqual(other.waits, refused.waits, 'no jitter: the waits do not follow the random source');
        }
      });
      for (const edit of edits) {
        it(`${edit.title} (for ${edit.finding.ruleId}, line ${edit.finding.line})`, async () => {
          tally.suggestions++;
          const rewritten = apply(text, edit.edits);
          for (const scenario of SCENARIOS) {
            const before = await runProgram(text, scenario);
            const after = await runProgram(rewritten, scenario);
            tally.runs += 2;
            const label = `${scenario}: ${before.attempts} → ${after.attempts} attempts, ${before.outcome} → ${after.outcome}, waits [${before.waits}] → [${after.waits}]\n--- rewritten:\n${rewritten}`;
            if (scenario !== 'refused always (closed port)') assert.notEqual(before.outcome, 'timed out', label);
            check(edit, scenario, before, after, label);
          }
          if (edit.finding.ruleId === 'retry/require-jitter') {
            const low = await runProgram(rewritten, 'refused always (closed port)', 0.01);
            const high = await runProgram(rewritten, 'refused always (closed port)', 0.97);
            assert.notDeepEqual(low.waits, high.waits, `the waits follow Math.random ([${low.waits}] vs [${high.waits}])\n${rewritten}`);
          }
        });
      }
    });
  }
  after(() => {
    // eslint-disable-next-line no-console
    console.log(`      socket.io-client: ${tally.programs} programs, ${tally.suggestions} suggestions run × ${SCENARIOS.length} scenarios (${tally.runs} runs)`);
  });
});

describe('reconnect libraries without suggestions: findings, and no edit to run', () => {
  const PROGRAMS_WITHOUT: Record<string, string> = {
    'ioredis retryStrategy': `import Redis from 'ioredis';\nexport const r = new Redis({ retryStrategy: (times) => 2 ** times * 100 });\n`,
    'node-redis reconnectStrategy': `import { createClient } from 'redis';\nexport const c = createClient({ socket: { reconnectStrategy: (retries) => retries * 1000 } });\n`,
    'kafkajs retry': `import { Kafka } from 'kafkajs';\nexport const k = new Kafka({ brokers: ['b:9092'], retry: { retries: Infinity, factor: 0, multiplier: 1 } });\n`,
    'signalr withAutomaticReconnect': `import { HubConnectionBuilder } from '@microsoft/signalr';\nexport const c = new HubConnectionBuilder().withUrl('/hub').withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 5000 }).build();\n`,
    'graphql-ws retryAttempts': `import { createClient } from 'graphql-ws';\nexport const c = createClient({ url: 'ws://x', retryAttempts: Infinity });\n`,
    'reconnecting-websocket': `import ReconnectingWebSocket from 'reconnecting-websocket';\nexport const s = new ReconnectingWebSocket('ws://x', [], { minReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1, maxRetries: Infinity });\n`,
  };
  for (const [name, text] of Object.entries(PROGRAMS_WITHOUT)) {
    it(`${name}: has findings, none with a suggestion (a new one must be run against the library above)`, () => {
      const list = findings(text, '/ws/src/client.js');
      assert.ok(list.length > 0, 'the program has findings');
      const edits = offeredEdits(text, '/ws/src/client.js', list).filter((e) => e.kind === 'suggestion');
      assert.deepEqual(edits.map((e) => `${e.finding.ruleId}: ${e.title}`), []);
    });
  }
});
