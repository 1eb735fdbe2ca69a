/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The app is built into the host's wwwroot/app (git-ignored) and served under /app/; the host answers
// every other non-/api GET with wwwroot/app/index.html so that the router's history URLs work.
export default defineConfig({
  base: '/app/',
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../src/Guanjia.Web/wwwroot/app', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/')) return 'vendor'
          return undefined
        },
      },
    },
  },
  server: {
    port: 5173,
    // `npm run dev` next to `dotnet run --project src/Guanjia.Web`: the API stays on the host.
    proxy: { '/api': 'http://localhost:5080', '/healthz': 'http://localhost:5080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
    // Mounting the step dialogs with Element Plus takes seconds on a busy shared machine; 5 s timed out there.
    testTimeout: 20_000,
  },
})
