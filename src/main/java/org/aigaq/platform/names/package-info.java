/**
 * Names as they are recorded (Kazakh and Russian Cyrillic, Latin transliterations, initials, any order): comparable
 * forms, keyed search tokens' plain texts, a similarity and a "probably the same person" decision with its reasons.
 * It knows no capability: documentation and the duplicate review build on it.
 */
package org.aigaq.platform.names;
