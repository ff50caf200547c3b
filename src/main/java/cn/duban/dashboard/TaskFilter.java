package cn.duban.dashboard;

import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which supervised tasks a view or the ledger takes: by plan, by lead unit, by escalation level and by state; a
 * null criterion takes every task.
 */
record TaskFilter(String planCode, String unitId, EscalationLevel level, SupervisionState state) {

    static TaskFilter overdue(String planCode, String unitId, EscalationLevel level) {
        return new TaskFilter(planCode, unitId, level, SupervisionState.OVERDUE);
    }

    /** The SQL condition on {@code duban.supervised_task s}, and its named parameters. */
    Condition condition() {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        terms.add("true");
        if (planCode != null) {
            terms.add("s.plan_code = :plan");
            params.put("plan", planCode);
        }
        if (unitId != null) {
            // The GIN index on lead_unit_ids answers array containment.
            terms.add("s.lead_unit_ids @> array[cast(:unit as varchar)]");
            params.put("unit", unitId);
        }
        if (level != null) {
            terms.add("s.escalation_level = :level");
            params.put("level", level.name());
        }
        if (state != null) {
            terms.add("s.state = :state");
            params.put("state", state.name());
        }
        return new Condition(String.join(" and ", terms), params);
    }

    record Condition(String sql, Map<String, Object> params) {}
}
