/**
 * Everything the harness starts registers how to stop it here, so it is stopped whatever
 * happens: normal end, a failed test, an exception, Ctrl-C or a kill of the driver.
 */
export interface Cleanup {
  /** The orderly way (awaited on normal paths and on SIGINT/SIGTERM). */
  stop(): Promise<void>;
  /** The last resort when the process is exiting and cannot await anything. */
  stopNow(): void;
}

const pending = new Set<Cleanup>();
let installed = false;
let signalled = false;

/** True once a signal asked the driver to stop (so processes ending now are expected to). */
export function stoppingOnSignal(): boolean {
  return signalled;
}

function installHandlers(): void {
  if (installed) {
    return;
  }
  installed = true;
  process.once('exit', () => {
    for (const c of pending) {
      try {
        c.stopNow();
      } catch {
        // Exiting: nothing more can be done, and each cleanup is independent.
      }
    }
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    // `on`, not `once`: Ctrl-C often arrives twice (from the terminal and forwarded by npm or
    // run-all), and a second, unhandled SIGINT would kill us before the cleanup is done.
    process.on(signal, () => {
      if (signalled) {
        return;
      }
      signalled = true;
      console.error(`\nReceived ${signal}: stopping everything the harness started...`);
      void stopAll().finally(() => process.exit(code));
    });
  }
}

/** Registers a cleanup; returns a function that removes it again (after a normal stop). */
export function registerCleanup(c: Cleanup): () => void {
  installHandlers();
  pending.add(c);
  return () => pending.delete(c);
}

/** Stops everything still registered, newest first. */
export async function stopAll(): Promise<void> {
  for (const c of [...pending].reverse()) {
    pending.delete(c);
    try {
      await c.stop();
    } catch (e) {
      console.error('cleanup failed:', e);
    }
  }
}
