/**
 * Files of records uploaded to be imported, read as tables whatever capability imports them: encodings and
 * separators detected, CSV read a row at a time, problems named by row and column, files waiting encrypted.
 */
package org.aigaq.platform.tabular;
