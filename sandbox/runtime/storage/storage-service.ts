import { jsonResponse, emptyResponse } from '../http';
import { type OpKind } from '../types';
import { StorageError } from './storage-error';
import { type StorageEngine, type StorageResult } from './storage-engine';
import { checkRequestSize } from './validation';

type Route = { kind: OpKind; operation: string; run: (engine: StorageEngine, body: unknown) => StorageResult };

/** The `/api/v1/...` paths `@forge/kvs` posts to (see its storage-api.js). */
const ROUTES: Record<string, Route> = {
  '/api/v1/get': { kind: 'kvs', operation: 'get', run: (e, b) => e.get(b, 'kvs') },
  '/api/v1/set': { kind: 'kvs', operation: 'set', run: (e, b) => e.set(b, 'kvs') },
  '/api/v1/delete': { kind: 'kvs', operation: 'delete', run: (e, b) => e.delete(b, 'kvs') },
  '/api/v1/query': { kind: 'kvs', operation: 'query', run: (e, b) => e.query(b) },
  '/api/v1/secret/get': { kind: 'secret', operation: 'get', run: (e, b) => e.get(b, 'secret') },
  '/api/v1/secret/set': { kind: 'secret', operation: 'set', run: (e, b) => e.set(b, 'secret') },
  '/api/v1/secret/delete': { kind: 'secret', operation: 'delete', run: (e, b) => e.delete(b, 'secret') },
  '/api/v1/entity/get': { kind: 'entity', operation: 'get', run: (e, b) => e.entityGet(b) },
  '/api/v1/entity/set': { kind: 'entity', operation: 'set', run: (e, b) => e.entitySet(b) },
  '/api/v1/entity/delete': { kind: 'entity', operation: 'delete', run: (e, b) => e.entityDelete(b) },
  '/api/v1/entity/query': { kind: 'entity', operation: 'query', run: (e, b) => e.entityQuery(b) },
  '/api/v1/batch/get': { kind: 'kvs', operation: 'batch/get', run: (e, b) => e.batchGet(b) },
  '/api/v1/batch/set': { kind: 'kvs', operation: 'batch/set', run: (e, b) => e.batchSet(b) },
  '/api/v1/batch/delete': { kind: 'kvs', operation: 'batch/delete', run: (e, b) => e.batchDelete(b) },
  '/api/v1/transaction': { kind: 'kvs', operation: 'transaction', run: (e, b) => e.transaction(b) },
};

/** Kind and operation of a storage path, for the op log, latency and faults. */
export function classifyStoragePath(path: string): { kind: OpKind; operation: string } {
  const route = ROUTES[path];
  return route === undefined ? { kind: 'kvs', operation: path } : { kind: route.kind, operation: route.operation };
}

function errorResponse(error: StorageError): Response {
  return jsonResponse(error.status, { code: error.code, message: error.message, ...(error.context === undefined ? {} : { context: error.context }) });
}

export function handleStorageRequest(engine: StorageEngine, path: string, method: string, bodyText: string | undefined): Response {
  const route = ROUTES[path];
  if (route === undefined) return jsonResponse(404, { code: 'NOT_FOUND', message: `No storage API at ${path}` });
  if (method.toUpperCase() !== 'POST') return jsonResponse(405, { code: 'METHOD_NOT_ALLOWED', message: 'The storage API only accepts POST' });
  try {
    const text = bodyText ?? '';
    checkRequestSize(text);
    let body: unknown;
    try {
      body = text.length === 0 ? undefined : JSON.parse(text);
    } catch {
      return jsonResponse(400, { code: 'BAD_REQUEST', message: 'Provided request body is invalid' });
    }
    const result = route.run(engine, body);
    return result.status === 204 ? emptyResponse(204) : jsonResponse(200, result.body);
  } catch (error) {
    if (error instanceof StorageError) return errorResponse(error);
    throw error;
  }
}
