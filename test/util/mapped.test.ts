// mapped() is Array.prototype.map whose result V8 keeps packed: optimised code's own `map` returns a holey array
// (see src/util/mapped.ts), and functions that read both kinds are deoptimised and compiled again.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapped } from '../../src/util/mapped.js';
import { ROOT } from '../cli/run.js';

describe('mapped', () => {
  it('gives what map gives, with indexes', () => {
    expect(mapped([3, 1, 2], (x, i) => `${i}:${x * 2}`)).toEqual(['0:6', '1:2', '2:4']);
    expect(mapped([], () => 1)).toEqual([]);
    expect(mapped([{ a: 1 }, { a: 2 }], (o) => o.a)).toEqual([1, 2]);
  });

  const COMPILED = path.join(ROOT, 'dist', 'util', 'mapped.js');
  it.runIf(existsSync(COMPILED))('returns a packed array once its caller is optimised, where V8’s map does not', () => {
    // V8's test hooks (--allow-natives-syntax) optimise the caller and read the array's elements kind.
    const script = `
      import { mapped } from ${JSON.stringify(pathToFileURL(COMPILED).href)};
      const list = [{ a: 1 }, { a: 2 }, { a: 3 }];
      const viaMapped = (l) => mapped(l, (o) => ({ b: o.a }));
      const viaMap = (l) => l.map((o) => ({ b: o.a }));
      const holeyWhenOptimised = (f) => {
        %PrepareFunctionForOptimization(f);
        f(list);
        f(list);
        %OptimizeFunctionOnNextCall(f);
        const out = f(list);
        return { holey: %HasHoleyElements(out), optimised: (%GetOptimizationStatus(f) & 16) !== 0 };
      };
      console.log(JSON.stringify({ mapped: holeyWhenOptimised(viaMapped), map: holeyWhenOptimised(viaMap) }));
    `;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const seen = JSON.parse(r.stdout) as Record<'mapped' | 'map', { holey: boolean; optimised: boolean }>;
    expect(seen.mapped).toEqual({ holey: false, optimised: true });
    // What the helper is for: if a later V8 keeps map's result packed, this says so and the helper can go.
    expect(seen.map).toEqual({ holey: true, optimised: true });
  });
});
