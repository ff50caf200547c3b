package cn.duban.assessment;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.identity.AsSystem;
import cn.duban.identity.DubanGroups;
import cn.duban.notification.Notifications;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual assessment (年度考核): the performance office opens a year (the plans it covers, the weights), the year
 * closes at its end or when the office closes it (the annual-assessment process scores every unit and opens
 * accountability for annual targets not met), and the office publishes the ranking to the leaders.
 */
@Service
public class Assessments {

    static final Set<String> LOCAL_KINDS = Set.of("COUNTY", "CITY", "PARK");

    private final JdbcClient jdbc;
    private final AssessmentRecord record;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AccountabilityCases accountability;
    private final Notifications notifications;
    private final ZoneId zone;

    Assessments(
            JdbcClient jdbc,
            AssessmentRecord record,
            RuntimeService runtimeService,
            IdentityService identityService,
            AccountabilityCases accountability,
            Notifications notifications,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.record = record;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.accountability = accountability;
        this.notifications = notifications;
        this.zone = zone;
    }

    /** Opens {@code year} for the plans named (none: every plan) with the weights given (missing: the defaults). */
    @Transactional
    public AssessmentYear open(int year, List<String> planCodes, AssessmentWeights weights, String openedBy) {
        if (year < 2000 || year > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "考核年度须在2000至2100之间（收到" + year + "）");
        }
        List<String> plans = planCodes == null
                ? List.of()
                : planCodes.stream().map(String::strip).distinct().toList();
        for (String plan : plans) {
            if (!planKnown(plan)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "未找到计划“" + plan + "”，请检查计划编号");
            }
        }
        AssessmentWeights set = checked(weights);
        if (find(year).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, year + "年度考核已开启，不能重复开启");
        }
        jdbc.sql("""
                        insert into duban.assessment_year (year, state, plan_codes, w_on_time, w_overdue_day, w_urge,
                            w_rectification, w_accountability, w_missed_report, w_indicator_on, w_indicator_off,
                            opened_by)
                        values (?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        year,
                        plans.toArray(String[]::new),
                        set.onTime(),
                        set.overdueDay(),
                        set.urge(),
                        set.rectification(),
                        set.accountability(),
                        set.missedReport(),
                        set.indicatorOn(),
                        set.indicatorOff(),
                        openedBy)
                .update();
        Date yearEndsAt =
                Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
        String instance = AsSystem.call(
                identityService,
                () -> runtimeService
                        .createProcessInstanceByKey(AnnualAssessmentProcess.KEY)
                        .businessKey(AnnualAssessmentProcess.businessKey(year))
                        .setVariables(Variables.createVariables()
                                .putValue(AnnualAssessmentProcess.YEAR, year)
                                .putValue(AnnualAssessmentProcess.YEAR_ENDS_AT, yearEndsAt))
                        .execute()
                        .getId());
        jdbc.sql("update duban.assessment_year set process_instance_id = ? where year = ?")
                .params(instance, year)
                .update();
        return year(year);
    }

    /** Replaces the weights of a year still open. */
    @Transactional
    public AssessmentYear updateWeights(int year, AssessmentWeights weights) {
        AssessmentYear current = lockOpen(year, "修改权重");
        AssessmentWeights set = checked(weights);
        jdbc.sql("""
                        update duban.assessment_year set w_on_time = ?, w_overdue_day = ?, w_urge = ?,
                            w_rectification = ?, w_accountability = ?, w_missed_report = ?, w_indicator_on = ?,
                            w_indicator_off = ?
                        where year = ?""")
                .params(
                        set.onTime(),
                        set.overdueDay(),
                        set.urge(),
                        set.rectification(),
                        set.accountability(),
                        set.missedReport(),
                        set.indicatorOn(),
                        set.indicatorOff(),
                        current.year())
                .update();
        return year(year);
    }

    /** Closes a year before its end: the process scores it and opens accountability at once. */
    @Transactional
    public AssessmentYear close(int year) {
        lockOpen(year, "结束年度");
        AsSystem.run(
                identityService,
                () -> runtimeService
                        .createMessageCorrelation(AnnualAssessmentProcess.MSG_CLOSE_YEAR)
                        .processInstanceBusinessKey(AnnualAssessmentProcess.businessKey(year))
                        .correlate());
        return year(year);
    }

    /** Publishes a scored year's ranking to the leaders. */
    @Transactional
    public AssessmentYear publish(int year, String publishedBy) {
        AssessmentYear current = lock(year);
        if (!current.state().equals("SCORED")) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    current.state().equals("OPEN") ? year + "年度考核尚未结束评分，不能发布排名" : year + "年度考核排名已发布");
        }
        AsSystem.run(
                identityService,
                () -> runtimeService
                        .createMessageCorrelation(AnnualAssessmentProcess.MSG_PUBLISH_RANKING)
                        .processInstanceBusinessKey(AnnualAssessmentProcess.businessKey(year))
                        .setVariable(AnnualAssessmentProcess.PUBLISHED_BY, publishedBy)
                        .correlate());
        return year(year);
    }

    public Optional<AssessmentYear> find(int year) {
        return jdbc.sql("""
                        select year, state, plan_codes, w_on_time, w_overdue_day, w_urge, w_rectification,
                               w_accountability, w_missed_report, w_indicator_on, w_indicator_off, opened_by, opened_at,
                               scored_at, published_by, published_at
                        from duban.assessment_year where year = ?""").param(year).query((rs, row) -> yearOf(rs)).optional();
    }

    public List<AssessmentYear> years() {
        return jdbc
                .sql("select year from duban.assessment_year order by year desc")
                .query(Integer.class)
                .list()
                .stream()
                .map(this::year)
                .toList();
    }

    AssessmentYear year(int year) {
        return find(year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到" + year + "年度考核，请先开启该年度"));
    }

    /**
     * The ranking: once scored, the stored one; while the year is open, worked out from the record as it is now
     * (a preview for the office; nothing is stored).
     */
    public List<UnitAssessment> ranking(int year) {
        AssessmentYear current = year(year);
        if (current.state().equals("OPEN")) {
            return rank(year, record.facts(year, current.planCodes(), today()), current.weights());
        }
        return jdbc.sql("""
                        select s.unit_id, u.name, s.unit_group, s.rank, s.score, s.tasks_due, s.closed_on_time,
                               s.overdue_working_days, s.urges, s.rectifications, s.accountability_cases,
                               s.missed_progress_reports, s.indicators_on_track, s.indicators_off_track, s.reasons
                        from duban.assessment_score s join duban.unit_directory u on u.id = s.unit_id
                        where s.year = ? order by s.unit_group, s.rank, s.unit_id""")
                .param(year)
                .query((rs, row) -> new UnitAssessment(
                        year,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        groupName(rs.getString(3)),
                        rs.getInt(4),
                        rs.getBigDecimal(5).setScale(2),
                        new AssessmentFacts(
                                rs.getInt(6),
                                rs.getInt(7),
                                rs.getInt(8),
                                rs.getInt(9),
                                rs.getInt(10),
                                rs.getInt(11),
                                rs.getInt(12),
                                rs.getInt(13),
                                rs.getInt(14)),
                        strings(rs.getArray(15))))
                .list();
    }

    /** The stored results of the units named (a unit's own score), once the year is scored. */
    public List<UnitAssessment> scoresOf(int year, List<String> unitIds) {
        AssessmentYear current = year(year);
        if (current.state().equals("OPEN")) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, year + "年度考核尚未评分，请待绩效办结束年度后查看");
        }
        return ranking(year).stream()
                .filter(unit -> unitIds.contains(unit.unitId()))
                .toList();
    }

    /** The process's step 计算各单位考核得分: stores every unit's score, rank and reasons. Repeatable. */
    void scoreYear(int year, Instant at) {
        AssessmentYear current = year(year);
        List<UnitAssessment> ranking = rank(
                year, record.facts(year, current.planCodes(), at.atZone(zone).toLocalDate()), current.weights());
        jdbc.sql("delete from duban.assessment_score where year = ?")
                .param(year)
                .update();
        for (UnitAssessment unit : ranking) {
            AssessmentFacts facts = unit.facts();
            jdbc.sql("""
                            insert into duban.assessment_score (year, unit_id, unit_group, rank, score, tasks_due,
                                closed_on_time, overdue_working_days, urges, rectifications, accountability_cases,
                                missed_progress_reports, indicators_on_track, indicators_off_track, reasons)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            year,
                            unit.unitId(),
                            unit.group(),
                            unit.rank(),
                            unit.score(),
                            facts.tasksDue(),
                            facts.closedOnTime(),
                            facts.overdueWorkingDays(),
                            facts.urges(),
                            facts.rectifications(),
                            facts.accountabilityCases(),
                            facts.missedProgressReports(),
                            facts.indicatorsOnTrack(),
                            facts.indicatorsOffTrack(),
                            unit.reasons().toArray(String[]::new))
                    .update();
        }
        jdbc.sql("update duban.assessment_year set state = 'SCORED', scored_at = ? where year = ?")
                .params(at.atOffset(ZoneOffset.UTC), year)
                .update();
    }

    /** The process's year-end step: accountability for every task of the year still not closed. Once per task. */
    void openAccountabilityForMissedTargets(int year, Instant at) {
        AssessmentYear current = year(year);
        LocalDate closingDay = at.atZone(zone).toLocalDate();
        for (AssessmentRecord.YearTask task : record.tasks(year, current.planCodes())) {
            // A year closed early charges only the targets already due; the rest are not missed yet.
            if (task.state().equals("CLOSED")
                    || task.deadline().isAfter(closingDay)
                    || accountability.hasOpenCase(task.taskCode())) {
                continue;
            }
            boolean done =
                    jdbc.sql("select count(*) from duban.assessment_target_case where year = ? and task_code = ?")
                                    .params(year, task.taskCode())
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (done) {
                continue;
            }
            String reason = "年度考核：" + year + "年度目标任务未完成（完成时限" + task.deadline() + "，至年度考核结束仍未销号）";
            String caseInstance = AsSystem.call(
                    identityService,
                    () -> accountability.open(
                            task.taskCode(),
                            task.processInstanceId(),
                            AccountabilityCases.Trigger.ANNUAL_TARGET,
                            reason,
                            at));
            jdbc.sql("""
                            insert into duban.assessment_target_case (year, task_code, case_process_instance_id, reason)
                            values (?, ?, ?, ?)""").params(year, task.taskCode(), caseInstance, reason).update();
        }
    }

    /** The process's step 向领导发布考核排名. */
    void markPublished(int year, String publishedBy, Instant at) {
        jdbc.sql(
                        "update duban.assessment_year set state = 'PUBLISHED', published_by = ?, published_at = ? where year = ?")
                .params(publishedBy, at.atOffset(ZoneOffset.UTC), year)
                .update();
        notifications.notifyGroups(
                "assessment-published:" + year,
                List.of(DubanGroups.LEADERS),
                "【考核】" + year + "年度考核排名已发布",
                year + "年度各单位考核得分与排名已由绩效办发布，请在督办看板“年度考核”中查看。");
    }

    private List<UnitAssessment> rank(int year, Map<String, AssessmentFacts> facts, AssessmentWeights weights) {
        Map<String, String[]> units = record.units();
        List<UnitAssessment> scored = new ArrayList<>();
        facts.forEach((unitId, unitFacts) -> {
            String[] unit = units.getOrDefault(unitId, new String[] {unitId, "DEPARTMENT"});
            Scoring.Result result = Scoring.score(unitFacts, weights);
            String group = LOCAL_KINDS.contains(unit[1]) ? "LOCAL" : "DEPARTMENT";
            scored.add(new UnitAssessment(
                    year, unitId, unit[0], group, groupName(group), 0, result.score(), unitFacts, result.reasons()));
        });
        List<UnitAssessment> ranked = new ArrayList<>();
        for (String group : List.of("DEPARTMENT", "LOCAL")) {
            List<UnitAssessment> members = scored.stream()
                    .filter(unit -> unit.group().equals(group))
                    .sorted(Comparator.comparing(UnitAssessment::score)
                            .reversed()
                            .thenComparing(UnitAssessment::unitId))
                    .toList();
            for (UnitAssessment unit : members) {
                int rank = 1
                        + (int) members.stream()
                                .filter(other -> other.score().compareTo(unit.score()) > 0)
                                .count();
                ranked.add(new UnitAssessment(
                        year,
                        unit.unitId(),
                        unit.unitName(),
                        group,
                        unit.groupName(),
                        rank,
                        unit.score(),
                        unit.facts(),
                        unit.reasons()));
            }
        }
        return ranked;
    }

    private LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }

    static String groupName(String group) {
        return group.equals("LOCAL") ? "县市园区" : "州直部门及单位";
    }

    private AssessmentWeights checked(AssessmentWeights weights) {
        AssessmentWeights given = weights == null ? AssessmentWeights.DEFAULTS : weights;
        List<String> problems = given.problems();
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("；", problems));
        }
        return given.orDefaults();
    }

    private boolean planKnown(String planCode) {
        return jdbc.sql("""
                        select exists (select 1 from duban.plan_directory where code = :code)
                            or exists (select 1 from duban.supervised_task where plan_code = :code)""").param("code", planCode).query(Boolean.class).single();
    }

    private AssessmentYear lock(int year) {
        jdbc.sql("select year from duban.assessment_year where year = ? for update")
                .param(year)
                .query(Integer.class)
                .optional();
        return year(year);
    }

    private AssessmentYear lockOpen(int year, String what) {
        AssessmentYear current = lock(year);
        if (!current.state().equals("OPEN")) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, year + "年度考核已结束评分，不能再" + what);
        }
        return current;
    }

    private AssessmentYear yearOf(ResultSet rs) throws SQLException {
        int year = rs.getInt("year");
        List<AssessmentYear.TargetCase> cases = jdbc.sql("""
                        select task_code, case_process_instance_id, reason from duban.assessment_target_case
                        where year = ? order by task_code""")
                .param(year)
                .query((r, row) -> new AssessmentYear.TargetCase(r.getString(1), r.getString(2), r.getString(3)))
                .list();
        String state = rs.getString("state");
        return new AssessmentYear(
                year,
                state,
                AssessmentYear.stateText(state),
                strings(rs.getArray("plan_codes")),
                new AssessmentWeights(
                        plain(rs.getBigDecimal("w_on_time")),
                        plain(rs.getBigDecimal("w_overdue_day")),
                        plain(rs.getBigDecimal("w_urge")),
                        plain(rs.getBigDecimal("w_rectification")),
                        plain(rs.getBigDecimal("w_accountability")),
                        plain(rs.getBigDecimal("w_missed_report")),
                        plain(rs.getBigDecimal("w_indicator_on")),
                        plain(rs.getBigDecimal("w_indicator_off"))),
                rs.getString("opened_by"),
                rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("scored_at", OffsetDateTime.class),
                rs.getString("published_by"),
                rs.getObject("published_at", OffsetDateTime.class),
                cases);
    }

    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((String[]) array.getArray()).collect(Collectors.toList());
    }
}
