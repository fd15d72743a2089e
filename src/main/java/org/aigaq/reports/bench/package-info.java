/** The shadow report's part of the {@code bench} command: a 50-page report with 20 live blocks (see docs/benchmarks.md). */
package org.aigaq.reports.bench;
