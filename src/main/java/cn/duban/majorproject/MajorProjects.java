package cn.duban.majorproject;

import cn.duban.identity.Unit;
import cn.duban.identity.UnitCatalog;
import cn.duban.taskform.ChineseDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Major projects (重大工程): entered by the office one by one or imported from a table (all or nothing), linked to the
 * plan tasks they serve; the owner unit (or the office) reports progress, investment spent to date and milestones
 * reached.
 */
@Service
public class MajorProjects {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final JdbcClient jdbc;
    private final UnitCatalog units;
    private final ZoneId zone;

    MajorProjects(JdbcClient jdbc, UnitCatalog units, @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.units = units;
        this.zone = zone;
    }

    /** Adds the projects, all or none; each problem names its project (or row) and field in Chinese. */
    @Transactional
    public List<MajorProject> add(List<MajorProjectEntry> entries, String user, String rowLabel) {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            check(entries.get(i), rowLabel == null ? "项目" + (i + 1) : rowLabel + (i + 2) + "行", seen, problems);
        }
        if (entries.isEmpty()) {
            problems.add("没有项目");
        }
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "重大工程未保存：" + String.join("；", problems));
        }
        List<MajorProject> added = new ArrayList<>();
        for (MajorProjectEntry entry : entries) {
            Unit owner = units.resolve(entry.ownerUnit().strip()).orElseThrow();
            Long id = jdbc.sql("""
                            insert into duban.major_project (code, name, owner_unit_id, location, investment_planned,
                                start_on, end_on, created_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            entry.code().strip(),
                            entry.name().strip(),
                            owner.id(),
                            entry.location().strip(),
                            entry.investmentPlanned(),
                            date(entry.startOn()).orElseThrow(),
                            date(entry.endOn()).orElseThrow(),
                            user)
                    .query(Long.class)
                    .single();
            List<MajorProjectEntry.Milestone> milestones = entry.milestones() == null ? List.of() : entry.milestones();
            for (int m = 0; m < milestones.size(); m++) {
                jdbc.sql(
                                "insert into duban.major_project_milestone (project_id, position, name, due_on) values (?, ?, ?, ?)")
                        .params(
                                id,
                                m + 1,
                                milestones.get(m).name().strip(),
                                date(milestones.get(m).dueOn()).orElseThrow())
                        .update();
            }
            for (String task : entry.taskCodes() == null ? List.<String>of() : entry.taskCodes()) {
                jdbc.sql(
                                "insert into duban.major_project_task (project_id, task_code) values (?, ?) on conflict do nothing")
                        .params(id, task.strip())
                        .update();
            }
            added.add(find(entry.code().strip()).orElseThrow());
        }
        return added;
    }

    /** The owner unit (or the office) reports progress, the investment spent to date and a milestone reached. */
    @Transactional
    public MajorProject report(
            String code,
            String content,
            BigDecimal spent,
            Integer milestoneDone,
            String user,
            List<String> callerUnits,
            boolean office) {
        MajorProject project = find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到重大工程“" + code + "”"));
        if (!office && !callerUnits.contains(project.ownerUnitId())) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "只有业主单位（" + project.ownerUnitName() + "）或督查办可以报送该工程的进展");
        }
        List<String> problems = new ArrayList<>();
        if (content == null || content.isBlank()) {
            problems.add("请填写进展情况");
        }
        if (spent == null || spent.signum() < 0) {
            problems.add("请填写截至目前完成投资（万元，不小于0）");
        } else if (spent.compareTo(project.investmentSpent()) < 0) {
            problems.add("截至目前完成投资（" + plain(spent) + "万元）不能少于上次报送的" + plain(project.investmentSpent()) + "万元");
        }
        if (milestoneDone != null && project.milestones().stream().noneMatch(m -> m.position() == milestoneDone)) {
            problems.add("该工程没有第" + milestoneDone + "个节点");
        }
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "进展未报送：" + String.join("；", problems));
        }
        Long id = jdbc.sql("select id from duban.major_project where code = ? for update")
                .param(code)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into duban.major_project_progress (project_id, content, investment_spent, milestone_done,
                            reported_by) values (?, ?, ?, ?, ?)""").params(id, content.strip(), spent, milestoneDone, user).update();
        jdbc.sql("update duban.major_project set investment_spent = ? where id = ?")
                .params(spent, id)
                .update();
        if (milestoneDone != null) {
            jdbc.sql("""
                            update duban.major_project_milestone set done_on = ?
                            where project_id = ? and position = ? and done_on is null""").params(today(), id, milestoneDone).update();
        }
        return find(code).orElseThrow();
    }

    public List<MajorProject> all() {
        return jdbc.sql("select code from duban.major_project order by code").query(String.class).list().stream()
                .map(code -> find(code).orElseThrow())
                .toList();
    }

    public Optional<MajorProject> find(String code) {
        LocalDate today = today();
        List<MajorProject.Milestone> milestones = jdbc.sql("""
                        select m.position, m.name, m.due_on, m.done_on from duban.major_project_milestone m
                        join duban.major_project p on p.id = m.project_id where p.code = ? order by m.position""")
                .param(code)
                .query((rs, row) -> {
                    LocalDate due = rs.getObject(3, LocalDate.class);
                    LocalDate done = rs.getObject(4, LocalDate.class);
                    return new MajorProject.Milestone(
                            rs.getInt(1), rs.getString(2), due, done, done == null && today.isAfter(due));
                })
                .list();
        List<String> tasks = jdbc.sql("""
                        select t.task_code from duban.major_project_task t join duban.major_project p
                        on p.id = t.project_id where p.code = ? order by t.task_code""").param(code).query(String.class).list();
        return jdbc.sql("""
                        select p.code, p.name, p.owner_unit_id, u.name, p.location, p.investment_planned,
                               p.investment_spent, p.start_on, p.end_on, r.content, r.reported_at
                        from duban.major_project p join duban.unit_directory u on u.id = p.owner_unit_id
                        left join lateral (select content, reported_at from duban.major_project_progress x
                                           where x.project_id = p.id order by reported_at desc, id desc limit 1) r
                               on true
                        where p.code = ?""")
                .param(code)
                .query((rs, row) -> {
                    BigDecimal planned = rs.getBigDecimal(6);
                    BigDecimal spent = rs.getBigDecimal(7);
                    BigDecimal percent = planned.signum() == 0
                            ? BigDecimal.ZERO
                            : spent.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
                    return new MajorProject(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            planned,
                            spent,
                            percent,
                            rs.getObject(8, LocalDate.class),
                            rs.getObject(9, LocalDate.class),
                            milestones,
                            (int) milestones.stream()
                                    .filter(MajorProject.Milestone::overdue)
                                    .count(),
                            tasks,
                            rs.getString(10),
                            rs.getObject(11, OffsetDateTime.class));
                })
                .optional();
    }

    private void check(MajorProjectEntry entry, String label, List<String> seen, List<String> problems) {
        if (entry.code() == null || !CODE.matcher(entry.code().strip()).matches()) {
            problems.add(label + "的编号须为字母、数字、-、_ 或 .（收到“" + entry.code() + "”）");
        } else if (seen.contains(entry.code().strip())
                || jdbc.sql("select count(*) from duban.major_project where code = ?")
                                .param(entry.code().strip())
                                .query(Long.class)
                                .single()
                        > 0) {
            problems.add(label + "的编号“" + entry.code().strip() + "”已被使用");
        } else {
            seen.add(entry.code().strip());
        }
        if (entry.name() == null || entry.name().isBlank()) {
            problems.add(label + "缺少项目名称");
        }
        if (entry.ownerUnit() == null
                || units.resolve(entry.ownerUnit().strip()).isEmpty()) {
            problems.add(label + "的业主单位“" + entry.ownerUnit() + "”不在单位目录中");
        }
        if (entry.location() == null || entry.location().isBlank()) {
            problems.add(label + "缺少建设地点");
        }
        if (entry.investmentPlanned() == null || entry.investmentPlanned().signum() < 0) {
            problems.add(label + "的计划投资须为不小于0的万元数");
        }
        Optional<LocalDate> start = date(entry.startOn());
        Optional<LocalDate> end = date(entry.endOn());
        if (start.isEmpty()) {
            problems.add(label + "的开工日期“" + entry.startOn() + "”无法识别，应写成“2026-06-30”或“2026年6月30日”");
        }
        if (end.isEmpty()) {
            problems.add(label + "的完工日期“" + entry.endOn() + "”无法识别，应写成“2026-06-30”或“2026年6月30日”");
        }
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            problems.add(label + "的完工日期早于开工日期");
        }
        for (MajorProjectEntry.Milestone milestone :
                entry.milestones() == null ? List.<MajorProjectEntry.Milestone>of() : entry.milestones()) {
            if (milestone.name() == null
                    || milestone.name().isBlank()
                    || date(milestone.dueOn()).isEmpty()) {
                problems.add(label + "的节点须有名称和计划完成日期");
            }
        }
        for (String task : entry.taskCodes() == null ? List.<String>of() : entry.taskCodes()) {
            boolean known = task != null
                    && jdbc.sql("select count(*) from duban.plan_task_directory where code = ?")
                                    .param(task.strip())
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!known) {
                problems.add(label + "关联的任务“" + task + "”不存在");
            }
        }
    }

    static Optional<LocalDate> date(String text) {
        return ChineseDates.parse(text);
    }

    private static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }
}
