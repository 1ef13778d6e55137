/** The shells `mentee completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The hidden command the scripts call at each TAB: `mentee __complete <words…> <word being typed>`. */
export const COMPLETE_ENTRY = '__complete';

/**
 * The last line of every answer of the hidden command, `:<number>`, as cobra's scripts read it: 0 lets
 * the shell complete file names when no candidate is given; 4 (NoFileComp) never does.
 */
export const DIRECTIVE = { files: 0, noFiles: 4 } as const;
