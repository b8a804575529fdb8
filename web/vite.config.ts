// Vite build of the web app: relative asset paths so `solieu serve --web web/dist` can serve it
// from any prefix, and a dev proxy to a local `solieu serve` for `npm run dev`.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': process.env.SOLIEU_API ?? 'http://127.0.0.1:8080' },
  },
});
