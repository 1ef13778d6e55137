/** What is wrong with a piece of typed text (a flag's value, a wizard's answer); the caller says where it was typed. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
