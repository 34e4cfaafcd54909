import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Another process on the same disk doing synchronous 1 MiB writes, each followed by fsync, as
 * fast as the disk lets it (a backup, a log shipper, another app on the venue laptop).
 */
export function startDiskHog(dir: string): ChildProcess {
  const file = path.join(dir, 'disk-hog.bin');
  const code = `
    const fs = require('node:fs');
    const buf = Buffer.alloc(1 << 20, 7);
    const fd = fs.openSync(${JSON.stringify(file)}, 'w');
    for (let i = 0; ; i++) {
      fs.writeSync(fd, buf, 0, buf.length, (i % 64) * buf.length);
      fs.fsyncSync(fd);
    }`;
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}
