import { type AttributeType, type EntityDef } from '../manifest';
import { type JsonObject, type JsonValue, isJsonObject } from '../types';
import { StorageError, badRequest } from './storage-error';

/** The store enforces attribute types strictly (entities-manifest#values). */
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAX_MAGNITUDE = 1e126;

export function matchesType(type: AttributeType, value: JsonValue): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' && value.trim().length > 0;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) && (value === 0 || (Math.abs(value) >= FLOAT_MIN_MAGNITUDE && Math.abs(value) < FLOAT_MAX_MAGNITUDE));
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return value !== null;
  }
}

export function entityDefOrThrow(entities: Map<string, EntityDef>, name: unknown): EntityDef {
  if (typeof name !== 'string' || name.length < 3) throw badRequest('ENTITY_TYPE_TOO_SHORT', 'The entity name needs to be at least 3 characters.');
  if (name.length > 60) throw badRequest('ENTITY_TYPE_TOO_LARGE', 'The entity name has exceeded the maximum 60 characters.');
  const def = entities.get(name);
  if (def === undefined) throw badRequest('INVALID_ENTITY_TYPE', `Entity '${name}' is not declared in the app's manifest.`);
  return def;
}

/** Checks an entity value against its declared attributes; returns it as stored. */
export function validateEntityValue(def: EntityDef, value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw badRequest('INVALID_ENTITY_VALUE', `A value of entity '${def.name}' must be an object of its attributes.`);
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = def.attributes.get(attribute);
    if (type === undefined) {
      throw badRequest('INVALID_ENTITY_ATTRIBUTE', `Attribute '${attribute}' is not declared for entity '${def.name}'.`);
    }
    if (!matchesType(type, attributeValue)) {
      throw new StorageError(400, 'INVALID_ENTITY_VALUE', `Attribute '${attribute}' of entity '${def.name}' must be of type ${type}.`, {
        attribute,
        expectedType: type,
      });
    }
  }
  return value;
}
