package cn.duban.plan.text;

import java.util.List;
import java.util.Set;

/**
 * The units a tag names for one task.
 *
 * @param units                the units with their roles, level completed
 * @param shareResponsibility  the support units are 按职责分工负责
 * @param blanketImplementers  units the tag says implement this and every later task ("以下均需要…负责落实")
 * @param guessedLevels        names whose level was taken from a later name in the tag
 * @param deadline             the deadline the tag itself states ("完成时限：2026年6月", "2026年9月底前完成"), or null
 */
record UnitTag(
        List<UnitMention> units,
        boolean shareResponsibility,
        List<String> blanketImplementers,
        Set<String> guessedLevels,
        String deadline) {}
