import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Each Mantine component brings its own styles: the `.module.mjs` that holds a component's class names
 * imports the stylesheet of the same name, so a chunk carries the CSS of the components it uses and
 * the login page no longer waits for all 280 kB of them. Mantine's `.layer.css` files put them in a
 * cascade layer, below the app's own CSS whatever order the chunks arrive in. Packages without
 * per-component files (dates, notifications) bring their one stylesheet with their first component.
 * The dev server pre-bundles Mantine without running plugins: there the entry imports all of it.
 */
function mantineStylesWithComponents(): Plugin {
  const module = /[\\/]@mantine[\\/]([a-z-]+)[\\/]esm[\\/](?:.*[\\/])?([A-Za-z]+)\.module\.mjs$/;
  const everything = ['core', 'dates', 'notifications']
    .map((pkg) => `import '@mantine/${pkg}/styles.layer.css';\n`)
    .join('');
  let serving = false;
  return {
    name: 'mantine-styles-with-components',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transform(code, id) {
      if (serving) return /[\\/]src[\\/]main\.tsx$/.test(id) ? { code: everything + code, map: null } : null;
      const match = module.exec(id);
      if (!match) return null;
      const [, pkg, component] = match;
      const stylesheet =
        pkg === 'core' ? `@mantine/core/styles/${component}.layer.css` : `@mantine/${pkg}/styles.layer.css`;
      return { code: `import '${stylesheet}';\n${code}`, map: null };
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli and gzip copies beside each text asset, made once at build time, for a server that sends
 * them as they are (@fastify/static `preCompressed`): on a slow phone network the app's code is a
 * quarter of its size, at no cost per request. Fonts and images are compressed already.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const texts = entries.filter(
        (entry) => entry.isFile() && /\.(js|css|html|svg|json|webmanifest)$/.test(entry.name),
      );
      await Promise.all(
        texts.map(async (entry) => {
          const file = path.join(entry.parentPath, entry.name);
          const content = await readFile(file);
          if (content.length < 1024) return;
          await writeFile(
            `${file}.br`,
            await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
          await writeFile(`${file}.gz`, await gzipped(content, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [
    mantineStylesWithComponents(),
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Công đoàn số',
        short_name: 'Công đoàn số',
        description: 'Nền tảng số của tổ chức Công đoàn Việt Nam',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1c5fb8',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // A page opened offline (the card at /card, the checker at /verify) gets the precached shell.
        navigateFallback: 'index.html',
        // The API is live data behind a session cookie: never answer it from the cache (the card keeps
        // its own copy in IndexedDB). The published keys are not pages either.
        navigateFallbackDenylist: [/^\/api\//, /^\/\.well-known\//],
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
      },
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React changes less often than the app: in its own chunk it stays cached across releases.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 2,
            },
            // What every first load needs (providers, i18n, the API client, the login page) in one file:
            // over HTTP/1.1 on a slow network, twenty small files cost more than their bytes. The pages
            // keep their own chunks, loaded on first visit (app/router.tsx).
            { name: 'shell', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
