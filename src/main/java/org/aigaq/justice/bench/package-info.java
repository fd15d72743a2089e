/** The justice pipelines of the benchmark's synthetic events, and the funnel's timings (see docs/benchmarks.md). */
package org.aigaq.justice.bench;
