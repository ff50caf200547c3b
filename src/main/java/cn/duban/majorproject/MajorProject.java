package cn.duban.majorproject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A major project on the dashboard and in its ledger: where its money and milestones stand. */
public record MajorProject(
        String code,
        String name,
        String ownerUnitId,
        String ownerUnitName,
        String location,
        BigDecimal investmentPlanned,
        BigDecimal investmentSpent,
        BigDecimal spentPercent,
        LocalDate startOn,
        LocalDate endOn,
        List<Milestone> milestones,
        int milestonesOverdue,
        List<String> taskCodes,
        String latestProgress,
        OffsetDateTime latestProgressAt) {

    public record Milestone(int position, String name, LocalDate dueOn, LocalDate doneOn, boolean overdue) {}
}
