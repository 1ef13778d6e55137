/** The formats `export` writes: portfolio is plain text for a portfolio's web form, csv the plan's table. */
export const EXPORT_FORMATS = ['md', 'html', 'ics', 'json', 'portfolio', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
