import { execFile } from 'node:child_process';
import path from 'node:path';

/** A PDF opened as a reader's program opens it (pdf.js, through pdf-parse, in a process of its own): its pages and its text. */
export function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text-reader.cjs')], { maxBuffer: 16 * 1024 * 1024, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`the PDF does not open: ${stderr || error.message}`));
      resolve(JSON.parse(stdout) as { pages: number; text: string });
    });
    child.stdin!.end(bytes);
  });
}
