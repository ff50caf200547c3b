package cn.duban.plantask;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The progress reports (进展报送) of plan tasks, kept in {@code duban.progress_report}. */
@Repository
public class ProgressReports {

    private final JdbcClient jdbc;

    ProgressReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String taskCode, String unitId, String content, String reportedBy) {
        jdbc.sql("insert into duban.progress_report (task_code, unit_id, content, reported_by) values (?, ?, ?, ?)")
                .params(taskCode, unitId, content, reportedBy)
                .update();
    }

    /** The reports of a task, newest first. */
    public List<ProgressReport> of(String taskCode) {
        return jdbc.sql("""
                        select r.unit_id, u.name, r.content, r.reported_by, r.reported_at
                        from duban.progress_report r join duban.unit_directory u on u.id = r.unit_id
                        where r.task_code = ? order by r.reported_at desc, r.id desc""")
                .param(taskCode)
                .query((rs, row) -> new ProgressReport(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    String unitName(String unitId) {
        return jdbc.sql("select name from duban.unit_directory where id = ?")
                .param(unitId)
                .query(String.class)
                .optional()
                .orElse(unitId);
    }

    /** One unit's progress report. */
    public record ProgressReport(
            String unitId, String unitName, String content, String reportedBy, OffsetDateTime reportedAt) {}
}
