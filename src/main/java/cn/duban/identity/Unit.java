package cn.duban.identity;

/** A body that a plan can name: department, county, park, collective or internal office. Its id is a group id. */
public record Unit(String id, String name, String kind) {}
