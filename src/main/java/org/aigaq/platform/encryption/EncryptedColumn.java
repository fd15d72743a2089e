package org.aigaq.platform.encryption;

/**
 * A column whose values {@link FieldEncryption} encrypts, declared by the capability that owns it, so that a key
 * rotation can re-encrypt every value without the platform knowing the capabilities' tables.
 */
public interface EncryptedColumn {

    /** The column, as {@code table.column}, for reports. */
    String name();

    /** Re-encrypts every value with the primary key, in the caller's transaction; returns how many values it rewrote. */
    int reEncrypt(FieldEncryption encryption);
}
