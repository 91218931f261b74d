import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type BuildValidator = NonNullable<CompilersFactory['buildValidator']>;
type BuildSerializer = NonNullable<CompilersFactory['buildSerializer']>;

// Fastify's own dependencies, resolved from where fastify is installed.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

/**
 * Fastify's default schema compilers (ajv and fast-json-stringify), loaded only if a route ever
 * asks for them. Fastify requires both when an instance is created, ≈ 0.2–0.3 s of CPU at every
 * start, although every route here is compiled by the zod compilers buildApp sets right after.
 * A plain JSON-schema route (a plugin that brings no compiler of its own) still gets exactly the
 * default compilers, one per instance as Fastify makes them, on first use.
 */
export function lazyDefaultSchemaCompilers(): CompilersFactory {
  // Both factories are overloaded functions: called through one plain signature.
  type Factory = (...args: unknown[]) => unknown;
  let validator: Factory | undefined;
  let serializer: Factory | undefined;
  return {
    buildValidator: ((...args: unknown[]) => {
      validator ??= (fromFastify('@fastify/ajv-compiler') as () => Factory)();
      return validator(...args);
    }) as BuildValidator,
    buildSerializer: ((...args: unknown[]) => {
      serializer ??= (fromFastify('@fastify/fast-json-stringify-compiler') as () => Factory)();
      return serializer(...args);
    }) as BuildSerializer,
  };
}
