/** Figures defined once, numerator over denominator with their rounding, for the pages, the API and the reports. */
package org.aigaq.platform.indicators;
