package cn.duban.cluster;

/** What the supervision record of a plan's tasks holds, counted in the database every node shares. */
final class SupervisionCounts {

    private final ClusterDatabase database;
    private final String plan;

    SupervisionCounts(ClusterDatabase database, String plan) {
        this.database = database;
        this.plan = plan;
    }

    /** 逾期 steps recorded for the plan's tasks. */
    long overdueSteps() {
        return database.count("""
                select count(*) from duban.supervision_event e join duban.task_supervision t using (task_code)
                where t.plan_code = ? and e.kind = 'OVERDUE'""", plan);
    }

    /** The most 逾期 steps one task has (1 when no task turned overdue twice). */
    long mostOverdueStepsOfOneTask() {
        return database.count("""
                select coalesce(max(n), 0) from (select count(*) n from duban.supervision_event e
                    join duban.task_supervision t using (task_code)
                    where t.plan_code = ? and e.kind = 'OVERDUE' group by e.task_code) steps""", plan);
    }

    /** The most times one task reached one level of the ladder (1 when no level was recorded twice). */
    long mostTimesOneLevelReached() {
        return database.count("""
                select coalesce(max(n), 0) from (select count(*) n from duban.supervision_event e
                    join duban.task_supervision t using (task_code)
                    where t.plan_code = ? and e.kind = 'ESCALATED' group by e.task_code, e.level) levels""", plan);
    }

    /** Tasks in the read model in this state and escalated. */
    long escalatedIn(String state) {
        return database.count("""
                select count(*) from duban.task_supervision
                where plan_code = ? and state = ? and escalation_level <> 'NONE'""", plan, state);
    }
}
