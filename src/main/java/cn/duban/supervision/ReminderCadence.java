package cn.duban.supervision;

/**
 * How a task is reminded, in working days: 临期提醒 once this few working days before the deadline, and once overdue,
 * a reminder every this many working days. A plan may set its own; otherwise {@code duban.supervision.*} applies.
 */
public record ReminderCadence(int dueSoonWorkingDays, int overdueReminderWorkingDays) {

    public ReminderCadence {
        if (dueSoonWorkingDays < 1 || overdueReminderWorkingDays < 1) {
            throw new IllegalArgumentException("a cadence counts at least one working day: " + dueSoonWorkingDays + ", "
                    + overdueReminderWorkingDays);
        }
    }

    /** This cadence with a plan's own values where it has them. */
    public ReminderCadence withPlan(Integer dueSoon, Integer overdueReminder) {
        return new ReminderCadence(
                dueSoon == null ? dueSoonWorkingDays : dueSoon,
                overdueReminder == null ? overdueReminderWorkingDays : overdueReminder);
    }
}
