#!/usr/bin/env node
// Builds every Custom UI surface that has static/<surface>/src/index.tsx into static/<surface>/build/ (index.html,
// index.js and, when the surface imports CSS, index.css), the folder manifest.yml's resources point at.
// Usage: node scripts/build-ui.mjs [surface…]   (no argument: every surface)
// Prints one line per surface: "ui: <surface> index.js <bytes> B, gzip <bytes> B".
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'static');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('build-ui: esbuild is not installed (it is a devDependency: run npm ci)');
  process.exit(1);
}

const allSurfaces = readdirSync(staticDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(staticDir, entry.name, 'src', 'index.tsx')))
  .map((entry) => entry.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !allSurfaces.includes(name));
if (unknown.length > 0) {
  console.error(
    `build-ui: no surface ${unknown.map((n) => `"${n}"`).join(', ')} (surfaces: ${allSurfaces.join(', ')})`,
  );
  process.exit(2);
}
const surfaces = wanted.length > 0 ? wanted : allSurfaces;

const page = (surface, hasCss) => `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Contract SLA — ${surface}</title>
${hasCss ? '    <link rel="stylesheet" href="./index.css" />\n' : ''}  </head>
  <body>
    <div id="root"></div>
    <script src="./index.js"></script>
  </body>
</html>
`;

let failed = false;
for (const surface of surfaces) {
  const surfaceDir = join(staticDir, surface);
  const buildDir = join(surfaceDir, 'build');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: [join(surfaceDir, 'src', 'index.tsx')],
      outfile: join(buildDir, 'index.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      jsx: 'automatic',
      charset: 'utf8',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
  } catch (error) {
    // esbuild has already printed the errors with their locations.
    console.error(`build-ui: ${surface} failed (${error.errors?.length ?? 1} error(s))`);
    failed = true;
    continue;
  }
  const hasCss = existsSync(join(buildDir, 'index.css'));
  writeFileSync(join(buildDir, 'index.html'), page(surface, hasCss));
  const js = readFileSync(join(buildDir, 'index.js'));
  console.log(`ui: ${surface} index.js ${js.length} B, gzip ${gzipSync(js, { level: 9 }).length} B`);
}
process.exitCode = failed ? 1 : 0;
