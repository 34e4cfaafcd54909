import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function probePdftotext(): Promise<void> {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
}

/** The PDF's text as pdftotext (poppler) reads it — proof the text is real, searchable text —
 * with runs of white space folded to one space. */
export function pdfText(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, bytes);
    // -raw keeps the words of a line in reading order.
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
