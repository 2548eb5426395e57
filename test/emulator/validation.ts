/**
 * Input validation generated from the API model: required members, string and list lengths,
 * patterns, integer ranges and enums, reported the way SageMaker (Coral) reports them:
 * `2 validation errors detected: Value '301' at 'expiresInSeconds' failed to satisfy constraint: ...; ...`.
 * A value of the wrong JSON type is a SerializationException, as with the real service.
 */
import type { ApiModel, Shape } from './api-model';
import { ServiceError } from './errors';

/** Coral names members in lowerCamelCase in its messages. */
export function memberPath(parent: string, member: string): string {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return parent ? `${parent}.${name}` : name;
}

const regexCache = new Map<string, RegExp>();

/** Model patterns are Java regexes matched against the whole value. */
export function patternRegExp(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = new RegExp(`^(?:${pattern})$`);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  return `'${JSON.stringify(value)}'`;
}

function violation(value: unknown, where: string, constraint: string): string {
  return `Value ${shown(value)} at '${where}' failed to satisfy constraint: ${constraint}`;
}

function serialization(message: string): ServiceError {
  return new ServiceError('SerializationException', message);
}

function check(model: ApiModel, shapeName: string, value: unknown, where: string, errors: string[]): void {
  const shape: Shape | undefined = model.shapes[shapeName];
  if (!shape) {
    throw new Error(`API model has no shape ${shapeName}`);
  }
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw serialization(`Expected an object for '${where || 'input'}'`);
      }
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (record[name] === undefined || record[name] === null) {
          errors.push(violation(null, memberPath(where, name), 'Member must not be null'));
        }
      }
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const v = record[name];
        if (v !== undefined && v !== null) {
          check(model, ref.shape, v, memberPath(where, name), errors);
        }
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        throw serialization(`Expected a list for '${where}'`);
      }
      value.forEach((item, i) => {
        if (item !== null && item !== undefined && shape.member) {
          check(model, shape.member.shape, item, `${where}.${i + 1}.member`, errors);
        }
      });
      if (shape.min !== undefined && value.length < shape.min) {
        errors.push(violation(value, where, `Member must have length greater than or equal to ${shape.min}`));
      }
      if (shape.max !== undefined && value.length > shape.max) {
        errors.push(violation(value, where, `Member must have length less than or equal to ${shape.max}`));
      }
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw serialization(`Expected a map for '${where}'`);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') {
        throw serialization(`STRING_VALUE can not be converted to a String for '${where}'`);
      }
      if (shape.enum && !shape.enum.includes(value)) {
        errors.push(violation(value, where, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`));
      }
      if (shape.pattern !== undefined && !patternRegExp(shape.pattern).test(value)) {
        errors.push(violation(value, where, `Member must satisfy regular expression pattern: ${shape.pattern}`));
      }
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) {
        errors.push(violation(value, where, `Member must have length greater than or equal to ${shape.min}`));
      }
      if (shape.max !== undefined && length > shape.max) {
        errors.push(violation(value, where, `Member must have length less than or equal to ${shape.max}`));
      }
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw serialization(`NUMBER_VALUE can not be converted to an Integer for '${where}'`);
      }
      if (shape.min !== undefined && value < shape.min) {
        errors.push(violation(value, where, `Member must have value greater than or equal to ${shape.min}`));
      }
      if (shape.max !== undefined && value > shape.max) {
        errors.push(violation(value, where, `Member must have value less than or equal to ${shape.max}`));
      }
      return;
    }
    case 'double':
    case 'float':
      if (typeof value !== 'number') {
        throw serialization(`NUMBER_VALUE can not be converted to a Double for '${where}'`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') {
        throw serialization(`BOOLEAN_VALUE can not be converted to a Boolean for '${where}'`);
      }
      return;
    case 'timestamp':
      // AWS JSON 1.1 sends timestamps as epoch seconds.
      if (typeof value !== 'number') {
        throw serialization(`Timestamp for '${where}' must be a number of epoch seconds`);
      }
      return;
    case 'blob':
      if (typeof value !== 'string') {
        throw serialization(`Expected base64 text for '${where}'`);
      }
      return;
  }
}

/** Throws the ValidationException (or SerializationException) SageMaker would send for this input. */
export function validateInput(model: ApiModel, operation: string, input: unknown): void {
  const op = model.operations[operation];
  if (!op?.input) {
    return;
  }
  const errors: string[] = [];
  check(model, op.input.shape, input, '', errors);
  if (errors.length > 0) {
    const count = errors.length === 1 ? '1 validation error detected' : `${errors.length} validation errors detected`;
    throw new ServiceError('ValidationException', `${count}: ${errors.join('; ')}`);
  }
}
