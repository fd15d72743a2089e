/**
 * Imports of cases (events with their victims, acts and perpetrators' involvements) from CSV and JSON files: upload,
 * mapping of columns and values, dry run, and a run that records every row or none; web/ and api/.
 */
package org.aigaq.documentation.exchange;
