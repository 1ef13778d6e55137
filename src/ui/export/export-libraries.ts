/**
 * The libraries only exports use, in one module that the build makes a file of its own
 * (dist/export-libraries.cjs): every other command starts without reading them.
 */
export { defaultOptions, Liquid, toValue } from 'liquidjs';
export { default as ical, ICalAlarmType, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
