import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './vite.precompress.ts';

/**
 * Packages whose modules do nothing when loaded but define: declared so, the bundler keeps only the
 * parts used. antd's input context imports rc-form's index, which would otherwise bring the whole
 * form engine and its validators to every page, the login page included.
 */
const PURE_PACKAGES = /node_modules\/@rc-component\/(form|async-validator)\//;

export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !PURE_PACKAGES.test(id) },
    },
  },
});
