package cn.duban.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Row counts of the tables an import writes to: Duban's own and the engine's. */
@Component
public class TableCounts {

    private static final List<String> TABLES = List.of(
            "duban.plan",
            "duban.plan_task",
            "duban.plan_task_unit",
            "act_ru_execution",
            "act_ru_task",
            "act_ru_variable",
            "act_ru_identitylink",
            "act_hi_procinst",
            "act_hi_taskinst",
            "act_hi_varinst");

    private final JdbcClient jdbc;

    TableCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
