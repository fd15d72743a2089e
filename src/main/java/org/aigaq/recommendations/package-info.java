/**
 * Recommendations to the state from UN treaty bodies, the SPT, the NPM, the UPR and special procedures: the state's
 * claims over time, the coalition's assessments on the Committee's A–E follow-up scale with their evidence (cases
 * through documentation's public services), follow-up due dates with reminders, dashboards, CSV import and export.
 */
package org.aigaq.recommendations;
