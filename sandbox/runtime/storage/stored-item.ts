import { type JsonValue } from '../types';

/** A value as the store keeps it: timestamps are epoch milliseconds, as the service reports them. */
export interface StoredItem {
  value: JsonValue;
  createdAt: number;
  updatedAt: number;
  expireAt?: number;
}

export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

export function metadataFieldsOf(options: unknown): MetadataField[] {
  if (typeof options !== 'object' || options === null) return [];
  const fields = (options as { metadataFields?: unknown }).metadataFields;
  return Array.isArray(fields) ? fields.filter((field): field is MetadataField => field === 'CREATED_AT' || field === 'UPDATED_AT' || field === 'EXPIRE_TIME') : [];
}

/** `{key, value}` plus the metadata fields the caller asked for. */
export function describe(key: string, item: StoredItem, fields: MetadataField[] | 'all', extra: Record<string, string> = {}): Record<string, JsonValue> {
  const wants = (field: MetadataField): boolean => fields === 'all' || fields.includes(field);
  const result: Record<string, JsonValue> = { key, ...extra, value: item.value };
  if (wants('CREATED_AT')) result.createdAt = item.createdAt;
  if (wants('UPDATED_AT')) result.updatedAt = item.updatedAt;
  if (wants('EXPIRE_TIME') && item.expireAt !== undefined) result.expireTime = new Date(item.expireAt).toISOString();
  return result;
}

export function encodeCursor(payload: Record<string, JsonValue>): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Record<string, JsonValue> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, JsonValue>) : undefined;
  } catch {
    return undefined;
  }
}
