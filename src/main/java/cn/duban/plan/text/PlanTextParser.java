package cn.duban.plan.text;

/** Reads the text of a government work plan into a {@link DraftPlan}. Pure: no database, no engine. */
public final class PlanTextParser {

    /**
     * @param text the plan's text as published (a .txt file, or the text of a .docx)
     * @throws PlanTextException when the text holds no recognisable task, with a Chinese message
     */
    public DraftPlan parse(String text) {
        throw new UnsupportedOperationException("to be written");
    }
}
