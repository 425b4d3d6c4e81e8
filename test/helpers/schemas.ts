import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

// The JSON Schemas in schemas/ that scripts are told to rely on, compiled in strict mode.

const SCHEMAS = join(import.meta.dirname, '../../schemas');
const ajv = new Ajv2020({ allErrors: true, strict: true });
/** Each schema's $id by its file name, however the $id is written. */
export const schemaIds = new Map<string, string>();
for (const file of readdirSync(SCHEMAS)) {
  const schema = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as { $id: string };
  ajv.addSchema(schema);
  schemaIds.set(file, schema.$id);
}

export function compiledSchema(id: string): ValidateFunction | undefined {
  return ajv.getSchema(id);
}

export function schema(name: string): ValidateFunction {
  const validate = ajv.getSchema(schemaIds.get(`${name}.schema.json`) ?? `schemas/${name}.schema.json is missing`);
  if (!validate) throw new Error(`schemas/${name}.schema.json is missing`);
  return validate;
}

export function expectValid(name: string, data: unknown): void {
  const validate = schema(name);
  const ok = validate(data);
  expect(ok ? [] : validate.errors, `${name}.schema.json`).toEqual([]);
}
