package se.kvinnohalsa.reporting.report;

/** Who an activity is for (shared/API.md); an unknown code is a 400 naming the field. */
public enum TargetGroup {
    NO_SPECIFIC_GROUP, PREGNANT, NEW_MOTHERS, PARTNERS_FAMILIES, YOUNG_PEOPLE, BORN_ABROAD, SEXUAL_VIOLENCE_FGM, STAFF
}
