package cn.duban.annualplan;

import cn.duban.indicator.IndicatorStandings;
import cn.duban.plan.PlanHierarchy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A plan with its children (annual plans, the prefecture's plans under a provincial one) for the dashboard: each
 * plan's tasks by state, the totals rolled up to the top plan, each parent task with the yearly parts that carry it
 * out, and each indicator of the plan with the values its children reported for it (by the indicator's name).
 */
@Service
public class PlanTree {

    private final PlanHierarchy hierarchy;
    private final IndicatorStandings indicators;
    private final JdbcClient jdbc;

    PlanTree(PlanHierarchy hierarchy, IndicatorStandings indicators, JdbcClient jdbc) {
        this.hierarchy = hierarchy;
        this.indicators = indicators;
        this.jdbc = jdbc;
    }

    public record Node(
            String code,
            String title,
            String kind,
            Integer periodStart,
            Integer periodEnd,
            Map<String, Long> byState,
            long total,
            long closed,
            List<Node> children) {}

    public record ParentTask(String code, String title, String state, List<YearlyPart> yearlyParts) {}

    public record YearlyPart(String code, String planCode, String state, String deadline) {}

    public record RolledIndicator(
            String name,
            String target,
            String value,
            String status,
            String reportedIn,
            List<IndicatorStandings.Standing> children) {}

    public record View(
            PlanHierarchy.PlanRef parent,
            Node plan,
            Map<String, Long> rolledUpByState,
            long rolledUpTotal,
            long rolledUpClosed,
            List<ParentTask> tasks,
            List<RolledIndicator> indicators) {}

    public View of(String code) {
        PlanHierarchy.PlanRef root = hierarchy
                .plan(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到计划“" + code + "”"));
        Node node = node(root, 0);
        Map<String, Long> rolled = new LinkedHashMap<>();
        roll(node, rolled);
        long total = rolled.values().stream().mapToLong(Long::longValue).sum();
        return new View(
                hierarchy.parentOf(code).orElse(null),
                node,
                rolled,
                total,
                rolled.getOrDefault("CLOSED", 0L),
                parentTasks(code),
                indicators(node));
    }

    private Node node(PlanHierarchy.PlanRef plan, int depth) {
        Map<String, Long> byState = new LinkedHashMap<>();
        jdbc.sql("select state, count(*) from duban.supervised_task where plan_code = ? group by state order by state")
                .param(plan.code())
                .query(rs -> {
                    byState.put(rs.getString(1), rs.getLong(2));
                });
        List<Node> children = depth >= 5
                ? List.of()
                : hierarchy.children(plan.code()).stream()
                        .map(child -> node(child, depth + 1))
                        .toList();
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return new Node(
                plan.code(),
                plan.title(),
                plan.kind(),
                plan.periodStart(),
                plan.periodEnd(),
                byState,
                total,
                byState.getOrDefault("CLOSED", 0L),
                children);
    }

    private static void roll(Node node, Map<String, Long> rolled) {
        node.byState().forEach((state, count) -> rolled.merge(state, count, Long::sum));
        node.children().forEach(child -> roll(child, rolled));
    }

    private List<ParentTask> parentTasks(String code) {
        Map<String, String> states = new HashMap<>();
        Map<String, List<YearlyPart>> parts = new HashMap<>();
        jdbc.sql("""
                        select c.parent_task_code, c.code, c.plan_code, coalesce(s.state, 'NOT_DISPATCHED'), c.deadline
                        from duban.plan_task_directory c
                        left join duban.supervised_task s on s.task_code = c.code
                        where c.parent_task_code in (select t.code from duban.plan_task_directory t
                                                     where t.plan_code = ?)
                        order by c.deadline, c.code""").param(code).query(rs -> {
            parts.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
                    .add(new YearlyPart(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        });
        jdbc.sql("select task_code, state from duban.supervised_task where plan_code = ?")
                .param(code)
                .query(rs -> {
                    states.put(rs.getString(1), rs.getString(2));
                });
        return hierarchy.tasks(code).stream()
                .map(task -> new ParentTask(
                        task.code(),
                        task.title(),
                        states.getOrDefault(task.code(), "NOT_DISPATCHED"),
                        parts.getOrDefault(task.code(), List.of())))
                .toList();
    }

    private List<RolledIndicator> indicators(Node node) {
        List<String> childCodes = new ArrayList<>();
        collect(node, childCodes);
        childCodes.remove(node.code());
        List<IndicatorStandings.Standing> own = indicators.of(List.of(node.code()));
        List<IndicatorStandings.Standing> fromChildren = childCodes.isEmpty() ? List.of() : indicators.of(childCodes);
        Map<String, Integer> periodOf = new HashMap<>();
        periodOf(node, periodOf);
        List<RolledIndicator> rolled = new ArrayList<>();
        for (IndicatorStandings.Standing indicator : own) {
            List<IndicatorStandings.Standing> same = fromChildren.stream()
                    .filter(child -> child.name().equals(indicator.name()))
                    .sorted(Comparator.comparing(
                                    (IndicatorStandings.Standing child) -> periodOf.getOrDefault(child.planCode(), 0))
                            .reversed())
                    .toList();
            IndicatorStandings.Standing latest = same.stream()
                    .filter(child -> child.latestValue() != null)
                    .findFirst()
                    .orElse(indicator);
            rolled.add(new RolledIndicator(
                    indicator.name(),
                    indicator.target(),
                    latest.latestValue() != null ? latest.latestValue() : indicator.latestValue(),
                    (latest.latestValue() != null ? latest : indicator).status().text(),
                    latest.planCode(),
                    same));
        }
        return rolled;
    }

    private static void collect(Node node, List<String> codes) {
        codes.add(node.code());
        node.children().forEach(child -> collect(child, codes));
    }

    private static void periodOf(Node node, Map<String, Integer> periods) {
        periods.put(node.code(), node.periodStart() == null ? 0 : node.periodStart());
        node.children().forEach(child -> periodOf(child, periods));
    }
}
