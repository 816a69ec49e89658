/**
 * A mergeable histogram of decision durations in minutes, with fixed log-scale buckets, so that
 * daily rollups can be added together and still give a median and p90.
 *
 * Buckets: 0 holds durations under 1 minute; bucket k (1 ≤ k ≤ 80) holds [2^((k-1)/4), 2^(k/4))
 * minutes; bucket 81 holds 2^20 minutes (about 728 days) and more. A percentile is estimated as the
 * geometric middle of the bucket holding the nearest-rank percentile, so for durations between 1
 * and 2^20 minutes the estimate is within a factor 2^(1/8) (±9.1%) of the exact nearest-rank
 * percentile; under 1 minute it is within 0.5 minute; over 2^20 minutes it reports 2^20.
 */
export const BUCKETS_PER_DOUBLING = 4;
export const MAX_DOUBLINGS = 20;
export const OVERFLOW_BUCKET = BUCKETS_PER_DOUBLING * MAX_DOUBLINGS + 1;
export const MAX_RELATIVE_ERROR = 2 ** (1 / (2 * BUCKETS_PER_DOUBLING)) - 1;
export const SUB_MINUTE_ABSOLUTE_ERROR = 0.5;

/** Sparse: bucket index (as a JSON key) → count; empty buckets are absent to keep rollups small. */
export type DurationHistogram = Record<string, number>;

export function bucketOf(minutes: number): number {
  if (!(minutes >= 1)) return 0;
  return Math.min(OVERFLOW_BUCKET, Math.floor(Math.log2(minutes) * BUCKETS_PER_DOUBLING) + 1);
}

/** The value reported for any duration in a bucket. */
export function bucketEstimate(bucket: number): number {
  if (bucket <= 0) return SUB_MINUTE_ABSOLUTE_ERROR;
  if (bucket >= OVERFLOW_BUCKET) return 2 ** MAX_DOUBLINGS;
  return 2 ** ((bucket - 0.5) / BUCKETS_PER_DOUBLING);
}

export function recordDurations(histogram: DurationHistogram, minutes: readonly number[]): DurationHistogram {
  const next = { ...histogram };
  for (const value of minutes) {
    const key = String(bucketOf(value));
    next[key] = (next[key] ?? 0) + 1;
  }
  return next;
}

export function mergeHistograms(a: DurationHistogram, b: DurationHistogram): DurationHistogram {
  const merged = { ...a };
  for (const [key, count] of Object.entries(b)) merged[key] = (merged[key] ?? 0) + count;
  return merged;
}

/**
 * `a` without the durations of `b`, which must have been recorded in `a` too (site totals
 * without one space's): exact, bucket by bucket, so percentiles of the rest stay as exact as
 * if its histogram had been built on its own. A bucket that would go negative means `b` was not
 * part of `a`, which is a bug in whoever paired them.
 */
export function subtractHistogram(a: DurationHistogram, b: DurationHistogram): DurationHistogram {
  const rest = { ...a };
  for (const [key, count] of Object.entries(b)) {
    const left = (rest[key] ?? 0) - count;
    if (left < 0) throw new RangeError(`Cannot take ${count} durations out of bucket ${key}, which holds ${rest[key] ?? 0}`);
    if (left === 0) delete rest[key];
    else rest[key] = left;
  }
  return rest;
}

export function histogramCount(histogram: DurationHistogram): number {
  return Object.values(histogram).reduce((sum, count) => sum + count, 0);
}

/** Rank of the nearest-rank percentile: the smallest rank with at least `p` of the values at or below it. */
export function nearestRank(p: number, count: number): number {
  // The epsilon keeps 0.9 × 20 from rounding up to rank 19 through floating-point noise.
  return Math.min(count, Math.max(1, Math.ceil(p * count - 1e-9)));
}

/** Estimated percentile (0 < p ≤ 1) in minutes, or null when the histogram is empty. */
export function histogramPercentile(histogram: DurationHistogram, p: number): number | null {
  const count = histogramCount(histogram);
  if (count === 0) return null;
  const rank = nearestRank(p, count);
  const buckets = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b);
  let seen = 0;
  const bucket = buckets.find((candidate) => {
    seen += histogram[String(candidate)];
    return seen >= rank;
  });
  return bucket === undefined ? null : bucketEstimate(bucket);
}

/** Exact nearest-rank percentile of plain values, or null when there are none. */
export function exactPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(p, sorted.length) - 1];
}
