/** Entitlement calculators: figures read from a question, dated rates, and the computations. */
export { calculate, CALCULATOR_KINDS, detectCalculation, type CalculationResult } from './calculators.js';
export { extractFigures, mergeFigures, type Figures } from './figures.js';
export { MissingRateError, RateBook, type RateRow } from './rate-book.js';
