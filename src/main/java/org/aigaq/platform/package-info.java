/** What every capability stands on: database start-up, accounts and security, audit trail, encryption, languages, errors. */
package org.aigaq.platform;
