package cn.duban.plantask;

import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/plan-tasks/{code}/local-progress}: how far each county, city and park has got with its part of a
 * task, for the lead unit that will consolidate them (and for the supervision office and leaders).
 */
@RestController
class LocalProgressController {

    private static final Set<String> OVERSEERS =
            Set.of(DubanGroups.SUPERVISION_OFFICE, DubanGroups.LEADERS, DubanGroups.CAMUNDA_ADMIN);

    private final JdbcClient jdbc;
    private final LocalReports reports;

    LocalProgressController(JdbcClient jdbc, LocalReports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    @GetMapping("/api/plan-tasks/{code}/local-progress")
    List<LocalProgress> progress(@PathVariable String code, Authentication user) {
        Map<String, String> roles = jdbc
                .sql("""
                        select r.unit_id, r.role from duban.plan_task_role r where r.task_code = ?""")
                .param(code)
                .query((rs, row) ->
                        Map.entry(rs.getString("unit_id") + "/" + rs.getString("role"), rs.getString("unit_id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (roles.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + code + "”的任务");
        }
        boolean accountable = GroupAuthorities.groupIds(user).stream()
                .anyMatch(group -> OVERSEERS.contains(group)
                        || roles.containsKey(group + "/LEAD")
                        || roles.containsKey(group + "/RESPONSIBLE"));
        if (!accountable) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有牵头单位、督查办和领导可以查看各地落实进度");
        }
        Map<String, LocalReports.LocalReport> reported = reports.of(code).stream()
                .collect(Collectors.toMap(
                        LocalReports.LocalReport::unitId, Function.identity(), (first, later) -> later));
        return jdbc.sql("""
                        select u.id, u.name from duban.plan_task_role r join duban.unit_directory u on u.id = r.unit_id
                        where r.task_code = ? and r.role = 'IMPLEMENTING' order by r.position""")
                .param(code)
                .query((rs, row) -> {
                    LocalReports.LocalReport report = reported.get(rs.getString("id"));
                    return report == null
                            ? new LocalProgress(rs.getString("id"), rs.getString("name"), false, null, null, null, null)
                            : new LocalProgress(
                                    report.unitId(),
                                    report.unitName(),
                                    true,
                                    report.progress(),
                                    report.evidence(),
                                    report.reportedBy(),
                                    report.reportedAt());
                })
                .list();
    }

    /** One implementing unit's part: reported or not yet, and what it reported. */
    record LocalProgress(
            String unitId,
            String unitName,
            boolean reported,
            String progress,
            String evidence,
            String reportedBy,
            OffsetDateTime reportedAt) {}
}
