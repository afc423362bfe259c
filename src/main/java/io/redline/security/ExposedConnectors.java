package io.redline.security;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The connectors of a server configuration that listen beyond this machine, each described by its place in
 * config.yml. Example: with {@code applicationConnectors: [{type: http, port: 8080}]} (no bindHost) the answer
 * is {@code ["server.applicationConnectors[0] (port 8080, all interfaces)"]}; with {@code bindHost: 127.0.0.1}
 * it is empty.
 */
public final class ExposedConnectors {
    private ExposedConnectors() {
    }

    public static List<String> of(ServerFactory server) {
        List<String> exposed = new ArrayList<>();
        if (server instanceof DefaultServerFactory d) {
            add(exposed, "server.applicationConnectors", d.getApplicationConnectors());
            add(exposed, "server.adminConnectors", d.getAdminConnectors());
        } else if (server instanceof SimpleServerFactory s) {
            add(exposed, "server.connector", List.of(s.getConnector()), false);
        } else {
            exposed.add("server (type " + server.getClass().getSimpleName() + ": where it listens is unknown)");
        }
        return exposed;
    }

    private static void add(List<String> exposed, String place, List<ConnectorFactory> connectors) {
        add(exposed, place, connectors, true);
    }

    private static void add(List<String> exposed, String place, List<ConnectorFactory> connectors, boolean indexed) {
        for (int i = 0; i < connectors.size(); i++) {
            String name = indexed ? place + "[" + i + "]" : place;
            if (connectors.get(i) instanceof HttpConnectorFactory http) {
                String host = http.getBindHost();
                if (!Loopback.isLoopback(host)) {
                    exposed.add(name + " (port " + http.getPort() + ", "
                            + (host == null || host.isBlank() ? "all interfaces" : "bindHost " + host) + ")");
                }
            } else {
                exposed.add(name + " (type " + connectors.get(i).getClass().getSimpleName()
                        + ": where it listens is unknown)");
            }
        }
    }
}
