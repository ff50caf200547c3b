package cn.duban.plantask;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a task stands now and who has done their part: the open steps (with who holds them), each support unit's
 * contribution and each implementing unit's report, or "尚未报送". {@code partsHidden} says that the caller (a
 * support or implementing unit) sees only its own part; the lead unit, the office and leaders see every one.
 */
record TaskProgress(
        String taskCode,
        String taskTitle,
        String planTitle,
        LocalDate deadline,
        String stateName,
        String levelName,
        int workingDaysOverdue,
        List<String> openSteps,
        List<String> leadUnits,
        List<Part> supportUnits,
        List<Part> implementingUnits,
        boolean partsHidden,
        boolean dossier) {

    /**
     * One unit's part: {@code status} 已报送, 无法配合 or 尚未报送; its text and evidence as written, who reported it
     * (by name) and when. The evidence files of the part go next to {@code evidence} once tasks carry files.
     */
    record Part(
            String unitId,
            String unitName,
            String status,
            boolean done,
            String content,
            String evidence,
            String reportedBy,
            OffsetDateTime reportedAt) {

        static Part notYet(String unitId, String unitName) {
            return new Part(unitId, unitName, "尚未报送", false, null, null, null, null);
        }
    }
}
