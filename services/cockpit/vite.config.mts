import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

// The page is built to static files that the plans service serves at its root.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: { '@tollgate/domain': path.join(root, 'libs/domain/src/index.ts') } },
  build: { outDir: path.join(root, 'dist/services/cockpit'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3001' } },
});
