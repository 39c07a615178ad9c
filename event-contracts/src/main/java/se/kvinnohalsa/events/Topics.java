package se.kvinnohalsa.events;

/** Kafka topics of the platform; the key of every record is a region code, or the agreement year where none applies. */
public final class Topics {
    public static final String ALLOCATION_EVENTS = "allocation-events";
    public static final String REPORT_EVENTS = "report-events";
    public static final String INDICATOR_EVENTS = "indicator-events";

    private Topics() {
    }

    /** Where a consumer parks the events it cannot read, with the reason in the record headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
