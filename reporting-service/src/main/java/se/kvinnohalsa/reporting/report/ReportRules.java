package se.kvinnohalsa.reporting.report;

import se.kvinnohalsa.support.money.Kronor;
import se.kvinnohalsa.support.problem.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a report beyond its shape, every broken rule reported at once. {@link #checkDraft} holds for every
 * saved draft; {@link #checkSubmission} adds completeness and checks everything again, because the agreement's focus
 * areas may have changed since the draft was saved.
 */
public final class ReportRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportRules() {
    }

    /** Rules of any draft: focus areas of the agreement year, no duplicates, a sensible period and total. */
    public static List<FieldError> checkDraft(ReportRequest report, Collection<String> focusAreas) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = Set.copyOf(focusAreas);
        ReportRequest.Spending spending = report.spending();
        if (spending != null && spending.lines() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < spending.lines().size(); i++) {
                ReportRequest.Line line = spending.lines().get(i);
                String field = "spending.lines[" + i + "]";
                if (line.focusArea() != null) {
                    if (!known.contains(line.focusArea())) {
                        errors.add(new FieldError(field + ".focusArea", unknown(line.focusArea(), known)));
                    } else if (!seen.add(line.focusArea())) {
                        errors.add(new FieldError(field + ".focusArea",
                                "focus area " + line.focusArea() + " is listed twice"));
                    }
                }
                if (line.amountSek() != null && !Kronor.withinBounds(line.amountSek())) {
                    errors.add(new FieldError(field + ".amountSek", Kronor.boundRule()));
                }
            }
            // Exact, whatever the amounts: a sum that wrapped around could pass for one below the total.
            BigInteger linesSum = Kronor
                    .exactSum(spending.lines().stream().map(ReportRequest.Line::amountSek).toList());
            if (spending.totalSek() != null && !Kronor.withinBounds(spending.totalSek())) {
                errors.add(new FieldError("spending.totalSek", Kronor.boundRule()));
            } else if (spending.totalSek() != null && BigInteger.valueOf(spending.totalSek()).compareTo(linesSum) < 0) {
                errors.add(new FieldError("spending.totalSek", "the total " + spending.totalSek()
                        + " SEK is less than the lines' sum " + linesSum + " SEK"));
            }
        }
        if (report.activities() != null) {
            for (int i = 0; i < report.activities().size(); i++) {
                ReportRequest.Activity activity = report.activities().get(i);
                if (activity == null) {
                    continue;
                }
                String field = "activities[" + i + "]";
                if (activity.focusAreas() != null) {
                    Set<String> seen = new HashSet<>();
                    for (int j = 0; j < activity.focusAreas().size(); j++) {
                        String code = activity.focusAreas().get(j);
                        if (code == null) {
                            continue;
                        }
                        if (!known.contains(code)) {
                            errors.add(new FieldError(field + ".focusAreas[" + j + "]", unknown(code, known)));
                        } else if (!seen.add(code)) {
                            errors.add(new FieldError(field + ".focusAreas[" + j + "]",
                                    "focus area " + code + " is listed twice"));
                        }
                    }
                }
                if (activity.targetGroups() != null) {
                    Set<TargetGroup> seen = new HashSet<>();
                    for (int j = 0; j < activity.targetGroups().size(); j++) {
                        TargetGroup group = activity.targetGroups().get(j);
                        if (group != null && !seen.add(group)) {
                            errors.add(new FieldError(field + ".targetGroups[" + j + "]",
                                    "target group " + group + " is listed twice"));
                        }
                    }
                }
            }
        }
        ReportRequest.WorkforcePlan plan = report.workforcePlan();
        if (plan != null && plan.periodFrom() != null && plan.periodTo() != null
                && plan.periodFrom() > plan.periodTo()) {
            errors.add(new FieldError("workforcePlan.periodTo", "the period ends (" + plan.periodTo()
                    + ") before it starts (" + plan.periodFrom() + ")"));
        }
        ReportRequest.Postpartum postpartum = report.postpartum();
        if (postpartum != null && postpartum.visitSharePercent() != null
                && (postpartum.visitSharePercent().signum() < 0
                        || postpartum.visitSharePercent().compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError("postpartum.visitSharePercent", "a share between 0 and 100, got "
                    + postpartum.visitSharePercent().toPlainString()));
        }
        return errors;
    }

    /** Everything a report needs before the board gets it: every missing or invalid part. */
    public static List<FieldError> checkSubmission(ReportRequest report, Collection<String> focusAreas) {
        List<FieldError> errors = new ArrayList<>(checkDraft(report, focusAreas));
        ReportRequest.Spending spending = report.spending();
        boolean lines = spending != null && spending.lines() != null && !spending.lines().isEmpty();
        boolean reason = spending != null && !blank(spending.notSplitReason());
        if (!lines && !reason) {
            errors.add(new FieldError("spending",
                    "spending per focus area, or a notSplitReason saying why it cannot be split"));
        }
        if (report.activities() == null || report.activities().isEmpty()) {
            errors.add(new FieldError("activities", "at least one activity"));
        } else {
            for (int i = 0; i < report.activities().size(); i++) {
                ReportRequest.Activity activity = report.activities().get(i);
                String field = "activities[" + i + "]";
                if (activity == null) {
                    errors.add(new FieldError(field, "an activity, not null"));
                    continue;
                }
                if (blank(activity.title())) {
                    errors.add(new FieldError(field + ".title", "a title"));
                }
                if (activity.focusAreas() == null || activity.focusAreas().isEmpty()) {
                    errors.add(new FieldError(field + ".focusAreas", "at least one focus area"));
                }
                if (activity.targetGroups() == null || activity.targetGroups().isEmpty()) {
                    errors.add(new FieldError(field + ".targetGroups",
                            "at least one target group (NO_SPECIFIC_GROUP if none)"));
                }
            }
        }
        ReportRequest.SituationAnalysis analysis = report.situationAnalysis();
        if (analysis == null) {
            errors.add(new FieldError("situationAnalysis",
                    "a situation analysis (results, contributingFactors, challenges, supportNeeds)"));
        } else {
            requireText(errors, "situationAnalysis.results", analysis.results());
            requireText(errors, "situationAnalysis.contributingFactors", analysis.contributingFactors());
            requireText(errors, "situationAnalysis.challenges", analysis.challenges());
            requireText(errors, "situationAnalysis.supportNeeds", analysis.supportNeeds());
        }
        ReportRequest.WorkforcePlan plan = report.workforcePlan();
        if (plan == null) {
            errors.add(new FieldError("workforcePlan",
                    "a workforce plan (kompetensförsörjningsplan): periodFrom, periodTo, professions"));
        } else {
            if (plan.periodFrom() == null) {
                errors.add(new FieldError("workforcePlan.periodFrom", "the first year of the plan"));
            }
            if (plan.periodTo() == null) {
                errors.add(new FieldError("workforcePlan.periodTo", "the last year of the plan"));
            }
            if (plan.professions() == null || plan.professions().isEmpty()) {
                errors.add(new FieldError("workforcePlan.professions", "at least one profession (midwives always)"));
            }
        }
        ReportRequest.Postpartum postpartum = report.postpartum();
        if (postpartum == null) {
            errors.add(new FieldError("postpartum", "postpartum figures: referralPathsPhysical, referralPathsMental"));
        } else {
            requireText(errors, "postpartum.referralPathsPhysical", postpartum.referralPathsPhysical());
            requireText(errors, "postpartum.referralPathsMental", postpartum.referralPathsMental());
        }
        return errors;
    }

    /** Whether the report has a workforce plan worth the name: the condition that goes with the money. */
    public static boolean hasWorkforcePlan(ReportRequest report) {
        ReportRequest.WorkforcePlan plan = report.workforcePlan();
        return plan != null && plan.periodFrom() != null && plan.periodTo() != null
                && plan.professions() != null && !plan.professions().isEmpty();
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (blank(value)) {
            errors.add(new FieldError(field, "must not be empty"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String unknown(String code, Set<String> known) {
        return "focus area " + code + " is not one of the agreement year's: " + known.stream().sorted().toList();
    }
}
