/**
 * Threats to human-rights defenders: incidents (who was targeted, how, by whom, the link to the person's work and
 * reprisals for cooperation with the UN, the response) and the period comparisons the coalition publishes. People
 * are documentation's, used through its public services; an incident belongs to its organisation.
 */
package org.aigaq.defenders;
