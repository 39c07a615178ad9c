package se.kvinnohalsa.gateway.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientCapsTest {

    @Test
    void aClientGetsItsShareAndNoMore() {
        ClientCaps caps = new ClientCaps(2, 10);
        assertEquals(ClientCaps.Admission.OPEN, caps.tryOpen("ip:10.0.0.1"));
        assertEquals(ClientCaps.Admission.OPEN, caps.tryOpen("ip:10.0.0.1"));
        assertEquals(ClientCaps.Admission.CLIENT_FULL, caps.tryOpen("ip:10.0.0.1"));
        assertEquals(ClientCaps.Admission.OPEN, caps.tryOpen("ip:10.0.0.2"), "another client is not affected");
        assertEquals(3, caps.open(), "a refused stream is not counted");
        caps.close("ip:10.0.0.1");
        assertEquals(ClientCaps.Admission.OPEN, caps.tryOpen("ip:10.0.0.1"), "room again after one closed");
    }

    @Test
    void theServerCapHoldsWhateverTheClients() {
        ClientCaps caps = new ClientCaps(5, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(ClientCaps.Admission.OPEN, caps.tryOpen("sub:user-" + i));
        }
        assertEquals(ClientCaps.Admission.SERVER_FULL, caps.tryOpen("sub:user-9"));
        assertEquals(3, caps.open());
        caps.close("sub:user-0");
        assertEquals(ClientCaps.Admission.OPEN, caps.tryOpen("sub:user-9"));
    }

    @Test
    void aClientWithNothingOpenIsForgotten() {
        ClientCaps caps = new ClientCaps(1, 10);
        caps.tryOpen("sub:a");
        caps.close("sub:a");
        assertEquals(0, caps.open("sub:a"));
        assertEquals(0, caps.open());
    }
}
