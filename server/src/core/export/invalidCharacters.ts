// XML 1.0 cannot hold most control characters (U+0000–U+001F but tab and line breaks, lone
// surrogates, U+FFFE/U+FFFF); one in a case's text would make the whole Moodle or QTI file
// unreadable to the importer. The XML builder writes each as U+FFFD instead, and this counts
// them per case, so that the export says where.

export class InvalidCharacters {
  private readonly counts = new Map<string, number>();
  /** The case whose text is being written. */
  current = '';

  /** xmlbuilder2's `invalidCharReplacement`. */
  readonly replace = (): string => {
    this.counts.set(this.current, (this.counts.get(this.current) ?? 0) + 1);
    return '\uFFFD';
  };

  /** The builder options that route every invalid character through `replace`. */
  get options(): { invalidCharReplacement: () => string } {
    return { invalidCharReplacement: this.replace };
  }

  /** One warning per case that had any, or none. */
  warnings(file: string): string[] {
    return [...this.counts].map(([key, count]) => `${file}: control characters in ${key}, which XML cannot hold, written as \uFFFD (${count} in all).`);
  }
}
