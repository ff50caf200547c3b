package cn.duban.identity;

/** Groups that Duban's processes and security rules name directly; every other group is a unit from the catalog. */
public final class DubanGroups {

    /** 督查办: verifies results, urges, imports plans. */
    public static final String SUPERVISION_OFFICE = "supervision-office";
    /** 领导: approves closure. */
    public static final String LEADERS = "leaders";
    /** Camunda's administrators' group. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** 运维监控: reads /actuator (health details, Prometheus metrics), nothing else. */
    public static final String MONITORING = "monitoring";

    private DubanGroups() {}
}
