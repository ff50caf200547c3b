package cn.duban.plantask;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What implementing units reported on their parts of a task (table {@code duban.local_report}). */
@Repository
public class LocalReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final JdbcClient jdbc;
    private final ZoneId zone;

    LocalReports(JdbcClient jdbc, @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    void record(String taskCode, String unitId, String progress, String evidence, String reportedBy) {
        jdbc.sql("""
                        insert into duban.local_report (task_code, unit_id, progress, evidence, reported_by)
                        values (?, ?, ?, ?, ?)""").params(taskCode, unitId, progress, evidence, reportedBy).update();
    }

    public List<LocalReport> of(String taskCode) {
        return jdbc.sql("""
                        select r.unit_id, u.name as unit_name, r.progress, r.evidence, r.reported_by, r.reported_at
                        from duban.local_report r join duban.unit_directory u on u.id = r.unit_id
                        where r.task_code = ? order by u.sort_order, r.reported_at""").param(taskCode).query(LocalReport.class).list();
    }

    /** The reports as plain text for a form: one paragraph per unit. */
    String asText(String taskCode) {
        return of(taskCode).stream()
                .map(report -> report.unitName() + "（"
                        + WHEN.format(report.reportedAt().atZoneSameInstant(zone))
                        + "）：" + report.progress()
                        + (report.evidence() == null || report.evidence().isBlank() ? "" : "　佐证：" + report.evidence()))
                .collect(Collectors.joining("\n\n"));
    }

    /** One implementing unit's report. */
    public record LocalReport(
            String unitId,
            String unitName,
            String progress,
            String evidence,
            String reportedBy,
            OffsetDateTime reportedAt) {}
}
