package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the content of a unit tag: "牵头单位：州环保局，配合单位：州财政局、国土局",
 * "州生态环境局牵头,州自然资源局、应急管理局等参与", "州生态环境局负责", "州环保局、财政局" (when the plan says
 * the first listed unit leads), and the blanket rule "以下均需要各县(市)人民政府、园区管委会负责落实".
 */
final class UnitTagReader {

    private static final Pattern LABEL = Pattern.compile("^(牵头|责任|配合|参与|协办|协助|实施|落实|主责)(?:单位|部门)\\s*[：:]\\s*(.*)$");
    private static final Pattern SUFFIX =
            Pattern.compile("^(.*?)(按职责分工负责|分别负责|共同负责|负责落实|负责实施|组织实施|具体实施|牵头负责|牵头|指导|负责|共同参与|参与|配合|协助|协办|落实)$");
    /** A deadline inside a tag: "完成时限：2026年6月", "2026年9月底前完成", "年内完成". */
    private static final Pattern DEADLINE_CLAUSE = Pattern.compile(
            "^(?:(?:完成时限|完成时间|时间节点|办结时限|时限)\\s*[：:]\\s*(.+)|(?:\\d{4}年|年内|年底|全年|\\d{1,2}月).*(?:前|完成|底|内|月|年))$");

    private static final Pattern TOGETHER_WITH = Pattern.compile("会同|联合|协调");
    private static final Pattern AND_COLLECTIVE = Pattern.compile("等(?:有关|相关)?(?:部门|单位)?(?:和|及|与|以及)(?=各)");
    private static final Pattern AREA = Pattern.compile("^各(?!有关|相关)");
    private static final Pattern GENERIC = Pattern.compile("^(各)?(有关|相关|其他|其它)(部门|单位|方面)$");
    private static final Pattern AREA_PART = Pattern.compile("^(县|市|区|乡|镇|街道|园区|开发区|县级市|县市区)");
    private static final Pattern BLANKET = Pattern.compile("以下(?:各项任务)?均(?:需要|需|由)?(.+?)负责落实");
    private static final Pattern OPEN_LIST = Pattern.compile("等(?:有关|相关)?(?:部门|单位)?$");
    private static final Pattern UNIT_NAME = Pattern.compile(".+(局|委|办|厅|部|府|会|院|队|所|中心|单位|部门|室|处|站|公司|集团|社|团|馆)$");

    private final boolean firstListedLeads;

    /** @param firstListedLeads the plan says the unit listed first leads ("排在第一位的部门为牵头部门") */
    UnitTagReader(boolean firstListedLeads) {
        this.firstListedLeads = firstListedLeads;
    }

    /** The tag, or empty when the group names no role and the plan has no first-listed-leads convention. */
    Optional<UnitTag> read(String content) {
        List<String> blanket = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        String deadline = null;
        for (String sentence : TopLevelSplitter.split(content, "。")) {
            Matcher rule = BLANKET.matcher(sentence);
            if (rule.find()) {
                blanket.addAll(items(rule.group(1)));
                continue;
            }
            for (String part : TopLevelSplitter.split(sentence, "，,；;")) {
                Matcher dated = DEADLINE_CLAUSE.matcher(part.strip());
                if (dated.matches()) {
                    deadline = dated.group(1) != null ? dated.group(1) : part.strip();
                } else {
                    clauses.add(clause(part));
                }
            }
        }
        boolean keyworded = clauses.stream().anyMatch(clause -> clause.role != null);
        if (!keyworded && blanket.isEmpty() && !(firstListedLeads && allUnitNames(clauses))) {
            return Optional.empty();
        }
        return Optional.of(assemble(clauses, blanket, deadline));
    }

    private UnitTag assemble(List<Clause> clauses, List<String> blanketNames, String deadline) {
        boolean anyLead = clauses.stream().anyMatch(clause -> clause.role == UnitRole.LEAD);
        boolean anyAccountable =
                anyLead || clauses.stream().anyMatch(clause -> clause.role == UnitRole.RESPONSIBLE && !clause.share);
        List<String> names = new ArrayList<>();
        List<UnitRole> roles = new ArrayList<>();
        UnitRole previous = null;
        for (int i = 0; i < clauses.size(); i++) {
            Clause clause = clauses.get(i);
            UnitRole role = clause.role;
            if (clause.share && !anyAccountable) {
                role = UnitRole.RESPONSIBLE;
            }
            if (clause.responsibleLabel) {
                role = anyLead ? UnitRole.SUPPORT : UnitRole.RESPONSIBLE;
            }
            boolean firstLeadsHere = i == 0 && firstListedLeads && (role == null || role == UnitRole.RESPONSIBLE);
            if (role == null) {
                role = previous == null ? UnitRole.LEAD : previous;
            }
            for (int j = 0; j < clause.names.size(); j++) {
                names.add(clause.names.get(j));
                UnitRole own = j >= clause.supportFrom
                        ? (role == UnitRole.RESPONSIBLE
                                        && AREA.matcher(clause.names.get(j)).find()
                                ? UnitRole.IMPLEMENTING
                                : UnitRole.SUPPORT)
                        : clause.supportFrom < clause.names.size() && role == UnitRole.RESPONSIBLE
                                ? UnitRole.LEAD
                                : role;
                roles.add(firstLeadsHere ? (j == 0 ? UnitRole.LEAD : UnitRole.SUPPORT) : own);
            }
            previous = role;
        }
        collectivesOfAccountable(names, roles);
        int tagNames = names.size();
        names.addAll(blanketNames);
        LevelPrefix.Completed completed = LevelPrefix.complete(names);
        Set<UnitMention> units = new LinkedHashSet<>();
        for (int i = 0; i < tagNames; i++) {
            units.add(new UnitMention(completed.names().get(i), roles.get(i)));
        }
        List<String> blanket = completed.names().subList(tagNames, names.size());
        blanket.forEach(name -> units.add(new UnitMention(name, UnitRole.IMPLEMENTING)));
        boolean share = clauses.stream().anyMatch(clause -> clause.share);
        return new UnitTag(List.copyOf(units), share, List.copyOf(blanket), completed.guessed(), deadline);
    }

    /**
     * Beside named accountable units, area governments named in the same 负责 list (各省级人民政府, 各区县人民政府)
     * carry the task out in their areas, and 有关部门 contribute.
     */
    private static void collectivesOfAccountable(List<String> names, List<UnitRole> roles) {
        boolean named = false;
        for (int i = 0; i < names.size(); i++) {
            boolean accountable = roles.get(i) == UnitRole.LEAD || roles.get(i) == UnitRole.RESPONSIBLE;
            named |= accountable
                    && !AREA.matcher(names.get(i)).find()
                    && !GENERIC.matcher(names.get(i)).find();
        }
        for (int i = 0; named && i < names.size(); i++) {
            if (roles.get(i) == UnitRole.LEAD || roles.get(i) == UnitRole.RESPONSIBLE) {
                if (GENERIC.matcher(names.get(i)).find()) {
                    roles.set(i, UnitRole.SUPPORT);
                } else if (AREA.matcher(names.get(i)).find()) {
                    roles.set(i, UnitRole.IMPLEMENTING);
                }
            }
        }
    }

    private static Clause clause(String part) {
        String text = part.strip().replaceFirst("^由", "");
        Matcher label = LABEL.matcher(text);
        if (label.matches()) {
            String kind = label.group(1);
            UnitRole role = switch (kind) {
                case "牵头" -> UnitRole.LEAD;
                case "实施", "落实" -> UnitRole.IMPLEMENTING;
                default -> UnitRole.SUPPORT;
            };
            return new Clause(items(label.group(2)), role, false, kind.equals("责任"), Integer.MAX_VALUE);
        }
        Matcher suffix = SUFFIX.matcher(text);
        if (suffix.matches() && !suffix.group(1).isBlank()) {
            String keyword = suffix.group(2);
            UnitRole role = switch (keyword) {
                case "牵头", "牵头负责", "指导" -> UnitRole.LEAD;
                case "负责", "分别负责", "共同负责" -> UnitRole.RESPONSIBLE;
                case "负责落实", "负责实施", "组织实施", "具体实施", "落实" -> UnitRole.IMPLEMENTING;
                default -> UnitRole.SUPPORT;
            };
            String[] together = TOGETHER_WITH.split(suffix.group(1), 2);
            if (together.length == 2 && !together[0].isBlank() && !together[1].isBlank()) {
                List<String> names = new ArrayList<>(items(together[0]));
                int supportFrom = names.size();
                names.addAll(items(together[1]));
                return new Clause(names, role, keyword.equals("按职责分工负责"), false, supportFrom);
            }
            return new Clause(items(suffix.group(1)), role, keyword.equals("按职责分工负责"), false, Integer.MAX_VALUE);
        }
        return new Clause(items(text), null, false, false, Integer.MAX_VALUE);
    }

    static List<String> items(String list) {
        List<String> names = new ArrayList<>();
        for (String group : AND_COLLECTIVE.split(list.strip())) {
            String closed = OPEN_LIST.matcher(group.strip()).replaceFirst("");
            for (String name : TopLevelSplitter.split(closed, "、")) {
                int last = names.size() - 1;
                if (last >= 0
                        && names.get(last).startsWith("各")
                        && names.get(last).length() <= 3
                        && AREA_PART.matcher(name).find()
                        && name.length() <= 8) {
                    names.set(last, names.get(last) + "、" + name);
                } else {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static boolean allUnitNames(List<Clause> clauses) {
        return !clauses.isEmpty()
                && clauses.stream()
                        .flatMap(clause -> clause.names.stream())
                        .allMatch(name -> UNIT_NAME.matcher(name).matches());
    }

    /**
     * @param supportFrom the index of the first name after 会同 (they contribute; area governments among them carry
     *     the task out), or MAX_VALUE
     */
    private record Clause(
            List<String> names, UnitRole role, boolean share, boolean responsibleLabel, int supportFrom) {}
}
