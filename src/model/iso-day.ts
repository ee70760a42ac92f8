/** A calendar day as the report writes it: YYYY-MM-DD. Apart from the report's schema, so that checking a date does
 *  not load zod. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
