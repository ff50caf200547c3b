package cn.duban.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's result in an assessment year: its group (州直部门 or 县市园区, ranked apart), its rank in the group (equal
 * scores share a rank), its score, the facts it was computed from and a reason for every point.
 */
public record UnitAssessment(
        int year,
        String unitId,
        String unitName,
        String group,
        String groupName,
        int rank,
        BigDecimal score,
        AssessmentFacts facts,
        List<String> reasons) {}
