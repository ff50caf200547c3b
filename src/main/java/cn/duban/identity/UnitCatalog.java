package cn.duban.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The units Duban knows, found by id, current name, short name or former name. */
@Repository
public class UnitCatalog {

    private final JdbcClient jdbc;

    UnitCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> all() {
        return jdbc.sql("select id, name, kind from duban.unit order by sort_order, id")
                .query(Unit.class)
                .list();
    }

    /** Every name of every unit, for resolving many names at once. */
    public UnitDirectory directory() {
        Map<String, List<Unit>> byName = new HashMap<>();
        Map<String, Unit> byId = new HashMap<>();
        for (Unit unit : all()) {
            byId.put(unit.id(), unit);
            byName.put(unit.id(), List.of(unit));
            byName.put(unit.name(), List.of(unit));
        }
        jdbc.sql("select alias, unit_id from duban.unit_alias")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(alias -> byName.putIfAbsent(alias.getKey(), List.of(byId.get(alias.getValue()))));
        Map<String, List<Unit>> collectives = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.name, c.unit_id from duban.unit_collective c join duban.unit u on u.id = c.unit_id
                        order by c.name, u.sort_order, u.id""")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(member -> collectives
                        .computeIfAbsent(member.getKey(), key -> new ArrayList<>())
                        .add(byId.get(member.getValue())));
        collectives.forEach(byName::putIfAbsent);
        return new UnitDirectory(byName);
    }

    /**
     * The units a plan means by {@code name}: one unit for its id, name or alias; several for a collective name
     * ("各县(市)人民政府" are the counties and cities); none when the name is unknown.
     */
    public List<Unit> resolveAll(String name) {
        Optional<Unit> unit = resolve(name);
        if (unit.isPresent()) {
            return List.of(unit.get());
        }
        return jdbc.sql("""
                        select u.id, u.name, u.kind from duban.unit_collective c join duban.unit u on u.id = c.unit_id
                        where c.name = ? order by u.sort_order, u.id""")
                .param(name == null ? "" : name.strip())
                .query(Unit.class)
                .list();
    }

    /** The unit a plan means by {@code name}: its id, its name, or one of its aliases. */
    public Optional<Unit> resolve(String name) {
        String key = name == null ? "" : name.strip();
        return jdbc.sql("""
                        select u.id, u.name, u.kind from duban.unit u
                        where u.id = :key or u.name = :key
                           or u.id = (select a.unit_id from duban.unit_alias a where a.alias = :key)
                        """).param("key", key).query(Unit.class).optional();
    }
}
