/// <reference types="vitest/config" />
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * Writes the service worker (web/sw/service-worker.js) to /app/sw.js with the list of the built files it keeps for the
 * phone's offline visits (ADR 0025) and their hash as its version, so that a new build replaces the kept copies.
 */
function serviceWorker(): Plugin {
  const publicFiles = (dir: string, prefix = ''): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? publicFiles(`${dir}/${e.name}`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
  return {
    name: 'guanjia-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'index.html')
      const files = [...built, ...publicFiles(fileURLToPath(new URL('./public', import.meta.url)))].sort()
      const urls = ['/app/index.html', ...files.map((f) => `/app/${f}`)]
      const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 16)
      const template = readFileSync(fileURLToPath(new URL('./sw/service-worker.js', import.meta.url)), 'utf8')
      const source = template.replace("= '__VERSION__'", `= ${JSON.stringify(version)}`).replace('= __PRECACHE__', `= ${JSON.stringify(urls)}`)
      if (source.includes('__PRECACHE__') || source.includes('__VERSION__')) throw new Error('sw/service-worker.js: a placeholder was not filled in')
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}

// The app is built into the host's wwwroot/app (git-ignored) and served under /app/; the host answers
// every other non-/api GET with wwwroot/app/index.html so that the router's history URLs work.
export default defineConfig({
  base: '/app/',
  plugins: [vue(), serviceWorker()],
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
