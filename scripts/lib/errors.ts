/** A problem the user fixes by doing something (install Java, free a port): printed as one sentence. */
export class PrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrerequisiteError';
  }
}
