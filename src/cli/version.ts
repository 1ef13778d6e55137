declare const MENTEE_VERSION: string;

/** Set by the build from package.json; "0.0.0-dev" when running the sources directly. */
export const VERSION = typeof MENTEE_VERSION === 'string' ? MENTEE_VERSION : '0.0.0-dev';
