package cn.duban.statistics;

/**
 * What happened in a period: tasks dispatched, closed (销号), closed by their deadline, still open past their deadline
 * at the period's end, urges (催办), rectifications (限期整改) and accountability cases (问责) opened.
 */
record Counts(
        int dispatched,
        int closed,
        int closedOnTime,
        int overdueAtEnd,
        int urges,
        int rectifications,
        int accountabilityCases) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

    Counts plus(Counts o) {
        return new Counts(
                dispatched + o.dispatched,
                closed + o.closed,
                closedOnTime + o.closedOnTime,
                overdueAtEnd + o.overdueAtEnd,
                urges + o.urges,
                rectifications + o.rectifications,
                accountabilityCases + o.accountabilityCases);
    }

    /** Closed on time among those closed, in percent (null when none closed). */
    @com.fasterxml.jackson.annotation.JsonProperty("onTimeRate")
    public Integer onTimeRate() {
        return closed == 0 ? null : Math.round(100f * closedOnTime / closed);
    }
}
