/**
 * `fetchProduct`, the bridge command behind `requestConfluence` (and the content/space property
 * hooks): the payload @forge/bridge builds (`productFetchApi` in @forge/bridge/out/fetch) and
 * the answer it turns back into a `Response`.
 */
import { isRecord } from './forge-doc';
import { type ProductRequestInit, type ProductResponse } from './types';

export interface ProductFetchPayload {
  product: string;
  path: string;
  init: ProductRequestInit;
}

export interface BridgeFetchResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  isAttachment: boolean;
}

/** Reason phrases for the statuses Confluence answers with; `Response.statusText` shows them. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function headerRecord(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!Array.isArray(value)) return headers;
  for (const entry of value) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string') headers[entry[0].toLowerCase()] = entry[1];
  }
  return headers;
}

/** Throws with the reason when the payload is not one this host can answer. */
export function parseProductFetch(data: unknown): ProductFetchPayload {
  if (!isRecord(data) || typeof data.product !== 'string' || typeof data.restPath !== 'string') {
    throw new Error(`fetchProduct needs a product and a restPath, got ${JSON.stringify(data)}`);
  }
  if (data.product !== 'confluence') throw new Error(`fetchProduct: this host serves Confluence only, not '${data.product}'`);
  if (!data.restPath.startsWith('/')) throw new Error(`fetchProduct: the path must start with '/', got '${data.restPath}'`);
  if (data.isMultipartFormData === true) throw new Error('fetchProduct: multipart uploads (attachments) are not emulated');
  const init = isRecord(data.fetchRequestInit) ? data.fetchRequestInit : {};
  const method = typeof init.method === 'string' ? init.method.toUpperCase() : 'GET';
  // @forge/bridge reads no body for GET (null) and an empty one for a bodiless DELETE.
  const body = typeof init.body === 'string' && init.body !== '' ? init.body : undefined;
  return { product: data.product, path: data.restPath, init: { method, headers: headerRecord(init.headers), body } };
}

export function toBridgeResponse(response: ProductResponse): BridgeFetchResponse {
  return {
    status: response.status,
    statusText: STATUS_TEXT[response.status] ?? '',
    headers: { ...response.headers },
    body: response.body,
    isAttachment: false,
  };
}
