import { type EntityDef } from '../manifest';
import { type JsonObject, type JsonValue, isRecord } from '../types';
import { type FilterSet, type Scalar, matchesFilters, parseFilters, parseRange } from './conditions';
import { EntityTable, KEY_INDEX } from './entity-table';
import { entityDefOrThrow, validateEntityValue } from './entity-values';
import { Keyspace } from './keyspace';
import { type StorageBehaviour, type StorageOptions, storageBehaviour } from './storage-behaviour';
import { StorageError, badRequest } from './storage-error';
import { type SnapshotItem, type StoredItem, type StoredValue, decodeCursor, describe, encodeCursor, metadataFieldsOf, restoredItem, snapshotItem } from './stored-item';
import { LIMITS, expiryFromOptions, validateKey, validateValue } from './validation';

/** What an operation answers: a JSON body (200) or nothing (204). */
export type StorageResult = { status: 200; body: JsonValue } | { status: 204 };

const ok = (body: JsonValue): StorageResult => ({ status: 200, body });
const noContent: StorageResult = { status: 204 };

export interface StorageSnapshot {
  kvs: Array<[string, SnapshotItem]>;
  secrets: Array<[string, SnapshotItem]>;
  entities: Record<string, Array<[string, SnapshotItem]>>;
}

interface Target {
  key: string;
  entity?: EntityTable;
}

interface TransactionOp {
  type: 'set' | 'delete' | 'check';
  target: Target;
  value?: StoredValue;
  expireAt?: number;
  conditions?: FilterSet;
}

function requireBody(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw badRequest('BAD_REQUEST', 'Provided request body is invalid');
  return body;
}

function pageLimit(raw: unknown, code: string): number {
  if (raw === undefined || raw === null) return LIMITS.queryDefaultLimit;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > LIMITS.queryMaxLimit) {
    throw badRequest(code, `The page limit must be between 1 and ${LIMITS.queryMaxLimit}.`);
  }
  return raw;
}

/**
 * The Key-Value Store, secrets and Custom Entity Store of one installation, with the request
 * semantics of the `/api/v1/...` protocol that `@forge/kvs` speaks. Every method either returns
 * what the service would answer or throws the StorageError it would refuse with. JavaScript runs
 * one operation at a time, so each request, transactions included, is atomic.
 */
export class StorageEngine {
  private readonly behaviour: StorageBehaviour;
  private readonly kvs: Keyspace;
  private readonly secrets: Keyspace;
  private readonly entities = new Map<string, EntityTable>();
  private readonly clock: () => number;

  /** `clock` defaults to the current `Date.now`, so a test that fakes the date moves expiries too. */
  constructor(
    private readonly entityDefs: Map<string, EntityDef>,
    private readonly onMutation: () => void = () => undefined,
    options: StorageOptions & { clock?: () => number } = {},
  ) {
    this.clock = options.clock ?? (() => Date.now());
    this.behaviour = storageBehaviour(options, this.clock);
    this.kvs = new Keyspace(this.behaviour);
    this.secrets = new Keyspace(this.behaviour);
    for (const def of entityDefs.values()) this.entities.set(def.name, new EntityTable(def, this.behaviour));
  }

  /** How long queries trail writes; tests may change it between steps. */
  get indexLagMs(): number {
    return this.behaviour.indexLagMs;
  }

  set indexLagMs(ms: number) {
    this.behaviour.indexLagMs = storageBehaviour({ indexLagMs: ms }).indexLagMs;
  }

  /** Every write made so far becomes visible to queries, as if the lag had passed. */
  settleIndexes(): void {
    this.kvs.settle();
    this.secrets.settle();
    for (const table of this.entities.values()) table.settle();
  }

  private table(name: unknown): EntityTable {
    const def = entityDefOrThrow(this.entityDefs, name);
    return this.entities.get(def.name) as EntityTable;
  }

  // --- single items -------------------------------------------------------------------------

  get(raw: unknown, space: 'kvs' | 'secret'): StorageResult {
    const body = requireBody(raw);
    const key = validateKey(body.key, 'kvs');
    const item = (space === 'kvs' ? this.kvs : this.secrets).get(key, this.clock());
    if (item === undefined) throw new StorageError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return ok(describe(key, item, 'all'));
  }

  set(raw: unknown, space: 'kvs' | 'secret'): StorageResult {
    const body = requireBody(raw);
    const key = validateKey(body.key, 'kvs');
    const { stored } = validateValue(body.value);
    return this.write(space === 'kvs' ? this.kvs : this.secrets, key, stored, body.options);
  }

  delete(raw: unknown, space: 'kvs' | 'secret'): StorageResult {
    const body = requireBody(raw);
    const key = validateKey(body.key, 'kvs');
    if ((space === 'kvs' ? this.kvs : this.secrets).delete(key)) this.onMutation();
    return noContent;
  }

  entityGet(raw: unknown): StorageResult {
    const body = requireBody(raw);
    const table = this.table(body.entityName);
    const key = validateKey(body.key, 'entity');
    const item = table.get(key, this.clock());
    if (item === undefined) throw new StorageError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return ok(describe(key, item, 'all'));
  }

  entitySet(raw: unknown): StorageResult {
    const body = requireBody(raw);
    const table = this.table(body.entityName);
    const key = validateKey(body.key, 'entity');
    const { json, stored } = validateValue(body.value);
    validateEntityValue(table.def, json);
    return this.write(table, key, stored, body.options);
  }

  entityDelete(raw: unknown): StorageResult {
    const body = requireBody(raw);
    const table = this.table(body.entityName);
    const key = validateKey(body.key, 'entity');
    if (table.delete(key)) this.onMutation();
    return noContent;
  }

  /** set with keyPolicy / returnValue semantics (kvs-api#write-conflict). */
  private write(space: Keyspace | EntityTable, key: string, value: StoredValue, rawOptions: unknown): StorageResult {
    const options = isRecord(rawOptions) ? rawOptions : {};
    const now = this.clock();
    const keyPolicy = options.keyPolicy ?? 'OVERRIDE';
    if (keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') throw badRequest('BAD_REQUEST', `Unknown keyPolicy '${String(keyPolicy)}'`);
    const returnValue = options.returnValue;
    if (returnValue !== undefined && returnValue !== 'PREVIOUS' && returnValue !== 'LATEST') throw badRequest('BAD_REQUEST', `Unknown returnValue '${String(returnValue)}'`);
    if (returnValue !== undefined && keyPolicy === 'FAIL_IF_EXISTS') throw badRequest('BAD_REQUEST', 'returnValue requires keyPolicy OVERRIDE');
    if (options.returnMetadataFields !== undefined && returnValue === undefined) throw badRequest('BAD_REQUEST', 'returnMetadataFields requires returnValue');
    const previous = space.get(key, now);
    if (previous !== undefined && keyPolicy === 'FAIL_IF_EXISTS') throw new StorageError(409, 'KEY_ALREADY_EXISTS', 'The key already exists');
    const item: StoredItem = { value, createdAt: previous?.createdAt ?? now, updatedAt: now, expireAt: expiryFromOptions(options, now) };
    space.put(key, item);
    this.onMutation();
    if (returnValue === undefined) return noContent;
    const fields = metadataFieldsOf({ metadataFields: options.returnMetadataFields });
    if (returnValue === 'LATEST') return ok(describe(key, item, fields));
    return previous === undefined ? noContent : ok(describe(key, previous, fields));
  }

  // --- queries ------------------------------------------------------------------------------

  query(raw: unknown): StorageResult {
    const body = requireBody(raw);
    const limit = pageLimit(body.limit, 'LIST_QUERY_LIMIT_EXCEEDED');
    let prefix = '';
    if (body.where !== undefined && body.where !== null) {
      if (!Array.isArray(body.where) || body.where.length > 1) throw badRequest('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
      const where: unknown = body.where[0];
      if (where !== undefined) {
        if (!isRecord(where) || where.property !== 'key') throw badRequest('QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters.');
        if (where.condition !== 'BEGINS_WITH') throw badRequest('INVALID_FILTER_CONDITION', 'The specified condition is not supported for filters.');
        if (!Array.isArray(where.values) || where.values.length !== 1 || typeof where.values[0] !== 'string') {
          throw badRequest('INVALID_FILTER_VALUES', 'beginsWith takes exactly one string value.');
        }
        prefix = where.values[0];
      }
    }
    let after: string | undefined;
    if (typeof body.after === 'string') {
      const cursor = decodeCursor(body.after);
      if (cursor === undefined || typeof cursor.k !== 'string' || cursor.t !== 'kvs') throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid.');
      after = cursor.k;
    }
    const fields = metadataFieldsOf(body.options);
    const page = this.kvs.page(prefix, after, limit, this.clock());
    const data = page.entries.map(([key, item]) => describe(key, item, fields));
    const last = page.entries[page.entries.length - 1];
    return ok(page.more && last !== undefined ? { data, cursor: encodeCursor({ t: 'kvs', k: last[0] }) } : { data });
  }

  entityQuery(raw: unknown): StorageResult {
    const body = requireBody(raw);
    const table = this.table(body.entityName);
    const indexName = typeof body.indexName === 'string' ? body.indexName : '';
    const index = table.indexDef(indexName);
    if (index === undefined) throw badRequest('INVALID_ENTITY_INDEX', `Index '${indexName}' is not declared for entity '${table.def.name}'.`);
    const partition = this.partitionValues(table.def, index.partition, body.partition, indexName);
    const range = index.name === KEY_INDEX ? this.keyRange(body.range) : parseRange(table.def, index.range, body.range);
    const filters = parseFilters(table.def, body.filters, 'filters');
    if (body.sort !== undefined && body.sort !== 'ASC' && body.sort !== 'DESC') throw badRequest('BAD_REQUEST', `Unknown sort '${String(body.sort)}'`);
    const limit = pageLimit(body.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    let after: { sort: Scalar; key: string } | undefined;
    if (typeof body.cursor === 'string') {
      const cursor = decodeCursor(body.cursor);
      const sort = cursor?.s;
      if (cursor === undefined || cursor.i !== `${table.def.name}/${indexName}` || typeof cursor.k !== 'string' || (typeof sort !== 'string' && typeof sort !== 'number' && typeof sort !== 'boolean')) {
        throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid for this query.');
      }
      after = { sort, key: cursor.k };
    }
    const page = table.page({ index: indexName, partition, range, filters, descending: body.sort === 'DESC', after, limit }, this.clock());
    const fields = metadataFieldsOf(isRecord(body.options) ? body.options : { metadataFields: body.metadataFields });
    const data = page.entries.map(([key, item]) => describe(key, item, fields));
    return ok(page.more && page.last !== undefined ? { data, cursor: encodeCursor({ i: `${table.def.name}/${indexName}`, s: page.last.sort, k: page.last.key }) } : { data });
  }

  private partitionValues(def: EntityDef, attributes: string[], raw: unknown, indexName: string): Scalar[] {
    const values = raw === undefined || raw === null ? [] : raw;
    if (!Array.isArray(values) || values.length !== attributes.length) {
      throw badRequest('INVALID_PARTITION', `Index '${indexName}' needs a partition of ${attributes.length} value(s): [${attributes.join(', ')}].`);
    }
    return values.map((value: unknown, i) => {
      const type = def.attributes.get(attributes[i]);
      const fits =
        (type === 'string' && typeof value === 'string') ||
        ((type === 'integer' || type === 'float') && typeof value === 'number') ||
        (type === 'boolean' && typeof value === 'boolean');
      if (!fits) throw badRequest('INVALID_PARTITION', `Partition value ${JSON.stringify(value)} does not match attribute '${attributes[i]}' of type ${String(type)}.`);
      return value as Scalar;
    });
  }

  private keyRange(raw: unknown): ReturnType<typeof parseRange> {
    const keyDef: EntityDef = { name: KEY_INDEX, attributes: new Map([['key', 'string']]), indexes: new Map() };
    return parseRange(keyDef, 'key', raw);
  }

  // --- batches ------------------------------------------------------------------------------

  private batchItems(raw: unknown): Array<Record<string, unknown>> {
    if (!Array.isArray(raw) || raw.length === 0) throw badRequest('BAD_REQUEST', 'A batch must contain at least one key.');
    if (raw.length > LIMITS.batchItems) throw badRequest('BATCH_LIMIT_EXCEEDED', `A batch can contain at most ${LIMITS.batchItems} keys.`);
    const seen = new Set<string>();
    return raw.map((item: unknown) => {
      const record = requireBody(item);
      const identity = `${String(record.entityName ?? '')}\u0000${String(record.key)}`;
      if (seen.has(identity)) throw badRequest('DUPLICATE_KEYS', `Key '${String(record.key)}' appears more than once in the batch.`);
      seen.add(identity);
      return record;
    });
  }

  private perItem<T>(items: Array<Record<string, unknown>>, run: (item: Record<string, unknown>) => T): { successfulKeys: T[]; failedKeys: JsonValue[] } {
    const successfulKeys: T[] = [];
    const failedKeys: JsonValue[] = [];
    for (const item of items) {
      try {
        successfulKeys.push(run(item));
      } catch (error) {
        if (!(error instanceof StorageError)) throw error;
        const failed: JsonObject = { key: String(item.key), error: { code: error.code, message: error.message } };
        if (typeof item.entityName === 'string') failed.entityName = item.entityName;
        failedKeys.push(failed);
      }
    }
    return { successfulKeys, failedKeys };
  }

  private identity(item: Record<string, unknown>): JsonObject {
    return typeof item.entityName === 'string' ? { key: String(item.key), entityName: item.entityName } : { key: String(item.key) };
  }

  batchGet(raw: unknown): StorageResult {
    const now = this.clock();
    const result = this.perItem(this.batchItems(raw), (item) => {
      const entityName = typeof item.entityName === 'string' ? item.entityName : undefined;
      const space = entityName === undefined ? this.kvs : this.table(entityName);
      const key = validateKey(item.key, entityName === undefined ? 'kvs' : 'entity');
      const stored = space.get(key, now);
      if (stored === undefined) throw new StorageError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
      return describe(key, stored, metadataFieldsOf(item.options), entityName === undefined ? {} : { entityName });
    });
    return ok(result);
  }

  batchSet(raw: unknown): StorageResult {
    const now = this.clock();
    const result = this.perItem(this.batchItems(raw), (item) => {
      const entityName = typeof item.entityName === 'string' ? item.entityName : undefined;
      const key = validateKey(item.key, entityName === undefined ? 'kvs' : 'entity');
      const { json, stored } = validateValue(item.value);
      const space = entityName === undefined ? this.kvs : this.table(entityName);
      if (space instanceof EntityTable) validateEntityValue(space.def, json);
      const previous = space.get(key, now);
      space.put(key, { value: stored, createdAt: previous?.createdAt ?? now, updatedAt: now, expireAt: expiryFromOptions(item.options, now) });
      return this.identity(item);
    });
    if (result.successfulKeys.length > 0) this.onMutation();
    return ok(result);
  }

  batchDelete(raw: unknown): StorageResult {
    const result = this.perItem(this.batchItems(raw), (item) => {
      const entityName = typeof item.entityName === 'string' ? item.entityName : undefined;
      const key = validateKey(item.key, entityName === undefined ? 'kvs' : 'entity');
      (entityName === undefined ? this.kvs : this.table(entityName)).delete(key);
      return this.identity(item);
    });
    if (result.successfulKeys.length > 0) this.onMutation();
    return ok(result);
  }

  // --- transactions -------------------------------------------------------------------------

  transaction(raw: unknown): StorageResult {
    const body = requireBody(raw);
    const now = this.clock();
    const list = (value: unknown, name: string): Array<Record<string, unknown>> => {
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) throw badRequest('BAD_REQUEST', `Transaction '${name}' must be a list.`);
      return value.map(requireBody);
    };
    const raws: Array<{ type: TransactionOp['type']; item: Record<string, unknown> }> = [
      ...list(body.set, 'set').map((item) => ({ type: 'set' as const, item })),
      ...list(body.delete, 'delete').map((item) => ({ type: 'delete' as const, item })),
      ...list(body.check, 'check').map((item) => ({ type: 'check' as const, item })),
    ];
    if (raws.length === 0) throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation.');
    if (raws.length > LIMITS.transactionOperations) {
      throw badRequest('TRANSACTION_LIMIT_EXCEEDED', `Each transaction can contain a maximum of ${LIMITS.transactionOperations} operations (got ${raws.length}).`);
    }
    const seen = new Set<string>();
    const ops = raws.map(({ type, item }): TransactionOp => {
      const entityName = typeof item.entityName === 'string' ? item.entityName : undefined;
      const entity = entityName === undefined ? undefined : this.table(entityName);
      const key = validateKey(item.key, entity === undefined ? 'kvs' : 'entity');
      const identity = `${entityName ?? ''}\u0000${key}`;
      if (seen.has(identity)) throw badRequest('DUPLICATE_KEYS', `Each key can only be used once in a transaction: '${key}'.`);
      seen.add(identity);
      if (entity === undefined && item.conditions !== undefined) throw badRequest('BAD_REQUEST', 'Conditions apply to custom entities only.');
      if (type === 'check' && (entity === undefined || item.conditions === undefined)) throw badRequest('BAD_REQUEST', 'A check needs an entityName and conditions.');
      const conditions = entity === undefined ? undefined : parseFilters(entity.def, item.conditions, `conditions of ${type} '${key}'`);
      if (type !== 'set') return { type, target: { key, entity }, conditions };
      const { json, stored } = validateValue(item.value);
      if (entity !== undefined) validateEntityValue(entity.def, json);
      return { type, target: { key, entity }, value: stored, conditions, expireAt: expiryFromOptions(item.options, now) };
    });
    const failed = ops.filter((op) => {
      if (op.conditions === undefined || op.target.entity === undefined) return false;
      const current = op.target.entity.get(op.target.key, now);
      return !matchesFilters(op.conditions, current?.value.attributes);
    });
    if (failed.length > 0) {
      throw new StorageError(409, 'CONDITIONAL_CHECK_FAILED', 'The transaction was cancelled: a condition was not met.', {
        failedOperations: failed.map((op) => ({ type: op.type, key: op.target.key, entityName: op.target.entity?.def.name ?? null })),
      });
    }
    for (const op of ops) {
      const space = op.target.entity ?? this.kvs;
      if (op.type === 'delete') space.delete(op.target.key);
      if (op.type === 'set' && op.value !== undefined) {
        const previous = space.get(op.target.key, now);
        space.put(op.target.key, { value: op.value, createdAt: previous?.createdAt ?? now, updatedAt: now, expireAt: op.expireAt });
      }
    }
    this.onMutation();
    return noContent;
  }

  // --- state --------------------------------------------------------------------------------

  snapshot(): StorageSnapshot {
    const plain = (entries: Array<[string, StoredItem]>): Array<[string, SnapshotItem]> => entries.map(([key, item]) => [key, snapshotItem(item)]);
    const entities: Record<string, Array<[string, SnapshotItem]>> = {};
    for (const [name, table] of this.entities) entities[name] = plain(table.entries());
    return { kvs: plain(this.kvs.entries()), secrets: plain(this.secrets.entries()), entities };
  }

  restore(snapshot: StorageSnapshot): void {
    this.clear();
    for (const [key, item] of snapshot.kvs) this.kvs.put(key, restoredItem(item));
    for (const [key, item] of snapshot.secrets) this.secrets.put(key, restoredItem(item));
    for (const [name, entries] of Object.entries(snapshot.entities)) {
      const table = this.entities.get(name);
      if (table === undefined) {
        console.warn(`sandbox: dropping stored entity '${name}': it is no longer declared in manifest.yml`);
        continue;
      }
      for (const [key, item] of entries) table.put(key, restoredItem(item));
    }
    // Restored state was written long ago: queries see all of it.
    this.settleIndexes();
  }

  clear(): void {
    this.kvs.clear();
    this.secrets.clear();
    for (const table of this.entities.values()) table.clear();
  }
}
