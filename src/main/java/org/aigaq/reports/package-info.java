/**
 * Shadow reports to the UN Committee against Torture: templates by Convention article and list-of-issues topic,
 * narrative sections in Markdown, live blocks drawn from the records, frozen editions, and their PDF and DOCX exports.
 */
package org.aigaq.reports;
