/**
 * Places of detention monitoring: visits of the NPM, public monitoring commissions, NGOs and the UN Subcommittee to
 * the places of the registry (planning, approval and its waiting time, obstructions, people interviewed, findings,
 * the published report), the recommendations monitors make and the authorities' responses, and deaths in custody.
 * Places and people are documentation's, used through its public services; a visit belongs to its organisation.
 */
package org.aigaq.detention;
