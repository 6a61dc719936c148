// The module a worker thread of the pool loads (pipeline/worker-pool.ts):
// the compiled reader when it is built beside this file (dist/), else the
// TypeScript source through tsx (tests, development).
import { existsSync } from 'node:fs';

const compiled = new URL('./read-document-worker.js', import.meta.url);
let target = compiled;
if (!existsSync(compiled)) {
  const { register } = await import('tsx/esm/api');
  register();
  target = new URL('./read-document-worker.ts', import.meta.url);
}
const reader = await import(target.href);
export default reader.default;
export const stageBatch = reader.stageBatch;
export const writeRowFiles = reader.writeRowFiles;
