package cn.duban.supervision;

/** Where a plan task stands under supervision. */
public enum SupervisionState {
    /** With the units, the deadline not near. */
    ON_TRACK("正常"),
    /** With the units, the deadline a few working days away (临期). */
    DUE_SOON("临期"),
    /** With the units, past the deadline (逾期). */
    OVERDUE("逾期"),
    /** 整改中: back with the units to rectify by a new deadline. */
    RECTIFYING("整改中"),
    /** The lead unit has reported; inspection and closure are under way. */
    SUBMITTED("待核验销号"),
    /** 销号: closed. */
    CLOSED("已销号");

    private final String chineseName;

    SupervisionState(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
