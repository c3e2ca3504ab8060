export * from './errors.js';
export * from './pagination.js';
export * from './schemas.js';
export type { Access, AppDeps, RequestContext } from './context.js';
export { contextOf } from './request-context.js';
