/** The one CSV reader and writer (formula triggers made inert) are the server's: server/src/contract/csv.ts. */
export { csvCell, parseCsv, toCsv } from '@contract/csv';
