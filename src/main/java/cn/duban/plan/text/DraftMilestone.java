package cn.duban.plan.text;

import java.time.LocalDate;

/**
 * One dated commitment of a task that states several ("到2023年底，完成…；到2025年，…"): each is due on its own date.
 *
 * @param due  the date the text gives for this commitment
 * @param text the words of the commitment, up to the next full stop or semicolon
 */
public record DraftMilestone(LocalDate due, String text) {}
