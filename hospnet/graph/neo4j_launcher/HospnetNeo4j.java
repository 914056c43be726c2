/*
 * Runs Neo4j Community (embedded, from the Maven Central jars) with a Bolt connector, so hospnet
 * can use the real store on a machine without Docker or a Neo4j install.
 *
 * Usage: java -cp <classes>:<neo4j jars> HospnetNeo4j <home dir> <bolt port>
 * The password is read from the HOSPNET_NEO4J_PASSWORD environment variable, so it never shows
 * in the process list. Prints "HOSPNET_NEO4J_READY" once Bolt is open; a SIGTERM shuts down.
 */

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

public final class HospnetNeo4j {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: HospnetNeo4j <home dir> <bolt port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = System.getenv("HOSPNET_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            // Neo4j 5 refuses passwords shorter than 8 characters.
            System.err.println("HOSPNET_NEO4J_PASSWORD must be set, at least 8 characters");
            System.exit(2);
        }

        DatabaseManagementService service;
        try {
            service = build(home, port);
        } catch (RuntimeException e) {
            e.printStackTrace(); // e.g. the port is taken; the Python side shows this log
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "hospnet-neo4j-shutdown"));

        try {
            setPassword(service, password);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1); // runs the shutdown hook; Neo4j's own threads would keep the JVM alive
        }

        System.out.println("HOSPNET_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementService build(Path home, int port) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // A development store on a shared machine: keep memory small.
                .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // The defaults wait 5 s twice for idle Bolt threads on shutdown; a stop should be quick.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
    }

    /**
     * The embedded security module creates user neo4j/neo4j with a forced change; set the
     * configured password instead, on each start, so a changed setting takes effect.
     */
    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A restart with an unchanged password: nothing to do.
            if (e.getMessage() == null || !e.getMessage().contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}
