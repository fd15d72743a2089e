/**
 * Controlled vocabularies: Aigaq's own lists of terms in English, Russian and Kazakh, the terms administrators add,
 * and the HURIDOCS micro-thesauri imported from their CSV form.
 */
package org.aigaq.platform.vocabulary;
