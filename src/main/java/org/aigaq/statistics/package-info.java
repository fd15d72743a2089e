/** Official statistics: the figures the authorities publish, imported by version, and the indicators computed from them. */
package org.aigaq.statistics;
