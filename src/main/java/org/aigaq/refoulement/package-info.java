/**
 * Non-refoulement: asylum seekers and people facing extradition or deportation, the case's dated timeline (asylum,
 * extradition decisions, court stages, UN interim measures, removal, release, protection, follow-up after return), the
 * risk-of-torture assessment and simple figures. People are documentation's, used through its public services.
 */
package org.aigaq.refoulement;
