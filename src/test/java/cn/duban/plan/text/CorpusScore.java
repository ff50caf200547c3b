package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** How many of a corpus's expected tasks the parser found, and with the right units and dates. */
final class CorpusScore {

    int expected;
    int found;
    int extra;
    int leads;
    int leadParts;
    int leadPartsRight;
    int supports;
    int implementing;
    int deadlines;
    int milestoneTasks;
    int milestones;
    final List<String> misses = new ArrayList<>();

    void score(String plan, DraftPlan parsed, List<ExpectedTask> tasks) {
        int next = 0;
        int matched = 0;
        for (ExpectedTask want : tasks) {
            expected++;
            int at = indexOf(parsed.tasks(), want.title(), next);
            if (at < 0) {
                misses.add(plan + ": 未找到 " + want.title());
                continue;
            }
            next = at + 1;
            matched++;
            found++;
            DraftTask got = parsed.tasks().get(at);
            List<String> accountable = got.units().stream()
                    .filter(unit -> unit.role() == UnitRole.LEAD || unit.role() == UnitRole.RESPONSIBLE)
                    .map(UnitMention::name)
                    .distinct()
                    .toList();
            leads += check(plan, want, "牵头", want.leads(), accountable, true);
            leadParts += want.leads().size();
            leadPartsRight += rightParts(want.leads(), accountable);
            supports += check(plan, want, "配合", want.supports(), got.unitsIn(UnitRole.SUPPORT), false);
            implementing += check(plan, want, "落实", want.implementing(), got.unitsIn(UnitRole.IMPLEMENTING), false);
            if (want.deadline() == null
                    ? got.deadline() == null
                    : want.deadline().equals(got.deadline())) {
                deadlines++;
            } else {
                misses.add(plan + ": " + want.title() + " 时限 应为" + want.deadline() + " 实为" + got.deadline());
            }
            List<java.time.LocalDate> dues =
                    got.milestones().stream().map(DraftMilestone::due).toList();
            if (!want.milestones().isEmpty() || dues.size() > 1) {
                milestoneTasks++;
                if (want.milestones().equals(dues)) {
                    milestones++;
                } else {
                    misses.add(plan + ": " + want.title() + " 节点 应为" + want.milestones() + " 实为" + dues);
                }
            }
        }
        extra += parsed.tasks().size() - matched;
        if (parsed.tasks().size() > matched) {
            misses.add(plan + ": 多出" + (parsed.tasks().size() - matched) + "项任务");
        }
    }

    /**
     * Each accountable unit signs and reports its own part: a co-lead counts once for every lead it names right, the
     * first (who consolidates) only in the first place.
     */
    private static int rightParts(List<String> expected, List<String> got) {
        int right = 0;
        for (int i = 0; i < expected.size(); i++) {
            boolean named = i == 0
                    ? !got.isEmpty() && got.get(0).equals(expected.get(0))
                    : got.subList(Math.min(1, got.size()), got.size()).contains(expected.get(i));
            right += named ? 1 : 0;
        }
        return right;
    }

    private int check(
            String plan, ExpectedTask want, String what, List<String> expected, List<String> got, boolean ordered) {
        boolean right = ordered
                ? expected.equals(got)
                : expected.size() == got.size() && new HashSet<>(expected).equals(new HashSet<>(got));
        if (!right) {
            misses.add(plan + ": " + want.title() + " " + what + " 应为" + expected + " 实为" + got);
        }
        return right ? 1 : 0;
    }

    private static int indexOf(List<DraftTask> tasks, String title, int from) {
        for (int i = from; i < tasks.size(); i++) {
            DraftTask task = tasks.get(i);
            if (task.title().startsWith(title) || task.text().startsWith(title)) {
                return i;
            }
        }
        return -1;
    }

    double rate(int count) {
        return expected == 0 ? 1 : (double) count / expected;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "tasks %d: found %.1f%% (extra %d), lead %.1f%% (each lead's part %d/%d), support %.1f%%, deadline %.1f%%, implementing %.1f%%,"
                        + " milestones %d/%d",
                expected,
                100 * rate(found),
                extra,
                100 * rate(leads),
                leadPartsRight,
                leadParts,
                100 * rate(supports),
                100 * rate(deadlines),
                100 * rate(implementing),
                milestones,
                milestoneTasks);
    }
}
