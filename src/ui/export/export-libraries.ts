/**
 * The libraries only exports use, in one module that the build makes a file of its own
 * (dist/export-libraries.cjs): every other command starts without reading them. csv-stringify writes
 * the development plan's CSV.
 */
export { defaultOptions, Liquid, toValue } from 'liquidjs';
export { default as ical, ICalAlarmType, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
export { stringify } from 'csv-stringify/sync';
