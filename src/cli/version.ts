declare const MENTEE_VERSION: string;

/** The command's name: what people type, and what completion scripts and the manual are made for. */
export const PROGRAM_NAME = 'mentee';

/** Set by the build from package.json; "0.0.0-dev" when running the sources directly. */
export const VERSION = typeof MENTEE_VERSION === 'string' ? MENTEE_VERSION : '0.0.0-dev';
