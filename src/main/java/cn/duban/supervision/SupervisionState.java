package cn.duban.supervision;

/** Where a plan task stands under supervision. */
public enum SupervisionState {
    /** With the units, the deadline not near. */
    ON_TRACK,
    /** With the units, the deadline a few working days away (临期). */
    DUE_SOON,
    /** With the units, past the deadline (逾期). */
    OVERDUE,
    /** 整改中: back with the units to rectify by a new deadline. */
    RECTIFYING,
    /** The lead unit has reported; inspection and closure are under way. */
    SUBMITTED,
    /** 销号: closed. */
    CLOSED
}
