package cn.duban.evidence;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default store: the bytes in {@code duban.evidence_content}, in the transaction that records the file. */
final class DatabaseEvidenceStore implements EvidenceStore {

    static final String NAME = "DATABASE";

    private final JdbcClient jdbc;

    DatabaseEvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String put(UUID id, byte[] bytes, String contentType) {
        jdbc.sql("insert into duban.evidence_content (file_id, bytes) values (?, ?)")
                .params(id, bytes)
                .update();
        return null;
    }

    @Override
    public byte[] get(UUID id, String key) {
        return jdbc.sql("select bytes from duban.evidence_content where file_id = ?")
                .param(id)
                .query(byte[].class)
                .single();
    }

    @Override
    public void delete(UUID id, String key) {
        jdbc.sql("delete from duban.evidence_content where file_id = ?")
                .param(id)
                .update();
    }
}
