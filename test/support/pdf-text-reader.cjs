// Reads a PDF on stdin as a reader's program would (pdf.js, through pdf-parse) and prints its page count and text as JSON.
// A process of its own: pdf.js loads its worker with a dynamic import, which jest's module sandbox refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node outside the build
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify({ pages: result.total, text: result.text }));
  } catch (error) {
    process.stderr.write(String(error && error.message ? error.message : error));
    process.exitCode = 1;
  } finally {
    await parser.destroy();
  }
});
