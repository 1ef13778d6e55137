/** The formats `export` writes. */
export const EXPORT_FORMATS = ['md', 'html', 'ics', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
