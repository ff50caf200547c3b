package cn.duban.dashboard;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The orders the overdue list can be sorted in; each ends on the task code, so pages never overlap. */
enum OverdueOrder {
    OVERDUE("s.working_days_overdue"),
    DEADLINE("s.deadline"),
    LEVEL("s.level_rank"),
    URGES("s.times_urged"),
    PLAN("s.plan_code"),
    CODE("s.task_code");

    private final String column;

    OverdueOrder(String column) {
        this.column = column;
    }

    String orderBy(boolean ascending) {
        String direction = ascending ? "asc" : "desc";
        return this == CODE ? column + " " + direction : column + " " + direction + ", s.task_code";
    }

    static OverdueOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return OVERDUE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "无法按“" + value + "”排序：可选 overdue、deadline、level、urges、plan、code");
        }
    }
}
