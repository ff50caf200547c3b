package cn.duban.dashboard;

/** A unit as the dashboard names it. */
record UnitRef(String id, String name) {}
