package cn.duban.document;

import java.time.OffsetDateTime;
import java.util.Map;

/** A document as issued: its number (督办〔2026〕12号), what it is about and the fields printed on it. */
public record IssuedDocument(
        long id,
        DocumentKind kind,
        String title,
        String taskCode,
        int year,
        int number,
        String documentNumber,
        OffsetDateTime issuedAt,
        Map<String, String> fields) {

    static String documentNumber(int year, int number) {
        return "督办〔" + year + "〕" + number + "号";
    }
}
