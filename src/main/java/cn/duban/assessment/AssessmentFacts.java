package cn.duban.assessment;

/**
 * What the record says of one unit in one assessment year: the tasks it leads or carries out whose deadline falls in
 * the year, how many of them were closed on time, and what went wrong along the way.
 */
public record AssessmentFacts(
        int tasksDue,
        int closedOnTime,
        int overdueWorkingDays,
        int urges,
        int rectifications,
        int accountabilityCases,
        int missedProgressReports,
        int indicatorsOnTrack,
        int indicatorsOffTrack) {

    public static final AssessmentFacts NONE = new AssessmentFacts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    AssessmentFacts plus(AssessmentFacts other) {
        return new AssessmentFacts(
                tasksDue + other.tasksDue,
                closedOnTime + other.closedOnTime,
                overdueWorkingDays + other.overdueWorkingDays,
                urges + other.urges,
                rectifications + other.rectifications,
                accountabilityCases + other.accountabilityCases,
                missedProgressReports + other.missedProgressReports,
                indicatorsOnTrack + other.indicatorsOnTrack,
                indicatorsOffTrack + other.indicatorsOffTrack);
    }
}
