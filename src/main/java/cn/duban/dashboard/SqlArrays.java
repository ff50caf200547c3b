package cn.duban.dashboard;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL's {@code varchar[]} columns of the read model (unit ids) as lists. */
final class SqlArrays {

    private SqlArrays() {}

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
