/**
 * Documentation of allegations after the HURIDOCS Events Standard Formats: events, acts (one victim each), people
 * with encrypted identities, perpetrators' involvements, sources, interventions and chains of events, each case
 * owned by an organisation and shared at a chosen level; people found by name whatever the spelling, through keyed
 * search tokens, without decrypting the whole table.
 */
package org.aigaq.documentation;
