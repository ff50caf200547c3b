package cn.duban.plantask;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The co-leads' own parts of a task with several lead units (table {@code duban.co_lead_part}): who signed for each
 * part, and what each reported.
 */
@Repository
public class CoLeadParts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CoLeadParts(JdbcClient jdbc, @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    void signed(String taskCode, String unitId, String responsiblePerson, String contactPhone, String signedBy) {
        jdbc.sql("""
                        insert into duban.co_lead_part (task_code, unit_id, responsible_person, contact_phone, signed_by,
                                                        signed_at)
                        values (?, ?, ?, ?, ?, now())
                        on conflict (task_code, unit_id) do update
                            set responsible_person = excluded.responsible_person,
                                contact_phone = excluded.contact_phone, signed_by = excluded.signed_by,
                                signed_at = excluded.signed_at""")
                .params(taskCode, unitId, responsiblePerson, contactPhone, signedBy)
                .update();
    }

    void reported(String taskCode, String unitId, String progress, String evidence, String reportedBy) {
        jdbc.sql("""
                        insert into duban.co_lead_part (task_code, unit_id, progress, evidence, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, now())
                        on conflict (task_code, unit_id) do update
                            set progress = excluded.progress, evidence = excluded.evidence,
                                reported_by = excluded.reported_by, reported_at = excluded.reported_at""").params(taskCode, unitId, progress, evidence, reportedBy).update();
    }

    public List<CoLeadPart> of(String taskCode) {
        return jdbc.sql("""
                        select p.unit_id, u.name as unit_name, p.responsible_person, p.contact_phone, p.signed_by,
                               p.signed_at, p.progress, p.evidence, p.reported_by, p.reported_at
                        from duban.co_lead_part p join duban.unit_directory u on u.id = p.unit_id
                        where p.task_code = ? order by p.signed_at nulls last, u.sort_order""").param(taskCode).query(CoLeadPart.class).list();
    }

    String unitName(String unitId) {
        return jdbc.sql("select name from duban.unit_directory where id = ?")
                .param(unitId)
                .query(String.class)
                .optional()
                .orElse(unitId);
    }

    /** The reported parts as plain text for the consolidating lead's form: one paragraph per co-lead. */
    String asText(String taskCode) {
        return of(taskCode).stream()
                .filter(part -> part.reportedAt() != null)
                .map(part -> part.unitName() + "（"
                        + WHEN.format(part.reportedAt().atZoneSameInstant(zone))
                        + (part.responsiblePerson() == null ? "" : "，责任人" + part.responsiblePerson())
                        + "）：" + part.progress()
                        + (part.evidence() == null || part.evidence().isBlank() ? "" : "　佐证：" + part.evidence()))
                .collect(Collectors.joining("\n\n"));
    }

    /** One co-lead's part. */
    public record CoLeadPart(
            String unitId,
            String unitName,
            String responsiblePerson,
            String contactPhone,
            String signedBy,
            OffsetDateTime signedAt,
            String progress,
            String evidence,
            String reportedBy,
            OffsetDateTime reportedAt) {}
}
