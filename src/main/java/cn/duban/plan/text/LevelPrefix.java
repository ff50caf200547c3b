package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes the administrative level a plan writes only once: "州农业农村局、发改委" means 州农业农村局 and 州发改委.
 * A name without a level takes the level of the nearest earlier name in the same tag, or, when the tag starts
 * with such a name, the first level the tag shows (that one is a guess the reviewer should check).
 */
final class LevelPrefix {

    private static final Pattern LEVEL = Pattern.compile("^(自治区|自治州|州|省|市(?!场)|县(?![(（级]|市(?!场))|区(?![域县]))");
    /** Names that carry their own level: 团市委, 国家发展改革委, 共青团中央, 人民银行某分行, 某海关. */
    private static final Pattern SELF_LEVELLED =
            Pattern.compile("^(国家|中国|中央|全国|国务院|共青团|团)|[省市州县区]委|海关|银行|分行|支行|公司|集团|总局|总队|^.{2,4}(市|县|区)(?!场)");

    private static final Pattern COLLECTIVE = Pattern.compile("^(各|园区|全|有关|相关|其他|其它)");

    /** The names with their level completed, and which of them took their level from a later name. */
    record Completed(List<String> names, Set<String> guessed) {}

    private LevelPrefix() {}

    static Completed complete(List<String> names) {
        String firstLevel = names.stream()
                .map(LevelPrefix::levelOf)
                .filter(level -> level != null)
                .findFirst()
                .orElse(null);
        List<String> completed = new ArrayList<>();
        Set<String> guessed = new LinkedHashSet<>();
        String current = null;
        for (String name : names) {
            String level = levelOf(name);
            if (level != null) {
                current = level;
                completed.add(name);
            } else if (COLLECTIVE.matcher(name).find()
                    || SELF_LEVELLED.matcher(name).find()
                    || (current == null && firstLevel == null)) {
                completed.add(name);
            } else if (current != null) {
                completed.add(current + name);
            } else {
                completed.add(firstLevel + name);
                guessed.add(firstLevel + name);
            }
        }
        return new Completed(completed, guessed);
    }

    static String levelOf(String name) {
        Matcher matcher = LEVEL.matcher(name);
        return matcher.find() ? matcher.group(1) : null;
    }
}
