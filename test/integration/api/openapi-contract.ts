/**
 * docs/openapi.yaml as a checker: the schema of a route's documented answer for a status,
 * compiled with Ajv's 2020-12 dialect (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { APP_ROOT } from '../support/app';

interface ResponseObject {
  $ref?: string;
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, unknown>;
}

interface Operation {
  security?: { threeLegged: string[] }[];
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
}

export const openApi = parse(readFileSync(join(APP_ROOT, 'docs', 'openapi.yaml'), 'utf8')) as OpenApiDocument;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openApi as unknown as object, 'openapi');

const pointer = (segments: string[]): string => segments.map((segment) => `/${encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('');

/** The documented answer of `method path` with `status`, and the JSON pointer of its body's schema. */
function documented(method: string, path: string, status: number): { response: ResponseObject; schemaPointer: string } {
  const operation = openApi.paths[path]?.[method.toLowerCase()];
  if (operation === undefined) throw new Error(`docs/openapi.yaml has no ${method} ${path}`);
  const response = operation.responses[String(status)];
  if (response === undefined) throw new Error(`docs/openapi.yaml documents no ${status} for ${method} ${path}`);
  if (response.$ref !== undefined) {
    const name = response.$ref.replace('#/components/responses/', '');
    return { response: openApi.components.responses[name], schemaPointer: pointer(['components', 'responses', name, 'content', 'application/json', 'schema']) };
  }
  return { response, schemaPointer: pointer(['paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema']) };
}

/** What is wrong with an answer by the contract: an undocumented status, a missing required header, a body off its schema. */
export function contractProblems(method: string, path: string, answer: { status: number; headers: Record<string, string>; body: unknown }): string[] {
  const { response, schemaPointer } = documented(method, path, answer.status);
  const problems = Object.entries(response.headers ?? {})
    .filter(([name, header]) => header.required === true && answer.headers[name.toLowerCase()] === undefined)
    .map(([name]) => `header ${name} is missing`);
  const validate = ajv.getSchema(`openapi#${schemaPointer}`);
  if (validate === undefined) return [...problems, `no schema at ${schemaPointer}`];
  if (!validate(answer.body)) problems.push(...(validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`));
  return problems;
}
