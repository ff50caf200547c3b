package cn.duban.plan.text;

/** The role a plan gives a unit on a task. */
public enum UnitRole {
    /** 牵头: leads the task. */
    LEAD,
    /** 负责 with no one else named: solely responsible, a lead without support units. */
    RESPONSIBLE,
    /** 配合 / 参与: contributes. */
    SUPPORT,
    /** 负责落实: carries the task out in its own area (counties, cities, parks). */
    IMPLEMENTING
}
