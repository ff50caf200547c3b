package cn.duban.plantask;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For the model: {@code ${unitIds.split(implementingUnits)}} turns a comma-separated variable into a collection;
 * {@code ${unitIds.first(leadUnits)}} is the lead that signs first and consolidates, {@code ${unitIds.rest(leadUnits)}}
 * the co-leads that each report their own part.
 */
@Component("unitIds")
public class UnitIds {

    public List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .toList();
    }

    /** The first listed unit (the consolidating lead), or null when there is none. */
    public String first(String commaSeparated) {
        List<String> ids = split(commaSeparated);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Every unit after the first (the co-leads), in the order written. */
    public List<String> rest(String commaSeparated) {
        List<String> ids = split(commaSeparated);
        return ids.size() <= 1 ? List.of() : ids.subList(1, ids.size());
    }
}
