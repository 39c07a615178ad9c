package se.kvinnohalsa.gateway.routing;

import io.vertx.core.http.StreamResetException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whose fault a failed exchange is (plain Java). */
class ExchangeFailureTest {

    private static final TimeoutException IDLE = new TimeoutException(
            "The timeout period of 2000ms has been exceeded while executing POST /x for server localhost:1");

    @Test
    void aBodyThatDidNotArriveInTimeIs408AndNotTheServicesFault() {
        ExchangeFailure cut = ExchangeFailure.judge(new StreamResetException(0), true, false, "allocation");
        assertEquals(408, cut.status());
        assertFalse(cut.countsAgainstService());
        ExchangeFailure byTimer = ExchangeFailure.judge(new BodyDeadline.BodyTimeoutException(Duration.ofSeconds(1)),
                false, false, "allocation");
        assertEquals(408, byTimer.status());
        assertFalse(byTimer.countsAgainstService());
    }

    @Test
    void theServiceWaitingForABodyStillBeingSentIsNotItsFault() {
        ExchangeFailure slowSender = ExchangeFailure.judge(IDLE, false, false, "allocation");
        assertEquals(408, slowSender.status());
        assertFalse(slowSender.countsAgainstService());
        ExchangeFailure clientGone = ExchangeFailure.judge(new StreamResetException(0), false, false, "allocation");
        assertEquals(502, clientGone.status());
        assertFalse(clientGone.countsAgainstService());
    }

    @Test
    void theServicesOwnFailuresCount() {
        ExchangeFailure refused = ExchangeFailure.judge(new ConnectException("Connection refused"), false, false,
                "reporting");
        assertEquals(502, refused.status());
        assertTrue(refused.countsAgainstService(), "refused even while the client was still sending");
        assertEquals("The reporting service cannot be reached", refused.detail());
        ExchangeFailure noAnswer = ExchangeFailure.judge(IDLE, false, true, "allocation");
        assertEquals(504, noAnswer.status());
        assertTrue(noAnswer.countsAgainstService());
        ExchangeFailure broken = ExchangeFailure.judge(new IllegalStateException("Connection was closed"), false, true,
                "allocation");
        assertEquals(502, broken.status());
        assertTrue(broken.countsAgainstService());
    }
}
