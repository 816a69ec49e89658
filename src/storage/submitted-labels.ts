/**
 * The labels a page had when a version was submitted (plain key `submitted-labels:<requestId>`):
 * Confluence keeps no label history, so this is how "What changed since v7" knows the labels of
 * the approved version. Written once by the submission's effects.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';

const labelsSchema = z.array(z.string());

const submittedLabelsKey = (requestId: string): string => `submitted-labels:${requestId}`;

/** The labels recorded for this submission; undefined for submissions made before labels were recorded. */
export async function getSubmittedLabels(requestId: string): Promise<string[] | undefined> {
  const parsed = labelsSchema.safeParse(await kvs.get(submittedLabelsKey(requestId)));
  return parsed.success ? parsed.data : undefined;
}

export async function saveSubmittedLabels(requestId: string, labels: readonly string[]): Promise<void> {
  await kvs.set(submittedLabelsKey(requestId), [...labels]);
}
