/**
 * Moved to src/ui/json-shapes.ts, where the JSON output is declared. This file only keeps the old
 * import path working (commands/export.ts, test/e2e/export.test.ts) until they switch; then it goes.
 */
export { ExportJsonSchema, exportJsonSchemaDocument } from '../ui/json-shapes.js';
