package cn.duban.supervision;

/**
 * The accountability ladder, lowest first: 提醒 → 预警 → 通报批评 → 约谈 → 追责. The rules that pick a level are in
 * {@code processes/escalation-level.dmn}; a task's level never goes down by itself.
 */
public enum EscalationLevel {
    NONE("正常"),
    REMINDER("提醒"),
    WARNING("预警"),
    CIRCULATED_CRITICISM("通报批评"),
    ADMONITORY_TALK("约谈"),
    ACCOUNTABILITY("追责");

    private final String chineseName;

    EscalationLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The level a task stands at after a new decision: the higher of the two. */
    public EscalationLevel raisedTo(EscalationLevel decided) {
        return decided.compareTo(this) > 0 ? decided : this;
    }
}
