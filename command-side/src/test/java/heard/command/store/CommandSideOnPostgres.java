package heard.command.store;

import heard.command.CommandSideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side as it runs in production: its own Spring application on PostgreSQL (embedded
 * here). One database per test run, shared by every instance started, as write-side servers that
 * scale out share theirs. The first instance is kept for the whole run; its start is the slow part.
 */
final class CommandSideOnPostgres {
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext first;

    private CommandSideOnPostgres() {
    }

    static synchronized ConfigurableApplicationContext first() {
        if (first == null) {
            first = start("first");
        }
        return first;
    }

    /**
     * Another instance on the same database, closed by its caller. Quartz keeps each scheduler's data source in
     * one registry per JVM, by scheduler name: instances in one JVM must name theirs apart, or one would write its
     * review deadlines through the other's connections. Instances in their own processes share one name.
     */
    static synchronized ConfigurableApplicationContext start(String name, String... settings) {
        // arguments, not default properties: these must win over application.yml. The demo profile, as in
        // docker-compose.yml: the first instance writes the sample initiative, and fails to start if it cannot.
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + database().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                // the store alone: publishing to Kafka is shown by the distributed topology tests
                "--heard.events.publish-to-kafka=false",
                "--spring.quartz.scheduler-name=heard-" + name));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(CommandSideApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static EmbeddedPostgres database() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(CommandSideOnPostgres::stop));
        }
        return postgres;
    }

    private static synchronized void stop() {
        try {
            if (first != null) {
                first.close();
            }
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
