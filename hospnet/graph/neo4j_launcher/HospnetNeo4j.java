/*
 * Runs the Neo4j Community server (CommunityBootstrapper, from the Maven Central jars) with Bolt
 * and, when an HTTP port is given, HTTP with Neo4j Browser (/browser/) and the Query API, all on
 * 127.0.0.1 only, so hospnet can use the real store on a machine without Docker or a Neo4j install.
 *
 * Usage: java -cp <classes>:<neo4j jars> HospnetNeo4j <home dir> <bolt port> [<http port>, 0 = no HTTP]
 * The password is the first line of standard input, so it never shows in the process list nor in
 * the JVM's environment (/proc/PID/environ, which LOAD CSV could once read). Prints "HOSPNET_NEO4J_READY" once Bolt is open; a SIGTERM shuts down
 * (the bootstrapper's own signal handler and shutdown hook).
 */

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.server.CommunityBootstrapper;

public final class HospnetNeo4j {

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: HospnetNeo4j <home dir> <bolt port> [<http port>]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int httpPort = args.length == 3 ? Integer.parseInt(args[2]) : 0;
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.length() < 8) {
            // Neo4j 5 refuses passwords shorter than 8 characters.
            System.err.println("HOSPNET_NEO4J_PASSWORD must be set, at least 8 characters");
            System.exit(2);
        }

        CommunityBootstrapper server = new CommunityBootstrapper();
        int code = server.start(home, config(home, port, httpPort));
        if (code != 0) {
            System.exit(code); // e.g. the port is taken; the Python side shows this log
            return;
        }
        DatabaseManagementService service = server.getDatabaseManagementService();
        // The bootstrapper's SIGTERM handler exits the JVM (its shutdown hook stops Neo4j); wait for that.
        CountDownLatch stopped = new CountDownLatch(1);

        try {
            setPassword(service, password);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1); // runs the shutdown hook; Neo4j's own threads would keep the JVM alive
        }

        System.out.println("HOSPNET_NEO4J_READY bolt://127.0.0.1:" + port
                + (httpPort > 0 ? " http://127.0.0.1:" + httpPort + "/browser/" : ""));
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> config(Path home, int port, int httpPort) {
        Map<String, String> config = new HashMap<>();
        set(config, BoltConnector.enabled, "true");
        set(config, BoltConnector.listen_address, "127.0.0.1:" + port);
        set(config, BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED.name());
        // HTTP serves Neo4j Browser (org.neo4j.client:neo4j-browser on the classpath) and the Query API.
        set(config, HttpConnector.enabled, httpPort > 0 ? "true" : "false");
        if (httpPort > 0) {
            set(config, HttpConnector.listen_address, "127.0.0.1:" + httpPort);
            set(config, HttpConnector.advertised_address, "127.0.0.1:" + httpPort);
        }
        set(config, HttpsConnector.enabled, "false");
        set(config, GraphDatabaseSettings.auth_enabled, "true");
        // LOAD CSV never reads the machine's files (the read-only gate refuses it too), and a
        // transaction cannot take the server's memory: 128 MB each, 512 MB for all at once. What a
        // transaction keeps, the collector copies while it grows: at 256 MB a 10^8-item collect
        // ran into its 3 s time limit on a busy machine with pauses for every other query; at
        // 128 MB it is stopped in about 2 s (64 MB stopped hospnet's own build of the sample).
        set(config, GraphDatabaseSettings.allow_file_urls, "false");
        set(config, GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import").toString());
        set(config, GraphDatabaseSettings.memory_transaction_max_size, String.valueOf(128L * 1024 * 1024));
        set(config, GraphDatabaseSettings.memory_transaction_global_max_size, String.valueOf(512L * 1024 * 1024));
        // No transaction runs over ten minutes (the export's own limit), whatever a client asks;
        // user reads carry HOSPNET_QUERY_TIMEOUT as their own, also enforced by the server.
        set(config, GraphDatabaseSettings.transaction_timeout, "600s");
        // A development store on a shared machine: keep memory small.
        set(config, GraphDatabaseSettings.pagecache_memory, String.valueOf(128L * 1024 * 1024));
        set(config, GraphDatabaseSettings.keep_logical_logs, "2 files");
        set(config, GraphDatabaseSettings.udc_enabled, "false");
        // The defaults wait 5 s twice for idle Bolt threads on shutdown; a stop should be quick.
        set(config, BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, "1s");
        set(config, BoltConnectorInternalSettings.connection_shutdown_wait_time, "1s");
        return config;
    }

    private static void set(Map<String, String> config, Setting<?> setting, String value) {
        config.put(setting.name(), value);
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
