package cn.duban.document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues documents with their numbers. The year's counter row is locked ({@code for update}) before anything else,
 * so two nodes issuing at once take turns; the one that waited then sees the other's document for the same source
 * and returns it instead of spending a number. The counter and the document are written in one transaction: a
 * number is either used by a document or not taken at all, and never given twice.
 */
@Repository
class DocumentNumbers {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    DocumentNumbers(JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** The document for {@code sourceKey}, issued now with the next number of {@code year} if it has none yet. */
    IssuedDocument issue(
            DocumentKind kind, String sourceKey, String taskCode, int year, Supplier<Map<String, String>> fields) {
        return transaction.execute(status -> {
            Optional<IssuedDocument> existing = bySource(sourceKey);
            if (existing.isPresent()) {
                return existing.get();
            }
            jdbc.sql("insert into duban.document_counter (year, last_number) values (?, 0) on conflict do nothing")
                    .param(year)
                    .update();
            int last = jdbc.sql("select last_number from duban.document_counter where year = ? for update")
                    .param(year)
                    .query(Integer.class)
                    .single();
            // Another node may have issued it while this one waited for the counter.
            existing = bySource(sourceKey);
            if (existing.isPresent()) {
                return existing.get();
            }
            int number = last + 1;
            jdbc.sql("update duban.document_counter set last_number = ? where year = ?")
                    .params(number, year)
                    .update();
            jdbc.sql("""
                            insert into duban.document (kind, source_key, task_code, year, number, fields)
                            values (?, ?, ?, ?, ?, ?::jsonb)""")
                    .params(kind.name(), sourceKey, taskCode, year, number, write(fields.get()))
                    .update();
            return bySource(sourceKey).orElseThrow();
        });
    }

    Optional<IssuedDocument> bySource(String sourceKey) {
        return jdbc.sql(SELECT + " where source_key = ?")
                .param(sourceKey)
                .query(this::row)
                .optional();
    }

    Optional<IssuedDocument> byId(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
    }

    java.util.List<IssuedDocument> ofTask(String taskCode) {
        return jdbc.sql(SELECT + " where task_code = ? order by issued_at, id")
                .param(taskCode)
                .query(this::row)
                .list();
    }

    private static final String SELECT =
            "select id, kind, task_code, year, number, issued_at, fields::text from duban.document";

    private IssuedDocument row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        DocumentKind kind = DocumentKind.valueOf(rs.getString(2));
        return new IssuedDocument(
                rs.getLong(1),
                kind,
                kind.title(),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                IssuedDocument.documentNumber(rs.getInt(4), rs.getInt(5)),
                rs.getObject(6, OffsetDateTime.class),
                read(rs.getString(7)));
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
