package cn.duban.plan.text;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads a plan's title, issuer, kind and period from its first lines and, failing that, from its text. */
final class PlanHeaderReader {

    private static final Pattern TITLE_WORD = Pattern.compile("方案|规划|计划|要点|意见|通知|安排|清单|分解表|措施|实事|任务");
    private static final Pattern ISSUER = Pattern.compile(".*(人民政府|办公室|办公厅|委员会|局|厅)$");
    private static final Pattern TITLE_IN_TEXT = Pattern.compile("(?:特|现)(?:制定|编制)《([^》]+)》");
    private static final Pattern ANNUAL = Pattern.compile("(\\d{4})年度?");
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})\\s*年?\\s*[-－—–~～至到]\\s*(\\d{4})\\s*年?");
    private static final Pattern FIVE_YEAR_NAME = Pattern.compile("十[一二三四五六]五");
    private static final Map<String, Integer> FIVE_YEAR_START =
            Map.of("十一五", 2006, "十二五", 2011, "十三五", 2016, "十四五", 2021, "十五五", 2026, "十六五", 2031);

    private PlanHeaderReader() {}

    static PlanHeader read(List<String> paragraphs, String text) {
        String first = paragraphs.isEmpty() ? "" : paragraphs.get(0);
        String issuer = null;
        String title = null;
        if (looksLikeTitle(first)) {
            title = first;
        } else if (ISSUER.matcher(first).matches() && !first.contains("。")) {
            issuer = first;
            if (paragraphs.size() > 1 && looksLikeTitle(paragraphs.get(1))) {
                title = paragraphs.get(1);
            }
        }
        if (title == null) {
            Matcher named = TITLE_IN_TEXT.matcher(text);
            title = named.find() ? named.group(1) : null;
        }
        return title != null ? fromTitle(title, issuer) : fromText(text, issuer);
    }

    private static PlanHeader fromTitle(String title, String issuer) {
        Matcher fiveYear = FIVE_YEAR_NAME.matcher(title);
        if (fiveYear.find()) {
            int start = FIVE_YEAR_START.get(fiveYear.group());
            return new PlanHeader(title, issuer, PlanKind.FIVE_YEAR, start, start + 4);
        }
        Matcher period = PERIOD.matcher(title);
        if (period.find()) {
            int start = Integer.parseInt(period.group(1));
            int end = Integer.parseInt(period.group(2));
            boolean fiveYears = end - start == 4 && title.contains("规划");
            return new PlanHeader(title, issuer, fiveYears ? PlanKind.FIVE_YEAR : PlanKind.OTHER, start, end);
        }
        Matcher annual = ANNUAL.matcher(title);
        if (annual.find()) {
            int year = Integer.parseInt(annual.group(1));
            return new PlanHeader(title, issuer, PlanKind.ANNUAL, year, year);
        }
        return new PlanHeader(title, issuer, PlanKind.OTHER, null, null);
    }

    /** Without a title: a text that speaks of 本规划 is a five-year plan of the period it names most often. */
    private static PlanHeader fromText(String text, String issuer) {
        String period = text.contains("本规划") ? mostMentionedFiveYearPeriod(text) : null;
        if (period == null) {
            return new PlanHeader(null, issuer, PlanKind.OTHER, null, null);
        }
        int start = FIVE_YEAR_START.get(period);
        return new PlanHeader(null, issuer, PlanKind.FIVE_YEAR, start, start + 4);
    }

    private static String mostMentionedFiveYearPeriod(String text) {
        Map<String, Long> counts = FIVE_YEAR_NAME
                .matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static boolean looksLikeTitle(String line) {
        return line.length() <= 60
                && !line.contains("。")
                && TITLE_WORD.matcher(line).find();
    }
}
