package io.timeledger.api.harvest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.core.common.Invalid;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** An account's administrator cannot make the server read its own network through an import. */
class HarvestApiReaderTests {

    @Test
    void loopbackAndPrivateAddressesAreRefusedUnlessTheOperatorAllowsThem() {
        for (var address : new String[] {"http://localhost:8080", "http://127.0.0.1", "http://10.0.0.5",
            "http://192.168.1.1", "http://169.254.169.254/latest", "http://[::1]:9000", "http://0.0.0.0"}) {
            assertThatThrownBy(() -> HarvestApiReader.requireReachable(URI.create(address), false))
                .as(address).isInstanceOf(Invalid.class).hasMessageContaining("own network");
        }
        assertThatCode(() -> HarvestApiReader.requireReachable(URI.create("http://localhost:8080"), true))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> HarvestApiReader.requireReachable(URI.create("mailto:someone"), false))
            .isInstanceOf(Invalid.class).hasMessageContaining("is not an address");
    }
}
