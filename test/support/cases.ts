// Small helpers to build case texts in tests.
export const HEADER = 'case: demo-01\ntitle: Demo case\n';

/** A minimal valid case with the given body after the header. */
export function withHeader(body: string): string {
  return HEADER + body;
}
