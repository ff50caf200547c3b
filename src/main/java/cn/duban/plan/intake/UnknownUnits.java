package cn.duban.plan.intake;

import cn.duban.identity.UnitCatalog;
import cn.duban.identity.UnitDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The unit names of a draft that the catalog does not know, with the tasks that name them, for the reviewer. */
@Component
class UnknownUnits {

    private final UnitCatalog units;

    UnknownUnits(UnitCatalog units) {
        this.units = units;
    }

    /** The unknown names alone, for marking them on the review page. */
    List<String> names(List<DraftRow> rows) {
        return List.copyOf(unknownByName(rows).keySet());
    }

    /** "州XX局（第3、5项）；…", or null when every name is known. */
    String describe(List<DraftRow> rows) {
        Map<String, TreeSet<Integer>> unknown = unknownByName(rows);
        if (unknown.isEmpty()) {
            return null;
        }
        return unknown.entrySet().stream()
                .map(entry -> entry.getKey() + "（第"
                        + entry.getValue().stream().map(String::valueOf).collect(Collectors.joining("、")) + "项）")
                .collect(Collectors.joining("；"));
    }

    private Map<String, TreeSet<Integer>> unknownByName(List<DraftRow> rows) {
        UnitDirectory directory = units.directory();
        Map<String, TreeSet<Integer>> unknown = new LinkedHashMap<>();
        for (DraftRow row : rows) {
            Stream.of(row.leadUnits(), row.responsibleUnits(), row.supportUnits(), row.implementingUnits())
                    .filter(names -> names != null && !names.isBlank())
                    .flatMap(names -> Stream.of(names.split("[、,，;；]")))
                    .map(String::strip)
                    .filter(name ->
                            !name.isEmpty() && directory.resolveAll(name).isEmpty())
                    .forEach(name -> unknown.computeIfAbsent(name, key -> new TreeSet<>())
                            .add(row.sequence() == null ? 0 : row.sequence()));
        }
        return unknown;
    }
}
