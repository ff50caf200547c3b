package cn.duban.assessment;

/** The names of the annual-assessment process (processes/annual-assessment.bpmn). */
final class AnnualAssessmentProcess {

    static final String KEY = "annual-assessment";
    static final String YEAR = "year";
    static final String YEAR_ENDS_AT = "yearEndsAt";
    static final String PUBLISHED_BY = "publishedBy";
    static final String MSG_CLOSE_YEAR = "Msg_CloseAssessmentYear";
    static final String MSG_PUBLISH_RANKING = "Msg_PublishRanking";

    private AnnualAssessmentProcess() {}

    static String businessKey(int year) {
        return "assessment-" + year;
    }
}
