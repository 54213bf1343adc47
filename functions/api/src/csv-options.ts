import type { Options } from 'csv-stringify/sync';
import { neutraliseFormula } from '@manabi/core';

/**
 * How every CSV the API writes is stringified: CRLF rows (Excel's own), and every text cell
 * neutralised against spreadsheet formulas (names, departments and company names are typed by
 * people). Numbers stay numbers.
 */
export const CSV_OPTIONS: Options = { record_delimiter: '\r\n', cast: { string: neutraliseFormula } };
