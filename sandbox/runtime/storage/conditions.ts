import { type AttributeType, type EntityDef } from '../manifest';
import { type JsonObject, type JsonValue, isRecord } from '../types';
import { StorageError, badRequest } from './storage-error';
import { LIMITS } from './validation';

/**
 * Conditions of entity queries (`where` on the index range, `filters` on other attributes) and
 * of transaction operations, validated and evaluated as the Custom Entity Store documents them.
 */
export type Scalar = string | number | boolean;

export type RangeCondition = 'BEGINS_WITH' | 'BETWEEN' | 'EQUAL_TO' | 'GREATER_THAN' | 'GREATER_THAN_EQUAL_TO' | 'LESS_THAN' | 'LESS_THAN_EQUAL_TO';
export type FilterCondition = RangeCondition | 'NOT_EQUAL_TO' | 'EXISTS' | 'NOT_EXISTS' | 'CONTAINS' | 'NOT_CONTAINS';

export interface RangeSpec {
  condition: RangeCondition;
  values: Scalar[];
}

export interface FilterItem {
  property: string;
  condition: FilterCondition;
  values: Scalar[];
}

export interface FilterSet {
  operator: 'and' | 'or';
  items: FilterItem[];
}

const ORDERED: AttributeType[] = ['string', 'integer', 'float'];
const ALL_TYPED: AttributeType[] = ['string', 'integer', 'float', 'boolean'];

const SUPPORTED_TYPES: Record<FilterCondition, AttributeType[]> = {
  BEGINS_WITH: ['string'],
  BETWEEN: ORDERED,
  EQUAL_TO: ALL_TYPED,
  NOT_EQUAL_TO: ALL_TYPED,
  GREATER_THAN: ORDERED,
  GREATER_THAN_EQUAL_TO: ORDERED,
  LESS_THAN: ORDERED,
  LESS_THAN_EQUAL_TO: ORDERED,
  EXISTS: ALL_TYPED,
  NOT_EXISTS: ALL_TYPED,
  CONTAINS: ['string'],
  NOT_CONTAINS: ['string'],
};

const RANGE_CONDITIONS = new Set<string>(['BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']);

export function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function valueFitsType(type: AttributeType, value: unknown): value is Scalar {
  if (type === 'string') return typeof value === 'string';
  if (type === 'integer' || type === 'float') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'boolean') return typeof value === 'boolean';
  return false;
}

function checkCondition(def: EntityDef, property: string, condition: string, values: unknown, purpose: string): { type: AttributeType; values: Scalar[] } {
  const type = def.attributes.get(property);
  if (type === undefined) throw badRequest('INVALID_ENTITY_ATTRIBUTE', `${purpose}: attribute '${property}' is not declared for entity '${def.name}'.`);
  if (type === 'any') {
    throw new StorageError(422, 'INVALID_ENTITY_ATTRIBUTE', `${purpose}: attribute '${property}' is of type any, which conditions cannot use.`);
  }
  const supported = SUPPORTED_TYPES[condition as FilterCondition];
  if (supported === undefined) throw badRequest('INVALID_FILTER_CONDITION', `${purpose}: condition '${condition}' is not supported.`);
  if (!supported.includes(type)) {
    throw badRequest('INVALID_FILTER_CONDITION', `${purpose}: condition '${condition}' does not apply to attribute '${property}' of type ${type}.`);
  }
  if (!Array.isArray(values)) throw badRequest('INVALID_FILTER_VALUES', `${purpose}: condition values must be a list.`);
  if (condition === 'EXISTS' || condition === 'NOT_EXISTS') return { type, values: [] };
  const needed = condition === 'BETWEEN' ? 2 : 1;
  if (values.length < needed) throw badRequest('INSUFFICIENT_FILTER_VALUES', `${purpose}: condition '${condition}' needs ${needed} value(s).`);
  if (values.length > needed) throw badRequest('INVALID_FILTER_VALUES', `${purpose}: condition '${condition}' takes ${needed} value(s).`);
  for (const value of values) {
    if (!valueFitsType(type, value)) {
      throw badRequest('INVALID_FILTER_VALUES', `${purpose}: value ${JSON.stringify(value)} does not match attribute '${property}' of type ${type}.`);
    }
  }
  return { type, values: values as Scalar[] };
}

export function parseRange(def: EntityDef, rangeAttribute: string, raw: unknown): RangeSpec | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw) || typeof raw.condition !== 'string') throw badRequest('INVALID_FILTER_CONDITION', 'where: a condition is required.');
  if (!RANGE_CONDITIONS.has(raw.condition)) throw badRequest('INVALID_FILTER_CONDITION', `where: condition '${raw.condition}' is not supported on an index range.`);
  const { values } = checkCondition(def, rangeAttribute, raw.condition, raw.values, 'where');
  return { condition: raw.condition as RangeCondition, values };
}

/** Parses `{and: [...]}` or `{or: [...]}` as sent by the SDK's Filter builder. */
export function parseFilters(def: EntityDef, raw: unknown, purpose: string): FilterSet | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw badRequest('INVALID_FILTER_CONDITION', `${purpose}: filters must be an object.`);
  const hasAnd = raw.and !== undefined;
  const hasOr = raw.or !== undefined;
  if (hasAnd && hasOr) throw badRequest('INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level.');
  if (!hasAnd && !hasOr) throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  const operator = hasAnd ? 'and' : 'or';
  const list = raw[operator];
  if (!Array.isArray(list) || list.length === 0) throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  if (list.length > LIMITS.queryConditions) throw badRequest('INVALID_FILTER_VALUES', `A query can have at most ${LIMITS.queryConditions} conditions.`);
  const items = list.map((item): FilterItem => {
    if (!isRecord(item) || typeof item.property !== 'string' || typeof item.condition !== 'string') {
      throw badRequest('INVALID_FILTER_CONDITION', `${purpose}: every condition needs a property and a condition.`);
    }
    const { values } = checkCondition(def, item.property, item.condition, item.values, purpose);
    return { property: item.property, condition: item.condition as FilterCondition, values };
  });
  return { operator, items };
}

function scalarOf(value: JsonValue | undefined): Scalar | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * An absent attribute satisfies only NOT_EXISTS and the negative conditions (NOT_EQUAL_TO,
 * NOT_CONTAINS); a missing item is an item with every attribute absent, so `notExists`
 * conditions express "create only if absent" in a transaction.
 */
function holds(item: FilterItem, attributes: JsonObject | undefined): boolean {
  const actual = scalarOf(attributes?.[item.property]);
  const [first, second] = item.values;
  switch (item.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'NOT_EQUAL_TO':
      return actual === undefined || compareScalars(actual, first) !== 0;
    case 'NOT_CONTAINS':
      return actual === undefined || !String(actual).includes(String(first));
    default:
      break;
  }
  if (actual === undefined) return false;
  switch (item.condition) {
    case 'EQUAL_TO':
      return compareScalars(actual, first) === 0;
    case 'BEGINS_WITH':
      return String(actual).startsWith(String(first));
    case 'CONTAINS':
      return String(actual).includes(String(first));
    case 'BETWEEN':
      return compareScalars(actual, first) >= 0 && compareScalars(actual, second) <= 0;
    case 'GREATER_THAN':
      return compareScalars(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return compareScalars(actual, first) >= 0;
    case 'LESS_THAN':
      return compareScalars(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return compareScalars(actual, first) <= 0;
    default:
      return false;
  }
}

export function matchesFilters(filters: FilterSet | undefined, attributes: JsonObject | undefined): boolean {
  if (filters === undefined) return true;
  return filters.operator === 'and' ? filters.items.every((item) => holds(item, attributes)) : filters.items.some((item) => holds(item, attributes));
}
