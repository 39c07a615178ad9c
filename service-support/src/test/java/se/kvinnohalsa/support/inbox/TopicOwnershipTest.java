package se.kvinnohalsa.support.inbox;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.Topics;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicOwnershipTest {

    @Test
    void theOwnersEventsPass() {
        assertEquals(Optional.empty(), TopicOwnership.refusal(Topics.ALLOCATION_EVENTS, "/allocation-service"));
        assertEquals(Optional.empty(), TopicOwnership.refusal(Topics.REPORT_EVENTS, "/reporting-service"));
        assertEquals(Optional.empty(), TopicOwnership.refusal(Topics.INDICATOR_EVENTS, "/indicators-service"));
    }

    @Test
    void anyOtherSourceIsRefusedWithTheReason() {
        Optional<String> reason = TopicOwnership.refusal(Topics.ALLOCATION_EVENTS, "/reporting-service");
        assertEquals(Optional.of("source /reporting-service may not publish to allocation-events: only "
                + "/allocation-service does"), reason);
        assertTrue(TopicOwnership.refusal(Topics.REPORT_EVENTS, "/gateway").isPresent());
        assertTrue(TopicOwnership.refusal(Topics.REPORT_EVENTS, "/reporting-service/").isPresent(), "exact match");
        assertTrue(TopicOwnership.refusal(Topics.REPORT_EVENTS, null).isPresent(), "no source is no owner");
    }

    @Test
    void topicsThatAreNotOursAreNotJudged() {
        assertEquals(Optional.empty(), TopicOwnership.refusal("some-test-topic", "/anyone"));
        assertEquals(Optional.empty(), TopicOwnership.refusal(null, "/anyone"));
    }
}
