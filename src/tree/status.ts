/** The one status vocabulary, named where the rows have always found it: it is the kinds' (src/kinds/status.ts). */
export * from '../kinds/status';
