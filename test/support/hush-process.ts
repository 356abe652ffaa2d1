import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Hush as it is deployed — `node <build>/src/main.js` in a child process — for
 * tests about the process itself: signals, crashes, restarts.
 *
 * The build is this checkout's sources compiled once into
 * node_modules/.cache/hush-e2e/<hash of the sources>/ (where node still finds
 * node_modules), never into dist/: `npm run build` empties dist/ first, which
 * would pull the code from under a running test. A dist/ that `npm run build`
 * made from these very sources (CI builds before testing) is copied instead
 * of compiled again.
 */
const ROOT = join(__dirname, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'hush-e2e');
/** What tsconfig.build.json compiles (and what the copy of dist/ must match). */
const SOURCE_DIRS = ['src', 'migrations', 'scripts'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** Seeded through HUSH_ADMIN_TOKEN (the same as TestHush's, without loading the app into the test). */
export const ADMIN_SECRET = 'hush_test-admin-secret-0123456789abcdef';

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
        files.push(path);
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  return files.sort();
}

function sourcesHash(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files, ...CONFIG_FILES.map((f) => join(ROOT, f))]) {
    hash.update(relative(ROOT, file)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** dist/ holds a build of exactly these sources: every output newer than its source, no migration without one. */
function distIsFresh(files: string[]): boolean {
  const dist = join(ROOT, 'dist');
  for (const file of files) {
    const out = join(dist, relative(ROOT, file)).replace(/\.ts$/, '.js');
    if (!existsSync(out) || statSync(out).mtimeMs < statSync(file).mtimeMs) return false;
  }
  const migrations = join(dist, 'migrations');
  if (existsSync(migrations)) {
    for (const js of readdirSync(migrations).filter((f) => f.endsWith('.js'))) {
      if (!existsSync(join(ROOT, 'migrations', js.replace(/\.js$/, '.ts')))) return false;
    }
  }
  return true;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readIfThere(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The path of main.js built from the current sources, building it first if
 * need be. Test files running at once share one build: the first takes a
 * lock and builds, the others wait for it.
 */
export async function builtMain(): Promise<string> {
  const files = sourceFiles();
  const hash = sourcesHash(files);
  const target = join(CACHE, hash);
  const main = join(target, 'src', 'main.js');
  const lock = `${target}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(main)) {
      // Marks it in use, so that `prune` in another run leaves it alone.
      utimesSync(target, new Date(), new Date());
      return main;
    }
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      const holder = Number(readIfThere(lock) || '0');
      if (holder && !alive(holder)) rmSync(lock, { force: true });
      else await sleep(500);
      continue;
    }
    try {
      writeSync(fd, String(process.pid));
      closeSync(fd);
      if (!existsSync(main)) build(files, target);
      prune(hash);
    } finally {
      unlinkSync(lock);
    }
  }
}

function build(files: string[], target: string) {
  const temporary = `${target}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  if (distIsFresh(files)) {
    for (const dir of ['src', 'migrations']) cpSync(join(ROOT, 'dist', dir), join(temporary, dir), { recursive: true });
  } else {
    const tsc = require.resolve('typescript/bin/tsc');
    const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', temporary, '--tsBuildInfoFile', join(temporary, '.tsbuildinfo')];
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) {
      rmSync(temporary, { recursive: true, force: true });
      throw new Error(`building Hush for the process tests failed:\n${result.stdout}${result.stderr}`);
    }
  }
  renameSync(temporary, target);
}

/** Builds of older sources go once no run has used them for an hour. */
function prune(keep: string) {
  for (const name of readdirSync(CACHE)) {
    if (name.startsWith(keep)) continue;
    const path = join(CACHE, name);
    if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One `node main.js` on a port of its own choosing, with the test admin token.
 * `store` is the Hush environment that names the store: HUSH_DATA_DIR, or
 * DATABASE_URL; an inherited DATABASE_URL never leaks in.
 */
export class HushProcess {
  /** `http://127.0.0.1:<port>`, once serving. */
  url = '';
  readonly exited: Promise<Exit>;
  private output = '';

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  }

  static async start(main: string, store: Record<string, string>, env: Record<string, string> = {}): Promise<HushProcess> {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HUSH_ADMIN_TOKEN: ADMIN_SECRET,
      LOG_LEVEL: 'warn',
      // These tests are about other things, on a machine busy with the other test files (overload.e2e.ts tests shedding).
      HUSH_SHED_BUSY_PERCENT: '0',
      ...store,
      ...env,
    };
    if (!store.DATABASE_URL) delete childEnv.DATABASE_URL;
    const hush = new HushProcess(spawn(process.execPath, [main], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] }));
    hush.url = await new Promise<string>((resolve, reject) => {
      const look = () => {
        const match = /Health\s+(http:\/\/\S+)\/health/.exec(hush.output);
        if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
      };
      hush.child.stdout!.on('data', look);
      void hush.exited.then((exit) => reject(new Error(`Hush exited (${exit.code ?? exit.signal}) before serving:\n${hush.output}`)));
    });
    return hush;
  }

  /** What it printed lately, for failure messages. */
  get log(): string {
    return this.output;
  }

  kill(signal: NodeJS.Signals) {
    this.child.kill(signal);
  }

  /** Makes sure it is gone (SIGKILL if need be). */
  async stop(): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: unknown[] }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_SECRET}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: unknown[] };
  }

  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.gql<T>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
}
