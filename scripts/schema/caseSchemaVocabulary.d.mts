// Types of caseSchemaVocabulary.mjs, for the tests that call it.
export function withVocabularyEnums(caseSchema: unknown, vocabulary: unknown): Record<string, unknown>;
export function schemaText(schema: unknown): string;
