/**
 * Trial monitoring: trials and their hearings as observers saw them, the fair-trial checklist, torture alleged in
 * court and what the court did with it, and the figures across trials.
 */
package org.aigaq.trials;
