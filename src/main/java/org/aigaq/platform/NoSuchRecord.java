package org.aigaq.platform;

/** A record that does not exist, or that the caller may not know exists: both answer 404. */
public class NoSuchRecord extends RuntimeException {

    public NoSuchRecord(String recordType, Object id) {
        super(recordType + " " + id);
    }
}
