package cn.duban.plan.intake;

/**
 * One task of a draft as the reviewer sees and edits it in the review form: unit lists written as "甲、乙", dates as
 * "2025-12-31". {@code sequence} ties it to what the parser read that the form does not show. {@code binding}
 * (约束性) is the reviewer's choice; null: binding when the task names a binding indicator of the plan.
 * {@code milestones}: one dated commitment a line, "2023-12-31 到2023年底，完成30个村的治理".
 */
record DraftRow(
        Integer sequence,
        String code,
        String section,
        String title,
        String text,
        String leadUnits,
        String responsibleUnits,
        String supportUnits,
        String implementingUnits,
        String startDate,
        String deadline,
        Boolean binding,
        String milestones) {}
