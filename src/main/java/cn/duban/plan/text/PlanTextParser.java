package cn.duban.plan.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the text of a government work plan into a {@link DraftPlan}. Pure: no database, no engine. */
public final class PlanTextParser {

    private static final Pattern FIRST_LISTED_LEADS = Pattern.compile("(排在|排|列|居)(第一位|首位|第一个|首个)的?(部门|单位|者)?为牵头");
    private static final Pattern SHARED_BY_CONVENTION =
            Pattern.compile("(排在|排|列|居)(第一位|首位|第一个|首个)的?(部门|单位|者)?为牵头[^。]*按职责分工负责");

    /**
     * @param text the plan's text as published (a .txt file, or the text of a .docx)
     * @throws PlanTextException when the text holds no recognisable task, with a Chinese message
     */
    public DraftPlan parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PlanTextException("计划文本为空");
        }
        List<String> paragraphs = TableText.rewrite(paragraphs(text));
        PlanHeader header = PlanHeaderReader.read(paragraphs, text);
        UnitTagReader tagReader =
                new UnitTagReader(FIRST_LISTED_LEADS.matcher(text).find());
        TaskChunker chunker = new TaskChunker(content -> tagReader.read(content).isPresent());
        List<TaskChunk> chunks = chunker.chunk(paragraphs);
        if (chunks.isEmpty()) {
            throw new PlanTextException("未在文本中找到任何任务：请确认这是一份列有牵头单位的工作方案或规划");
        }
        List<String> warnings = new ArrayList<>();
        List<DraftTask> tasks = tasks(
                chunks,
                tagReader,
                header.defaultDeadline(),
                header.periodStart(),
                SHARED_BY_CONVENTION.matcher(text).find(),
                warnings);
        if (header.title() == null) {
            warnings.add(0, "未找到计划名称，请在审核时填写");
        }
        if (chunker.untaggedTail() != null) {
            warnings.add("文本末尾的段落未写明牵头单位，未列为任务（文本可能不完整）：" + excerpt(chunker.untaggedTail()));
        }
        return new DraftPlan(
                header.title(),
                header.issuer(),
                header.kind(),
                header.periodStart(),
                header.periodEnd(),
                header.defaultDeadline(),
                tasks,
                new IndicatorTableReader().read(paragraphs),
                List.copyOf(warnings));
    }

    private static List<DraftTask> tasks(
            List<TaskChunk> chunks,
            UnitTagReader tagReader,
            LocalDate defaultDeadline,
            Integer planYear,
            boolean sharedByConvention,
            List<String> warnings) {
        List<DraftTask> tasks = new ArrayList<>();
        List<String> blanketImplementers = new ArrayList<>();
        for (TaskChunk chunk : chunks) {
            int sequence = tasks.size() + 1;
            UnitTag tag = tagReader.read(chunk.tag()).orElseThrow();
            blanketImplementers.addAll(tag.blanketImplementers());
            Set<UnitMention> units = new LinkedHashSet<>(tag.units());
            blanketImplementers.forEach(name -> units.add(new UnitMention(name, UnitRole.IMPLEMENTING)));
            String text = chunk.text();
            TaskDates dates = DeadlineReader.read(text, planYear);
            LocalDate deadline = dates.deadline();
            String deadlineLine = chunk.deadlineLine != null ? chunk.deadlineLine : tag.deadline();
            if (deadlineLine != null) {
                LocalDate stated = DeadlineReader.readCell(deadlineLine, planYear);
                deadline = stated != null ? stated : deadline;
            }
            String title = chunk.sentence
                    ? TaskTitle.firstClause(chunk.paragraphs.get(0))
                    : TaskTitle.of(chunk.paragraphs, chunk.number != null);
            DraftTask task = new DraftTask(
                    sequence,
                    chunk.number,
                    chunk.section,
                    title,
                    text,
                    List.copyOf(units),
                    tag.shareResponsibility() || (sharedByConvention && hasSupport(units)),
                    deadline != null ? deadline : defaultDeadline,
                    deadline != null,
                    dates.start(),
                    TargetReader.read(text),
                    milestonesBy(dates.milestones(), deadline));
            tasks.add(task);
            warnings.addAll(warningsFor(task, tag));
        }
        return List.copyOf(tasks);
    }

    /** The text's milestones when they all fall by the deadline (a "完成时限：" line may set an earlier one). */
    private static List<DraftMilestone> milestonesBy(List<DraftMilestone> milestones, LocalDate deadline) {
        return deadline != null
                        && milestones.stream()
                                .anyMatch(milestone -> milestone.due().isAfter(deadline))
                ? List.of()
                : milestones;
    }

    private static List<String> warningsFor(DraftTask task, UnitTag tag) {
        List<String> warnings = new ArrayList<>();
        String label = "第" + task.sequence() + "项任务“" + task.title() + "”";
        if (task.unitsIn(UnitRole.LEAD).isEmpty()
                && task.unitsIn(UnitRole.RESPONSIBLE).isEmpty()) {
            warnings.add(label + "未写明牵头单位，请在审核时补充");
        }
        for (String name : tag.guessedLevels()) {
            warnings.add(label + "的单位未写层级，已按同一标注中的其他单位补全为“" + name + "”，请核对");
        }
        return warnings;
    }

    private static boolean hasSupport(Set<UnitMention> units) {
        return units.stream().anyMatch(unit -> unit.role() == UnitRole.SUPPORT);
    }

    private static List<String> paragraphs(String text) {
        return text.replace("\uFEFF", "")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static String excerpt(String paragraph) {
        return paragraph.length() <= 20 ? paragraph : paragraph.substring(0, 20) + "…";
    }
}
