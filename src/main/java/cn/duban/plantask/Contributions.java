package cn.duban.plantask;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What support units contributed to a task, or why they declined (table {@code duban.contribution}). */
@Repository
public class Contributions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Contributions(JdbcClient jdbc, @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    void record(String taskCode, String unitId, boolean declined, String content, String evidence, String reportedBy) {
        jdbc.sql("""
                        insert into duban.contribution (task_code, unit_id, declined, content, evidence, reported_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(taskCode, unitId, declined, content, evidence, reportedBy)
                .update();
    }

    public List<Contribution> of(String taskCode) {
        return jdbc.sql("""
                        select c.unit_id, u.name as unit_name, c.declined, c.content, c.evidence, c.reported_by,
                               c.reported_at
                        from duban.contribution c join duban.unit_directory u on u.id = c.unit_id
                        where c.task_code = ? order by u.sort_order, c.reported_at""").param(taskCode).query(Contribution.class).list();
    }

    /** The contributions as plain text for the lead unit's form: one paragraph per unit, refusals marked. */
    String asText(String taskCode) {
        return of(taskCode).stream()
                .map(c -> c.unitName() + "（" + WHEN.format(c.reportedAt().atZoneSameInstant(zone)) + "）"
                        + (c.declined() ? "不予配合，理由：" : "：") + c.content()
                        + (c.evidence() == null || c.evidence().isBlank() ? "" : "　佐证：" + c.evidence()))
                .collect(Collectors.joining("\n\n"));
    }

    /** One support unit's answer. */
    public record Contribution(
            String unitId,
            String unitName,
            boolean declined,
            String content,
            String evidence,
            String reportedBy,
            OffsetDateTime reportedAt) {}
}
