// Vite plugin: after a production build, writes dist/sw.js, the service worker
// of src/app/offline/service-worker.js with this build's file list (every
// file in dist/ but source maps and KaTeX's older font formats), a version
// hash of their contents, and the
// Content-Security-Policy it adds to pages and worker scripts.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORIGIN_PATTERN, POLICY_DIRECTIVES } from './content-security-policy.mjs';
import { isolationHeaders } from './isolation-headers.mjs';

const TEMPLATE = fileURLToPath(new URL('../src/app/offline/service-worker.js', import.meta.url));
// KaTeX's style sheet lists woff2 first; every browser that runs the app reads
// woff2, so the woff and ttf copies (about 1 MB) are never fetched.
const SKIP = [/\.map$/, /^sw\.js$/, /^\.vite\//, /^assets\/KaTeX_[^/]+\.(woff|ttf)$/];

async function filesUnder(dir) {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !SKIP.some((re) => re.test(path)))
    .sort();
}

export function serviceWorkerPlugin() {
  let outDir = 'dist';
  return {
    name: 'wv-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const template = await fs.readFile(TEMPLATE, 'utf8');
      const precache = await filesUnder(outDir);
      const hash = createHash('sha256').update(template);
      for (const path of precache) hash.update(path).update(await fs.readFile(join(outDir, path)));
      const build = { version: hash.digest('hex').slice(0, 16), precache, policy: POLICY_DIRECTIVES, isolationHeaders, originPattern: ORIGIN_PATTERN.source };
      await fs.writeFile(join(outDir, 'sw.js'), `const BUILD = ${JSON.stringify(build, null, 1)};\n\n${template}`);
    },
  };
}
