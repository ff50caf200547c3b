package cn.duban.plan.text;

/** A unit as a plan's text names it for a task, and the role the text gives it. */
public record UnitMention(String name, UnitRole role) {}
