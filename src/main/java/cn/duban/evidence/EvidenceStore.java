package cn.duban.evidence;

import java.util.UUID;

/** Where the bytes of evidence files live; the file's row says which store holds it. */
interface EvidenceStore {

    /** The store's name as {@code evidence_file.storage} records it. */
    String name();

    /** Keeps the bytes of a new file; returns the key to find them again (null when the id suffices). */
    String put(UUID id, byte[] bytes, String contentType);

    byte[] get(UUID id, String key);

    void delete(UUID id, String key);
}
