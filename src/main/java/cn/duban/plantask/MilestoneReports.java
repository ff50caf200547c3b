package cn.duban.plantask;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the lead unit reported on each milestone of a task (table {@code duban.milestone_report}). */
@Repository
public class MilestoneReports {

    private final JdbcClient jdbc;

    MilestoneReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String taskCode, LocalDate due, String milestone, String result, String evidence, String reportedBy) {
        jdbc.sql("""
                        insert into duban.milestone_report (task_code, due, milestone, result, evidence, reported_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(taskCode, due, milestone, result, evidence, reportedBy)
                .update();
    }

    public List<MilestoneReport> of(String taskCode) {
        return jdbc.sql("""
                        select due, milestone, result, evidence, reported_by, reported_at
                        from duban.milestone_report where task_code = ? order by due, reported_at""").param(taskCode).query(MilestoneReport.class).list();
    }

    /** One milestone's report (阶段性成果报送). */
    public record MilestoneReport(
            LocalDate due,
            String milestone,
            String result,
            String evidence,
            String reportedBy,
            OffsetDateTime reportedAt) {}
}
