#!/usr/bin/env node
// Entry point of the command-line tool; the TypeScript sources are compiled to dist/ by `npm run build` (run by `prepare`).
require('../dist/src/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
