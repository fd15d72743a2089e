/**
 * Full-text and faceted search of the cases a user may read. It lives inside documentation because it reads
 * documentation's tables and applies its access rules (CaseAccess) in SQL; a capability of its own would have to
 * read another capability's tables.
 */
package org.aigaq.documentation.search;
