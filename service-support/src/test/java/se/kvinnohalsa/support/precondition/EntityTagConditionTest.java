package se.kvinnohalsa.support.precondition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kvinnohalsa.support.precondition.EntityTagCondition.EntityTag;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.kvinnohalsa.support.precondition.EntityTagCondition.IF_MATCH;
import static se.kvinnohalsa.support.precondition.EntityTagCondition.IF_NONE_MATCH;

class EntityTagConditionTest {

    private static final EntityTag THREE = EntityTag.strong("3");

    private static EntityTagCondition ifMatch(String value) {
        return EntityTagCondition.parse(IF_MATCH, value).orElseThrow();
    }

    @Test
    void absentOrBlankStatesNoCondition() {
        assertEquals(Optional.empty(), EntityTagCondition.parse(IF_MATCH, null));
        assertEquals(Optional.empty(), EntityTagCondition.parse(IF_MATCH, "  "));
    }

    @Test
    void ifMatchComparesStronglyAWeakTagNeverMatches() {
        assertTrue(ifMatch("\"3\"").matchesStrongly(THREE));
        assertFalse(ifMatch("W/\"3\"").matchesStrongly(THREE), "RFC 9110 13.1.1: If-Match uses strong comparison");
        assertFalse(ifMatch("\"3\"").matchesStrongly(new EntityTag("3", true)), "nor does a weak current tag");
        assertFalse(ifMatch("\"2\"").matchesStrongly(THREE));
        assertTrue(ifMatch("\"1\", W/\"3\" ,\"3\"").matchesStrongly(THREE), "any listed tag");
        assertTrue(ifMatch("*").matchesStrongly(THREE));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        EntityTagCondition condition = EntityTagCondition.parse(IF_NONE_MATCH, "W/\"abc\", \"def\"").orElseThrow();
        assertTrue(condition.matchesWeakly(EntityTag.strong("abc")), "RFC 9110 13.1.2: weak comparison");
        assertTrue(condition.matchesWeakly(EntityTag.strong("def")));
        assertFalse(condition.matchesWeakly(EntityTag.strong("ABC")), "opaque tags are case-sensitive");
        assertTrue(EntityTagCondition.parse(IF_NONE_MATCH, "*").orElseThrow().matchesWeakly(THREE));
    }

    @Test
    void aCommaInsideQuotesBelongsToTheTagAndEmptyElementsAreSkipped() {
        EntityTagCondition condition = ifMatch(" , \"a,b\",, W/\"c\" ,");
        assertEquals(List.of(EntityTag.strong("a,b"), new EntityTag("c", true)), condition.tags());
        assertFalse(condition.any());
        assertEquals("W/\"c\"", condition.tags().get(1).header());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "w/\"3\"", "\"3\" \"4\"", "\"a\"b\"", ",,", "* , \"3\"", "W/", "\"tab\there\""})
    void anythingElseIsMalformedAndNamesTheHeader(String value) {
        MalformedPreconditionException e = assertThrows(MalformedPreconditionException.class,
                () -> EntityTagCondition.parse(IF_MATCH, value));
        assertEquals(IF_MATCH, e.header());
        assertTrue(e.getMessage().contains("If-Match"), e.getMessage());
    }

    @Test
    void tagOfReadsTheServicesOwnETag() {
        assertEquals(THREE, EntityTagCondition.tagOf("\"3\""));
        assertThrows(IllegalArgumentException.class, () -> EntityTagCondition.tagOf("\"1\", \"2\""));
    }
}
