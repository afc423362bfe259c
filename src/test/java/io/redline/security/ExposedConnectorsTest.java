package io.redline.security;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExposedConnectorsTest {
    @Test
    void dropwizardsDefaultsListenOnAllInterfaces() {
        assertThat(ExposedConnectors.of(new DefaultServerFactory())).containsExactly(
                "server.applicationConnectors[0] (port 8080, all interfaces)",
                "server.adminConnectors[0] (port 8081, all interfaces)");
        assertThat(ExposedConnectors.of(new SimpleServerFactory()))
                .containsExactly("server.connector (port 8080, all interfaces)");
    }

    @Test
    void loopbackConnectorsAreNotExposed() {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(http("127.0.0.1", 8080), http("localhost", 8443)));
        server.setAdminConnectors(List.of(http("::1", 8081)));
        assertThat(ExposedConnectors.of(server)).isEmpty();
    }

    @Test
    void eachExposedConnectorIsNamedByItsPlace() {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(http("127.0.0.1", 8080), http("10.1.2.3", 8443)));
        server.setAdminConnectors(List.of(http("0.0.0.0", 8081)));
        assertThat(ExposedConnectors.of(server)).containsExactly(
                "server.applicationConnectors[1] (port 8443, bindHost 10.1.2.3)",
                "server.adminConnectors[0] (port 8081, bindHost 0.0.0.0)");
    }

    private static ConnectorFactory http(String host, int port) {
        HttpConnectorFactory http = new HttpConnectorFactory();
        http.setBindHost(host);
        http.setPort(port);
        return http;
    }
}
