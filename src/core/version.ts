/** The package version, compared by the guarded define when two copies meet on one page. */
export const VERSION = '0.1.0';
