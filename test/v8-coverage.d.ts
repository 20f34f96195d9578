// @bcoe/v8-coverage ships no types: the one function test/coverage-provider.ts uses.
declare module '@bcoe/v8-coverage' {
  import type {Profiler} from 'node:inspector'
  export interface ProcessCov {
    result: Profiler.ScriptCoverage[]
  }
  /** One process's coverage that counts every run in `processes`. */
  export function mergeProcessCovs(processes: readonly ProcessCov[]): ProcessCov
}
