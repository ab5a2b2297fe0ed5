import { z } from "zod";

/**
 * Structured outputs in strict mode want every property required and no open maps. The engine's schemas use
 * `.optional()`, `.default()` and `z.record()`; this derives the model-facing twin (optional/default →
 * nullable, record → array of {key, value}) and converts a model reply back to the engine's input shape,
 * which the engine's own schema then parses.
 */

type AnySchema = z.ZodType;

function defType(schema: AnySchema): string {
  return (schema as unknown as { _zod: { def: { type: string } } })._zod.def.type;
}

function def<T>(schema: AnySchema): T {
  return (schema as unknown as { _zod: { def: T } })._zod.def;
}

const recordEntry = (value: AnySchema) => z.object({ key: z.string(), value });

/** The model-facing schema derived from an engine schema. */
export function toStrictSchema(schema: AnySchema): AnySchema {
  switch (defType(schema)) {
    case "optional":
    case "default":
    case "prefault":
      return toStrictSchema(def<{ innerType: AnySchema }>(schema).innerType).nullable();
    case "nullable":
      return toStrictSchema(def<{ innerType: AnySchema }>(schema).innerType).nullable();
    case "object": {
      const shape = (schema as z.ZodObject).shape as Record<string, AnySchema>;
      const strict = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, toStrictSchema(value)]),
      );
      const described = schema.description;
      const object = z.object(strict).strict();
      return described ? object.describe(described) : object;
    }
    case "union": {
      const options = def<{ options: AnySchema[] }>(schema).options.map(toStrictSchema);
      return z.union(options as [AnySchema, AnySchema, ...AnySchema[]]);
    }
    case "array": {
      const element = def<{ element: AnySchema }>(schema).element;
      return z.array(toStrictSchema(element));
    }
    case "record": {
      const valueType = def<{ valueType: AnySchema }>(schema).valueType;
      return z.array(recordEntry(toStrictSchema(valueType)));
    }
    default:
      return schema;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Literal fields of an object schema (e.g. `kind`), used to pick a union member for a value. */
function literalsOf(schema: AnySchema): Array<[string, unknown[]]> {
  if (defType(schema) !== "object") return [];
  const shape = (schema as z.ZodObject).shape as Record<string, AnySchema>;
  return Object.entries(shape)
    .filter(([, field]) => defType(field) === "literal")
    .map(([key, field]) => [key, def<{ values: unknown[] }>(field).values]);
}

/** The union member whose literal fields (e.g. `kind`) the value carries. */
function unionMember(schema: AnySchema, value: unknown): AnySchema | undefined {
  if (!isRecord(value)) return undefined;
  return def<{ options: AnySchema[] }>(schema).options.find((option) => {
    const literals = literalsOf(option);
    return literals.length > 0 && literals.every(([key, values]) => values.includes(value[key]));
  });
}

/** Converts a strict reply back: nulls dropped where the engine has optional/default, records rebuilt. */
export function fromStrictValue(schema: AnySchema, value: unknown): unknown {
  switch (defType(schema)) {
    case "optional":
    case "default":
    case "prefault":
      return value === null
        ? undefined
        : fromStrictValue(def<{ innerType: AnySchema }>(schema).innerType, value);
    case "nullable":
      return value === null ? null : fromStrictValue(def<{ innerType: AnySchema }>(schema).innerType, value);
    case "object": {
      if (!isRecord(value)) return value;
      const shape = (schema as z.ZodObject).shape as Record<string, AnySchema>;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const converted = shape[key] ? fromStrictValue(shape[key], item) : item;
        if (converted !== undefined) out[key] = converted;
      }
      return out;
    }
    case "union": {
      const match = unionMember(schema, value);
      return match ? fromStrictValue(match, value) : value;
    }
    case "array": {
      const element = def<{ element: AnySchema }>(schema).element;
      return Array.isArray(value) ? value.map((item) => fromStrictValue(element, item)) : value;
    }
    case "record": {
      if (!Array.isArray(value)) return value;
      const valueType = def<{ valueType: AnySchema }>(schema).valueType;
      const entries = value
        .filter(isRecord)
        .map((entry) => [String(entry.key), fromStrictValue(valueType, entry.value)]);
      return Object.fromEntries(entries);
    }
    default:
      return value;
  }
}

/** The inverse of fromStrictValue: an engine-shaped value with every absent field null, records as pairs. */
export function toStrictValue(schema: AnySchema, value: unknown): unknown {
  switch (defType(schema)) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
      return value === undefined || value === null
        ? null
        : toStrictValue(def<{ innerType: AnySchema }>(schema).innerType, value);
    case "object": {
      if (!isRecord(value)) return value;
      const shape = (schema as z.ZodObject).shape as Record<string, AnySchema>;
      return Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, toStrictValue(field, value[key])]),
      );
    }
    case "union": {
      const match = unionMember(schema, value);
      return match ? toStrictValue(match, value) : value;
    }
    case "array": {
      const element = def<{ element: AnySchema }>(schema).element;
      return Array.isArray(value) ? value.map((item) => toStrictValue(element, item)) : value;
    }
    case "record": {
      if (!isRecord(value)) return value;
      const valueType = def<{ valueType: AnySchema }>(schema).valueType;
      return Object.entries(value).map(([key, item]) => ({ key, value: toStrictValue(valueType, item) }));
    }
    default:
      return value;
  }
}
