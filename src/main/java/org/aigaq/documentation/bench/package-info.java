/**
 * The million-allegation benchmark: synthetic cases loaded through the import's own batch path, then the search,
 * person search and case page timed through Aigaq's services and against the same statements sent directly.
 */
package org.aigaq.documentation.bench;
