package cn.duban.plantask;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** For the model: {@code ${unitIds.split(implementingUnits)}} turns a comma-separated variable into a collection. */
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
}
