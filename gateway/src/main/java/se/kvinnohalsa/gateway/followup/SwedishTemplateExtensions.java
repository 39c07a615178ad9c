package se.kvinnohalsa.gateway.followup;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** {@link Swedish} for the HTML template: {@code {sv:kr(amount)}}, {@code {sv:pct(share)}} and so on. */
@TemplateExtension(namespace = "sv")
final class SwedishTemplateExtensions {

    private SwedishTemplateExtensions() {
    }

    static String kr(Long amount) {
        return Swedish.kronor(amount);
    }

    static String pct(Percent percent) {
        return Swedish.percent(percent);
    }

    /** A focus area's share of a region's spending: a dash when nothing went to it. */
    static String share(FollowUpReport.AreaShare share) {
        return share.amountSek() == 0 ? Swedish.NONE : Swedish.percent(share.sharePercent());
    }

    static String value(BigDecimal value) {
        return Swedish.value(value);
    }

    static String change(BigDecimal value) {
        return Swedish.change(value);
    }

    static String target(FollowUpReport.Target target) {
        return Swedish.target(target);
    }

    static String yesNo(Boolean value) {
        return Swedish.yesNo(value);
    }

    static String date(LocalDate date) {
        return Swedish.date(date);
    }

    static String day(Instant time) {
        return Swedish.date(time);
    }

    static String dateTime(Instant time) {
        return Swedish.dateTime(time);
    }

    static String period(String period) {
        return Swedish.period(period);
    }

    static String label(String code) {
        return Swedish.label(code);
    }

    static String source(Source source) {
        return Swedish.source(source);
    }
}
