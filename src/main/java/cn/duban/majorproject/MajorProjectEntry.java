package cn.duban.majorproject;

import java.math.BigDecimal;
import java.util.List;

/** A major project as the office enters it (or as a row of an imported table); investment in 万元. */
public record MajorProjectEntry(
        String code,
        String name,
        String ownerUnit,
        String location,
        BigDecimal investmentPlanned,
        String startOn,
        String endOn,
        List<Milestone> milestones,
        List<String> taskCodes) {

    public record Milestone(String name, String dueOn) {}
}
