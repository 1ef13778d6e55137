/** The formats `export` writes: portfolio is plain text for a portfolio's web form, csv the plan's table. */
export const EXPORT_FORMATS = ['md', 'html', 'ics', 'json', 'portfolio', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats `review` writes. */
export const REVIEW_FORMATS = ['md', 'html', 'json'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

/** The format a file's extension names when --out is given without --format. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, ExportFormat>> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.ics': 'ics',
  '.json': 'json',
  '.csv': 'csv',
  '.txt': 'portfolio',
};
