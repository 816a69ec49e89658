/** Small helpers to speak HTTP the way the SDKs expect: real `Response` objects, JSON bodies. */

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

/** Builds a Response from any status: 204/205/304 must not carry a body. */
export function textResponse(status: number, body: string, headers: Record<string, string>): Response {
  const bodyless = status === 204 || status === 205 || status === 304;
  return new Response(bodyless ? null : body, { status, headers });
}

export function bodyText(init: RequestInit | undefined): string | undefined {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new TypeError('The sandbox only forwards string, URLSearchParams and byte request bodies');
}

export function headerRecord(init: RequestInit | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    result[name] = value;
  });
  return result;
}

/** The network error undici raises when no response arrives in time. */
export function timeoutError(what: string): TypeError {
  const error = new TypeError('fetch failed');
  Object.assign(error, { cause: Object.assign(new Error(`Headers Timeout Error (${what})`), { code: 'UND_ERR_HEADERS_TIMEOUT' }) });
  return error;
}
