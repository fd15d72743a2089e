/**
 * Following each complaint to its end: the justice pipeline of an allegation as dated steps under an explicit state
 * machine ({@link org.aigaq.justice.Pipeline}), the deadlines and article catalogue of each jurisdiction (shipped
 * configuration, {@link org.aigaq.justice.Jurisdictions}), the impunity flags computed from the steps
 * ({@link org.aigaq.justice.ImpunityRules}), and the detention episodes whose custodial safeguards are audited
 * ({@link org.aigaq.justice.SafeguardRules}). Allegations, acts and places are documentation's, used by id through
 * its public services; who may read and write follows {@code CaseAccess} for the allegation.
 */
package org.aigaq.justice;
