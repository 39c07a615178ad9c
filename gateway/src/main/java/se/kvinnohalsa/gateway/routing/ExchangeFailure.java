package se.kvinnohalsa.gateway.routing;

import se.kvinnohalsa.gateway.upstream.UpstreamClient;

import java.net.ConnectException;

/**
 * What a failed exchange with a service means: whose fault it was, what the client is told, and whether it counts
 * towards opening the service's circuit breaker. Only the service's own failures count: a refused connection, or no
 * answer after the whole request was sent (an answer with status 5xx counts too, in the proxy). A client that is
 * slow to send its body, stalls or goes away must not take the service away from everyone else.
 */
record ExchangeFailure(int status, String title, String detail, boolean countsAgainstService) {

    /**
     * @param bodyExpired the gateway cut the client off because its body did not arrive in time
     * @param requestWhole the client had sent its whole request when the exchange failed
     */
    static ExchangeFailure judge(Throwable failure, boolean bodyExpired, boolean requestWhole, String service) {
        if (bodyExpired || failure instanceof BodyDeadline.BodyTimeoutException) {
            return new ExchangeFailure(408, "Request Timeout",
                    "The request body was not received whole in time; send it again, without pausing", false);
        }
        if (isConnectFailure(failure)) {
            return new ExchangeFailure(502, "Bad Gateway", "The " + service + " service cannot be reached", true);
        }
        boolean timeout = UpstreamClient.isTimeout(failure);
        if (!requestWhole) {
            // Still receiving the client's body: the service was waiting for it, not failing.
            return timeout
                    ? new ExchangeFailure(408, "Request Timeout",
                            "The request body was not received whole in time; send it again, without pausing", false)
                    : new ExchangeFailure(502, "Bad Gateway",
                            "The exchange with the " + service + " service broke off before the request was sent whole",
                            false);
        }
        return timeout
                ? new ExchangeFailure(504, "Gateway Timeout", "The " + service + " service did not answer in time",
                        true)
                : new ExchangeFailure(502, "Bad Gateway", "The " + service + " service cannot be reached", true);
    }

    private static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Refused, or not accepted in time (netty's ConnectTimeoutException is a ConnectException too).
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
