package cn.duban.plan.text;

import java.time.LocalDate;
import java.util.List;

/**
 * One task found in a plan's text.
 *
 * @param sequence       1, 2, 3, … in document order
 * @param number         the plan's own numbering of the item as written ("（一）", "1.", "3．"), or null
 * @param section        the heading the task stands under when the text has one (e.g. "三、重点工作"), or null
 * @param title          the short title: the lead phrase up to the first "。" (without the numbering)
 * @param text           the task's full text, without its unit tag
 * @param units          every unit named for the task with its role, names as written but with the level prefix
 *                       completed ("州农业农村局、发改委" gives 州农业农村局 and 州发改委); collective names such as
 *                       "各县(市)人民政府" are kept whole
 * @param supportShareResponsibility true when the support units are "按职责分工负责" (share the responsibility)
 * @param deadline       the deadline the text gives, or the plan's default deadline when it gives none
 * @param deadlineStated true when the text of the task itself states the deadline
 * @param startDate      a start the text gives ("2023年起" → 2023-01-01), or null
 * @param targets        quantitative targets in the task's text
 * @param milestones     the dated commitments when the text states more than one (the last is the deadline), else
 *                       empty
 */
public record DraftTask(
        int sequence,
        String number,
        String section,
        String title,
        String text,
        List<UnitMention> units,
        boolean supportShareResponsibility,
        LocalDate deadline,
        boolean deadlineStated,
        LocalDate startDate,
        List<DraftTarget> targets,
        List<DraftMilestone> milestones) {

    /** The units accountable for the task (牵头 and 负责), in the order the text names them: the first consolidates. */
    public List<String> accountableUnits() {
        return units.stream()
                .filter(unit -> unit.role() == UnitRole.LEAD || unit.role() == UnitRole.RESPONSIBLE)
                .map(UnitMention::name)
                .distinct()
                .toList();
    }

    public List<String> unitsIn(UnitRole role) {
        return units.stream()
                .filter(unit -> unit.role() == role)
                .map(UnitMention::name)
                .toList();
    }
}
