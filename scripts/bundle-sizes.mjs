#!/usr/bin/env node
// npm run sizes: production sizes of what deploys. The Custom UI bundles as built (static/*/build), and the
// functions bundle: src/index.ts with every dependency, as the Forge CLI packs it (esbuild here, node 22, minified).
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

for (const surface of readdirSync(join(root, 'static')).sort()) {
  const dir = join(root, 'static', surface, 'build');
  let files;
  try {
    files = readdirSync(dir).filter((f) => /\.(js|css|html)$/.test(f));
  } catch {
    continue;
  }
  const content = Buffer.concat(files.map((f) => readFileSync(join(dir, f))));
  const total = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  console.log(
    `size: ui ${surface.padEnd(25)} ${kb(total).padStart(10)}, gzip ${kb(gzipSync(content).length).padStart(9)} (${files.join(' + ')})`,
  );
}

const result = await build({
  entryPoints: [join(root, 'src', 'index.ts')],
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  write: false,
  logLevel: 'silent',
});
const code = Buffer.from(result.outputFiles[0].contents);
console.log(
  `size: functions (src/index.ts)         ${kb(code.length).padStart(10)}, gzip ${kb(gzipSync(code).length).padStart(9)} (all handlers, dependencies included)`,
);
