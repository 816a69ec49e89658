import { type JsonObject, type JsonValue, isJsonObject } from '../types';

/**
 * A value as the store keeps it: its JSON text, as bytes outside the JS heap. Every read parses a
 * fresh copy, as the service hands each caller its own (nothing a caller does to what it read or
 * wrote changes the store), and a bench can hold a million rows without a heap of live objects.
 * An object also keeps its top-level scalars, which indexes, filters and conditions read without
 * parsing the whole value.
 */
export class StoredValue {
  private constructor(
    private readonly text: Buffer,
    readonly attributes: JsonObject | undefined,
  ) {}

  /** `json` is `text` parsed. */
  static of(text: string, json: JsonValue): StoredValue {
    return new StoredValue(Buffer.from(text, 'utf8'), isJsonObject(json) ? scalarsOf(json) : undefined);
  }

  static fromJson(json: JsonValue): StoredValue {
    return StoredValue.of(JSON.stringify(json), json);
  }

  read(): JsonValue {
    return JSON.parse(this.text.toString('utf8')) as JsonValue;
  }
}

function scalarsOf(json: JsonObject): JsonObject {
  const scalars: JsonObject = {};
  for (const [name, value] of Object.entries(json)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') scalars[name] = value;
  }
  return scalars;
}

/** An item as the store keeps it: timestamps are epoch milliseconds, as the service reports them. */
export interface StoredItem {
  value: StoredValue;
  createdAt: number;
  updatedAt: number;
  expireAt?: number;
}

/** An item as a snapshot (the sandbox's saved state) holds it: its value as plain JSON. */
export type SnapshotItem = Omit<StoredItem, 'value'> & { value: JsonValue };

export const snapshotItem = (item: StoredItem): SnapshotItem => ({ ...item, value: item.value.read() });

export const restoredItem = (item: SnapshotItem): StoredItem => ({ ...item, value: StoredValue.fromJson(item.value) });

export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

export function metadataFieldsOf(options: unknown): MetadataField[] {
  if (typeof options !== 'object' || options === null) return [];
  const fields = (options as { metadataFields?: unknown }).metadataFields;
  return Array.isArray(fields) ? fields.filter((field): field is MetadataField => field === 'CREATED_AT' || field === 'UPDATED_AT' || field === 'EXPIRE_TIME') : [];
}

/** `{key, value}` plus the metadata fields the caller asked for. */
export function describe(key: string, item: StoredItem, fields: MetadataField[] | 'all', extra: Record<string, string> = {}): Record<string, JsonValue> {
  const wants = (field: MetadataField): boolean => fields === 'all' || fields.includes(field);
  const result: Record<string, JsonValue> = { key, ...extra, value: item.value.read() };
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
