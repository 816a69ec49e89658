/**
 * `npm start`: the sandbox for the app at the repository root on http://localhost:8080
 * (PORT overrides), with state kept in SANDBOX_DATA_DIR (default `.sandbox-data/`) so it
 * survives restarts. See "Running the sandbox server" in docs/sandbox-runtime.md.
 */
import { resolve } from 'node:path';
import { startServer } from './server/start-server';

export { startServer, type RunningServer, type StartServerOptions } from './server/start-server';

const DEFAULT_PORT = 8080;
/**
 * Index queries lag writes on Forge (storage-reference/entities, "Data consistency"): the demo
 * site shows it with a lag of a second, so a screen that relies on a query seeing its own write
 * looks wrong here too.
 */
const INDEX_LAG_MS = 1000;

function portFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0-65535), not '${raw}'`);
  return port;
}

async function main(): Promise<void> {
  const appRoot = resolve(__dirname, '..');
  // An explicit SANDBOX_DATA_DIR is taken relative to where the command runs, the default to the repo.
  const dataDir = process.env.SANDBOX_DATA_DIR === undefined ? resolve(appRoot, '.sandbox-data') : resolve(process.env.SANDBOX_DATA_DIR);
  const server = await startServer({ appRoot, dataDir, port: portFromEnv(process.env.PORT), storage: { indexLagMs: INDEX_LAG_MS } });
  console.log(`ApprovalFlow sandbox on http://localhost:${server.port} (data: ${dataDir})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // The runtime's own persistence re-raises the signal once it has flushed; one stop is enough.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox server`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The sandbox server did not stop cleanly', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('The sandbox server could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
