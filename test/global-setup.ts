import { execFileSync } from 'node:child_process';

/** Tests that run the real `kernekit` binary need dist/ to match the sources. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
