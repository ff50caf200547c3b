package cn.duban.dispatch;

/** How often a plan's units report progress (进展报送), as the cron expression of the model's timer. */
public enum ReportCycle {

    /** 9:00 on the first day of every month. */
    MONTHLY("0 0 9 1 * ?"),
    /** 9:00 on the first day of January, April, July and October. */
    QUARTERLY("0 0 9 1 1,4,7,10 ?");

    private final String cron;

    ReportCycle(String cron) {
        this.cron = cron;
    }

    public String cron() {
        return cron;
    }
}
