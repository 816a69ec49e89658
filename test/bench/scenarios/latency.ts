import { type StartOptions } from '../../integration/support/app';

/**
 * DESIGN.md's simulated platform: 20 ms per storage call, 120 ms per Confluence call, charged
 * virtually, under Forge's per-installation rate limits (a fan-out cannot finish faster than
 * they allow).
 */
export const BENCH_LATENCY: StartOptions = { latency: { mode: 'virtual', kvs: 20, confluence: 120 }, rateLimits: true };
