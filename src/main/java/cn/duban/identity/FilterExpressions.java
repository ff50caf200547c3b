package cn.duban.identity;

import java.util.Set;

/**
 * The only expressions the engine ever evaluates in a task query: those of the ready Tasklist filters, which the
 * system stores. A query a person sends carries none (the engine guard refuses it), and a filter that anyone but an
 * administrator stores carries none either.
 */
public final class FilterExpressions {

    public static final String CURRENT_USER = "${currentUser()}";
    public static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
    public static final String NOW = "${now()}";
    public static final String IN_FIVE_DAYS = "${dateTime().plusDays(5).toDate()}";

    /** Exactly these texts, nothing built around them. */
    public static final Set<String> STORED_FILTERS_MAY_USE =
            Set.of(CURRENT_USER, CURRENT_USER_GROUPS, NOW, IN_FIVE_DAYS);

    private FilterExpressions() {}
}
