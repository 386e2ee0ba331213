import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app lives in web/; the API server serves the built files from dist/web. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
});
