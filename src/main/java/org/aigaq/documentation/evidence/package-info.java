/**
 * Evidence files of a case (photographs, scans, recordings, documents): stored encrypted and never changed, each with
 * its SHA-256 and a chain of custody that records every upload, viewing, download, replacement and export.
 */
package org.aigaq.documentation.evidence;
