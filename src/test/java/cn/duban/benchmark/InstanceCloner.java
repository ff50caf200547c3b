package cn.duban.benchmark;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clones the database rows of a process instance that was started and worked on through the engine, many times over
 * with set-based SQL ({@code INSERT … SELECT … CROSS JOIN generate_series}), so that a million instances exist in
 * minutes and the engine can still work on each of them.
 *
 * <p>How: {@link #snapshot()} notes the current transaction id; the caller then drives one instance through the
 * engine; {@link #capture} keeps the rows of the engine's runtime and history tables and Duban's per-task tables
 * written since (a template) and the ids they carry. {@link #clone} inserts copies {@code from..to} of the template: an engine id
 * (a time-based UUID, possibly behind an activity id) gets the copy's number as its last 12 hex digits, so every
 * reference between the copied rows (execution → parent, task → execution, variable → byte array, history → runtime)
 * points into the same copy; the task code gets the copy's number; unit and plan names given as cycled keys are
 * spread over a list of values. Other columns are copied as they are, unless an override says otherwise.
 *
 * <p>At a million copies the load runs as a bulk load ({@link #beginBulkLoad}, {@link #endBulkLoad}): the target
 * tables' secondary indexes are dropped and built again after the load (primary keys and unique constraints stay),
 * the inserts run with {@code session_replication_role = replica} (no foreign-key checks or triggers, row by row: the
 * copies' references are consistent by construction; what a skipped trigger derives is the caller's to write, set
 * based), and the server skips fsync, full-page writes, autovacuum and checkpoints until the load is done.
 */
final class InstanceCloner {

    private static final String SCHEMA = "scale_template";
    private static final Pattern ENGINE_ID =
            Pattern.compile("(.*:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Engine tables that belong to no instance (definitions, identity, properties, meters). */
    private static final Set<String> ENGINE_GLOBAL = Set.of(
            "act_ge_property", "act_ge_schema_log", "act_ru_meter_log", "act_ru_task_meter_log", "act_ru_filter");

    /** Duban tables that belong to no single task, or are derived from others by triggers. */
    private static final Set<String> DUBAN_GLOBAL = Set.of(
            "flyway_schema_history",
            "unit",
            "unit_alias",
            "unit_collective",
            "unit_reach",
            "unit_contact",
            "calendar_day",
            "calendar_year",
            "spring_session",
            "spring_session_attributes",
            "login_failure",
            "login_known_address",
            "task_state_count",
            "task_state_delta",
            "document_counter");

    /** Parents before children: the engine's foreign keys. */
    private static final List<String> FIRST =
            List.of("public.act_ge_bytearray", "public.act_ru_execution", "public.act_ru_task", "public.act_ru_job");

    private final JdbcTemplate jdbc;
    private final List<String> tables;
    private final Map<String, List<String>> prepared = new LinkedHashMap<>();
    private final Map<String, String> droppedIndexes = new LinkedHashMap<>();
    private boolean bulk;
    private long snapshotXid;

    /**
     * Server settings for the load, reset by {@link #endBulkLoad}. The write-ahead log is kept to 8 GB: at half a
     * million tasks the data alone takes about 50 GB, and a log as large as the load would not fit beside it.
     */
    private static final Map<String, String> LOAD_SETTINGS = Map.of(
            "fsync", "off",
            "full_page_writes", "off",
            "autovacuum", "off",
            "max_wal_size", "'8GB'",
            "checkpoint_timeout", "'1h'");

    InstanceCloner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        List<String> found = jdbc.queryForList("""
                        select table_schema || '.' || table_name from information_schema.tables
                        where table_type = 'BASE TABLE'
                          and ((table_schema = 'public' and (table_name like 'act\\_ru\\_%' or table_name like 'act\\_hi\\_%'
                                                             or table_name = 'act_ge_bytearray'))
                               or table_schema = 'duban')
                        order by 1""", String.class);
        List<String> ordered = new ArrayList<>(FIRST);
        found.stream()
                .filter(t -> !FIRST.contains(t))
                .filter(t -> !ENGINE_GLOBAL.contains(name(t)))
                .filter(t -> !(t.startsWith("duban.") && DUBAN_GLOBAL.contains(name(t))))
                .forEach(ordered::add);
        this.tables = ordered;
        jdbc.execute("create schema if not exists " + SCHEMA);
    }

    /**
     * Marks the present, so that {@link #capture} sees what one instance's work added: the next transaction id. Rows
     * written (inserted or updated) afterwards carry a later one in PostgreSQL's {@code xmin}; nothing is copied, so a
     * snapshot costs the same on an empty database and on one holding millions of rows.
     */
    void snapshot() {
        snapshotXid = jdbc.queryForObject("select txid_current()", Long.class);
    }

    /**
     * Keeps the rows added since {@link #snapshot()} as template {@code name}: those that carry one of the engine ids
     * added since, or one of the {@code identities} (the task code, say). {@code cycled} maps a value (a unit's id)
     * to the SQL expression of the copy's value ({@code g.n} is the copy's number).
     */
    Template capture(String name, Map<String, String> identities, Map<String, String> cycled) {
        Set<String> engineIds = new LinkedHashSet<>();
        Map<String, String> captured = new LinkedHashMap<>();
        for (String table : tables) {
            String template = SCHEMA + ".t_" + name + "_" + name(table);
            jdbc.execute("drop table if exists " + template);
            // xmin is the 32-bit transaction id; a benchmark's database is far from its wrap-around.
            jdbc.execute("create unlogged table " + template + " as select t.* from " + table + " t"
                    + " where t.xmin::text::bigint > " + (snapshotXid & 0xFFFFFFFFL));
            captured.put(table, template);
            if (table.startsWith("public.") && columns(table).containsKey("id_")) {
                engineIds.addAll(jdbc.queryForList("select id_ from " + template, String.class));
            }
        }
        engineIds.removeIf(id -> id == null || !ENGINE_ID.matcher(id).matches());
        Set<String> keys = new LinkedHashSet<>(engineIds);
        keys.addAll(identities.keySet());
        String[] keyArray = keys.toArray(String[]::new);
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : captured.entrySet()) {
            List<String> textColumns = columns(entry.getKey()).entrySet().stream()
                    .filter(c -> isText(c.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
            if (textColumns.isEmpty()) {
                jdbc.execute("drop table " + entry.getValue());
                continue;
            }
            String belongs = textColumns.stream()
                    .map(c -> "t." + quote(c) + "::text = any(?)")
                    .collect(Collectors.joining(" or "));
            Object[] params = textColumns.stream().map(c -> keyArray).toArray();
            jdbc.update("delete from " + entry.getValue() + " t where not coalesce(" + belongs + ", false)", params);
            Long rows = jdbc.queryForObject("select count(*) from " + entry.getValue(), Long.class);
            if (rows != null && rows > 0) {
                kept.put(entry.getKey(), entry.getValue());
            } else {
                jdbc.execute("drop table " + entry.getValue());
            }
        }
        return new Template(name, kept, engineIds, identities, cycled);
    }

    /** Rows per table of a template, for the log. */
    Map<String, Long> rowsPerTable(Template template) {
        Map<String, Long> rows = new LinkedHashMap<>();
        template.tables()
                .forEach((table, copy) ->
                        rows.put(table, jdbc.queryForObject("select count(*) from " + copy, Long.class)));
        return rows;
    }

    /**
     * Inserts copies {@code from..to} (inclusive) of the template. {@code overrides} maps {@code table.column} or
     * {@code column} to the SQL expression of the copy's value ({@code t} is the template row, {@code g.n} the
     * copy's number).
     */
    void clone(Template template, long from, long to, Map<String, String> overrides) {
        List<String> inserts = prepared.computeIfAbsent(template.name(), name -> inserts(template, overrides));
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement session = connection.createStatement()) {
                if (bulk) {
                    session.execute("set session_replication_role = replica");
                }
                try {
                    for (String insert : inserts) {
                        try (PreparedStatement statement = connection.prepareStatement(insert)) {
                            statement.setLong(1, from);
                            statement.setLong(2, to);
                            statement.executeUpdate();
                        }
                    }
                } finally {
                    session.execute("reset session_replication_role");
                }
            }
            return null;
        });
    }

    /**
     * Readies the tables of {@code templates} for a bulk load: drops their secondary indexes (kept to build again),
     * relaxes the server's durability until {@link #endBulkLoad}. Prints the triggers the load will skip.
     */
    void beginBulkLoad(Iterable<Template> templates) {
        Set<String> targets = new LinkedHashSet<>();
        templates.forEach(template -> targets.addAll(template.tables().keySet()));
        LOAD_SETTINGS.forEach((name, value) -> jdbc.execute("alter system set " + name + " = " + value));
        jdbc.execute("select pg_reload_conf()");
        for (String table : targets) {
            jdbc.query(
                    """
                            select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                            where i.indrelid = ?::regclass
                              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""",
                    rs -> {
                        droppedIndexes.put(rs.getString(1), rs.getString(2));
                    },
                    table);
            jdbc.query(
                    "select tgname from pg_trigger where tgrelid = ?::regclass and not tgisinternal",
                    rs -> {
                        System.out.printf("bulk load skips trigger %s on %s%n", rs.getString(1), table);
                    },
                    table);
        }
        droppedIndexes.keySet().forEach(index -> jdbc.execute("drop index " + index));
        System.out.printf(
                "bulk load: %d secondary indexes of %d tables dropped; fsync, full-page writes, autovacuum off%n",
                droppedIndexes.size(), targets.size());
        bulk = true;
    }

    /** Builds the dropped indexes again (two at a time) and restores the server's settings. */
    void endBulkLoad() throws Exception {
        bulk = false;
        long start = System.nanoTime();
        ExecutorService builders = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> built = new ArrayList<>();
            for (String definition : droppedIndexes.values()) {
                built.add(builders.submit(() -> jdbc.execute((ConnectionCallback<Void>) connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set maintenance_work_mem = '1GB'");
                        statement.execute("set max_parallel_maintenance_workers = 0");
                        statement.execute(definition);
                        statement.execute("reset maintenance_work_mem");
                        statement.execute("reset max_parallel_maintenance_workers");
                    }
                    return null;
                })));
            }
            for (Future<?> index : built) {
                index.get();
            }
        } finally {
            builders.shutdown();
        }
        System.out.printf(
                "bulk load: %d indexes built again in %.1f s%n",
                droppedIndexes.size(), (System.nanoTime() - start) / 1e9);
        droppedIndexes.clear();
        LOAD_SETTINGS.keySet().forEach(name -> jdbc.execute("alter system reset " + name));
        jdbc.execute("select pg_reload_conf()");
        jdbc.execute("checkpoint");
    }

    private List<String> inserts(Template template, Map<String, String> overrides) {
        List<String> inserts = new ArrayList<>();
        for (Map.Entry<String, String> entry : template.tables().entrySet()) {
            String table = entry.getKey();
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, Column> column : columns(table).entrySet()) {
                Column c = column.getValue();
                if (c.generated()) {
                    continue;
                }
                names.add(quote(column.getKey()));
                String override =
                        overrides.getOrDefault(name(table) + "." + column.getKey(), overrides.get(column.getKey()));
                values.add(override != null ? override : expression(entry.getValue(), column.getKey(), c, template));
            }
            inserts.add("insert into " + table + " (" + String.join(", ", names) + ") select "
                    + String.join(", ", values) + " from " + entry.getValue()
                    + " t cross join (select n, lpad(to_hex(n), 12, '0') as hex from generate_series(?::bigint, ?::bigint)"
                    + " as s(n)) as g");
        }
        return inserts;
    }

    /** The SQL expression of a column's value in copy {@code g.n}. */
    private String expression(String copy, String column, Column c, Template template) {
        String ref = "t." + quote(column);
        if (c.array()) {
            List<String> elements = jdbc.queryForList(
                    "select distinct e from " + copy + " t, unnest(" + ref + "::text[]) e where e is not null",
                    String.class);
            String value = ref + "::text[]";
            for (String element : elements) {
                String mapped = template.map(element);
                if (mapped != null) {
                    value = "array_replace(" + value + ", " + literal(element) + ", (" + mapped + ")::text)";
                }
            }
            return value + "::" + c.type();
        }
        if (!isText(c)) {
            return ref;
        }
        List<String> distinct = jdbc.queryForList(
                "select distinct " + ref + " from " + copy + " t where " + ref + " is not null", String.class);
        List<String> mappedValues =
                distinct.stream().filter(v -> template.map(v) != null).toList();
        if (mappedValues.isEmpty()) {
            return ref;
        }
        if (mappedValues.size() == distinct.size() && distinct.stream().allMatch(template.engineIds()::contains)) {
            return Template.renumber(ref);
        }
        StringBuilder value = new StringBuilder("case " + ref);
        for (String v : mappedValues) {
            value.append(" when ").append(literal(v)).append(" then ").append(template.map(v));
        }
        return value.append(" else ").append(ref).append(" end").toString();
    }

    private Map<String, Column> columns(String table) {
        Map<String, Column> columns = new LinkedHashMap<>();
        jdbc.query(
                """
                        select column_name, data_type, udt_name, column_default, is_identity, is_generated
                        from information_schema.columns where table_schema = ? and table_name = ?
                        order by ordinal_position""",
                rs -> {
                    String def = rs.getString(4);
                    boolean generated = "YES".equals(rs.getString(5))
                            || "ALWAYS".equals(rs.getString(6))
                            || (def != null && def.startsWith("nextval("));
                    boolean array = "ARRAY".equals(rs.getString(2));
                    String type = array ? rs.getString(3).substring(1) + "[]" : rs.getString(2);
                    columns.put(rs.getString(1), new Column(type, array, generated));
                },
                table.substring(0, table.indexOf('.')),
                name(table));
        return columns;
    }

    private static boolean isText(Column column) {
        return !column.array()
                && (column.type().equals("character varying") || column.type().equals("text"));
    }

    private static String name(String table) {
        return table.substring(table.indexOf('.') + 1);
    }

    private static String quote(String column) {
        return '"' + column + '"';
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Drops the templates. */
    void dropAll() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    private record Column(String type, boolean array, boolean generated) {}

    /** The rows of one instance, ready to be copied. */
    record Template(
            String name,
            Map<String, String> tables,
            Set<String> engineIds,
            Map<String, String> identities,
            Map<String, String> cycled) {

        /** The SQL expression of {@code value} in copy {@code g.n}, or null when the value is copied as it is. */
        String map(String value) {
            if (engineIds.contains(value)) {
                return "(" + literal(value.substring(0, value.length() - 12)) + " || g.hex)";
            }
            String identity = identities.get(value);
            return identity != null ? identity : cycled.get(value);
        }

        /**
         * The engine id with the copy's number as its last 12 hex digits (the UUID's node field; {@code g.hex} is the
         * number in 12 hex digits, computed once a copy).
         */
        static String renumber(String idExpression) {
            return "(left(" + idExpression + ", -12) || g.hex)";
        }

        /** The id copy {@code n} of a template engine id gets. */
        static String renumbered(String id, long n) {
            String hex = String.format("%012x", n);
            return id.substring(0, id.length() - 12) + hex;
        }
    }
}
