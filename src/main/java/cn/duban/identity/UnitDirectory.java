package cn.duban.identity;

import java.util.List;
import java.util.Map;

/**
 * Every name a plan can use for a unit, read from the catalog in one go for one import or review: ids, names,
 * aliases and former names (one unit each) and collective names (several units).
 */
public final class UnitDirectory {

    private final Map<String, List<Unit>> unitsByName;

    UnitDirectory(Map<String, List<Unit>> unitsByName) {
        this.unitsByName = Map.copyOf(unitsByName);
    }

    /** The units meant by {@code name}; empty when the name is unknown. */
    public List<Unit> resolveAll(String name) {
        return name == null ? List.of() : unitsByName.getOrDefault(name.strip(), List.of());
    }
}
