/**
 * The libraries only exports use, in one module that the build makes a file of its own
 * (dist/export-libraries.cjs): every other command starts without reading them. csv-stringify writes
 * the development plan's CSV. liquidjs's tags and tokens are here for layout-compiler.ts.
 */
export {
  AssignTag,
  CommentTag,
  defaultOptions,
  Drop,
  ForTag,
  IfTag,
  IncludeTag,
  isFalsy,
  isTruthy,
  Liquid,
  RawTag,
  RenderTag,
  TokenKind,
  toValue,
  toValueSync,
  UnlessTag,
} from 'liquidjs';
export { default as ical, ICalAlarmType, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
export { stringify } from 'csv-stringify/sync';
