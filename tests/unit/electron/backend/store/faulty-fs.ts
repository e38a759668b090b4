/** A node:fs/promises wrapper whose writes can be made to fail like a full or read-only disk. */
import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../../../../electron/backend/store/store-fs';

export interface FaultyFs extends StoreFs {
  /** While set, writes, fsyncs and renames fail with this code (e.g. ENOSPC, EACCES). */
  failWith: string | null;
  /** Counts of calls, to check batching. */
  calls: { writes: Map<string, number>; syncs: number; renames: number };
}

function fault(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated failure`);
  error.code = code;
  return error;
}

export function faultyFs(): FaultyFs {
  const fs: FaultyFs = {
    failWith: null,
    calls: { writes: new Map(), syncs: 0, renames: 0 },
    async open(file, flags, mode) {
      const handle = await nodeStoreFs.open(file, flags, mode);
      const wrapped: StoreFileHandle = {
        async writeFile(data) {
          fs.calls.writes.set(file, (fs.calls.writes.get(file) ?? 0) + 1);
          if (fs.failWith) {
            // A full disk often takes part of the write before failing.
            await handle.writeFile(data.slice(0, Math.floor(data.length / 2)));
            throw fault(fs.failWith);
          }
          await handle.writeFile(data);
        },
        async sync() {
          fs.calls.syncs++;
          if (fs.failWith) throw fault(fs.failWith);
          await handle.sync();
        },
        async datasync() {
          fs.calls.syncs++;
          if (fs.failWith) throw fault(fs.failWith);
          await handle.datasync();
        },
        truncate: (length) => handle.truncate(length),
        close: () => handle.close(),
      };
      return wrapped;
    },
    async rename(from, to) {
      fs.calls.renames++;
      if (fs.failWith) throw fault(fs.failWith);
      await nodeStoreFs.rename(from, to);
    },
    readFile: (file) => nodeStoreFs.readFile(file),
    unlink: (file) => nodeStoreFs.unlink(file),
    mkdir: (dir, options) => nodeStoreFs.mkdir(dir, options),
    stat: (file) => nodeStoreFs.stat(file),
    copyFile: (from, to) => nodeStoreFs.copyFile(from, to),
    readdir: (dir) => nodeStoreFs.readdir(dir),
    chmod: (file, mode) => nodeStoreFs.chmod(file, mode),
  };
  return fs;
}
