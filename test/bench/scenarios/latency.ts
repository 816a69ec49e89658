import { type StartOptions } from '../../integration/support/app';

/** DESIGN.md's simulated platform: 20 ms per storage call, 120 ms per Confluence call, charged virtually. */
export const BENCH_LATENCY: StartOptions = { latency: { mode: 'virtual', kvs: 20, confluence: 120 } };
