package cn.duban.publicprogress;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public progress page (信息公开): the office opts a plan in (leaving off any task it chooses) or out; anyone
 * reads a published plan's tasks without logging in. Each node keeps a plan's public view for
 * {@link #FRESH_FOR}, so a crowd of readers costs the database one query per plan and node in that time; a plan
 * opted out disappears on every node within it.
 */
@Service
public class PublicProgress {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private static final String NOT_PUBLISHED = "未找到公开的计划";

    private final JdbcClient jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    PublicProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Cached(Instant at, Optional<PublicPlanView> view) {}

    /** The plans published, with the tasks left off, for the office. */
    public List<Map<String, Object>> published() {
        return jdbc.sql("""
                        select plan_code, excluded_task_codes, published_by, published_at from duban.public_plan
                        order by plan_code""")
                .query((rs, row) -> Map.<String, Object>of(
                        "planCode",
                        rs.getString(1),
                        "excludedTasks",
                        strings(rs.getArray(2)),
                        "publishedBy",
                        rs.getString(3),
                        "publishedAt",
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    @Transactional
    public Map<String, Object> publish(String planCode, List<String> excludedTasks, String user) {
        boolean exists = jdbc.sql("select count(*) from duban.plan_directory where code = ?")
                        .param(planCode)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到计划“" + planCode + "”");
        }
        List<String> excluded = excludedTasks == null
                ? List.of()
                : excludedTasks.stream().map(String::strip).distinct().toList();
        List<String> known = jdbc.sql("""
                        select t.code from duban.plan_task_directory t
                        where t.plan_code = ? and t.code = any(?)""")
                .params(planCode, excluded.toArray(String[]::new))
                .query(String.class)
                .list();
        List<String> unknown =
                excluded.stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "以下任务不属于计划“" + planCode + "”：" + String.join("、", unknown));
        }
        jdbc.sql("""
                        insert into duban.public_plan (plan_code, excluded_task_codes, published_by) values (?, ?, ?)
                        on conflict (plan_code) do update set excluded_task_codes = excluded.excluded_task_codes,
                            published_by = excluded.published_by, published_at = now()""").params(planCode, excluded.toArray(String[]::new), user).update();
        cache.remove(planCode);
        return Map.of(
                "planCode",
                planCode,
                "excludedTasks",
                excluded,
                "publicPath",
                "/public/plans/" + planCode,
                "page",
                "/duban/public.html?plan=" + planCode);
    }

    @Transactional
    public void withdraw(String planCode) {
        int removed = jdbc.sql("delete from duban.public_plan where plan_code = ?")
                .param(planCode)
                .update();
        cache.remove(planCode);
        if (removed == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "计划“" + planCode + "”未公开");
        }
    }

    /** The public view of a published plan; the same refusal for a plan not published and for no such plan. */
    public PublicPlanView view(String planCode) {
        Instant now = Instant.now();
        Cached cached = cache.get(planCode);
        if (cached == null || cached.at().plus(FRESH_FOR).isBefore(now)) {
            if (cache.size() > 1000) {
                cache.clear();
            }
            cached = new Cached(now, load(planCode, now));
            cache.put(planCode, cached);
        }
        return cached.view().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_PUBLISHED));
    }

    private Optional<PublicPlanView> load(String planCode, Instant now) {
        Optional<String[]> plan = jdbc.sql("""
                        select p.title, p.issuer from duban.plan_directory p
                        join duban.public_plan o on o.plan_code = p.code
                        where p.code = ?""")
                .param(planCode)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<PublicPlanView.PublicTask> tasks = jdbc.sql("""
                        select t.code, t.section, t.title,
                               array(select u.name from duban.plan_task_role r
                                     join duban.unit_directory u on u.id = r.unit_id
                                     where r.task_code = t.code and r.role in ('LEAD', 'RESPONSIBLE')
                                     order by r.role, r.position) as leads,
                               coalesce(s.deadline, t.deadline), coalesce(s.state, 'ON_TRACK')
                        from duban.plan_task_directory t
                        join duban.public_plan o on o.plan_code = t.plan_code
                        left join duban.supervised_task s on s.task_code = t.code
                        where t.plan_code = ? and not t.code = any(o.excluded_task_codes)
                        order by t.id""")
                .param(planCode)
                .query((rs, row) -> new PublicPlanView.PublicTask(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        strings(rs.getArray(4)),
                        rs.getObject(5, java.time.LocalDate.class),
                        publicState(rs.getString(6))))
                .list();
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (String state : List.of("推进中", "已逾期", "整改中", "待验收", "已完成")) {
            byState.put(state, 0);
        }
        tasks.forEach(task -> byState.merge(task.state(), 1, Integer::sum));
        return Optional.of(new PublicPlanView(
                planCode, plan.get()[0], plan.get()[1], now.atOffset(ZoneOffset.UTC), byState, tasks));
    }

    /** The state in the public's words: 临期 is internal (推进中), 待核验销号 is 待验收. */
    static String publicState(String state) {
        return switch (state) {
            case "OVERDUE" -> "已逾期";
            case "RECTIFYING" -> "整改中";
            case "SUBMITTED" -> "待验收";
            case "CLOSED" -> "已完成";
            default -> "推进中";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
