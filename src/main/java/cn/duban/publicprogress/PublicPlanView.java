package cn.duban.publicprogress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the public page shows of a published plan, and nothing else: the plan's title and issuer, each published task's
 * code, title, lead units (organisations), deadline and state in plain words, and the counts by state. No person,
 * note, opinion, evidence, escalation or engine id.
 */
public record PublicPlanView(
        String code,
        String title,
        String issuer,
        OffsetDateTime asOf,
        Map<String, Integer> byState,
        List<PublicTask> tasks) {

    public record PublicTask(
            String code, String section, String title, List<String> leadUnits, LocalDate deadline, String state) {}
}
