package bench.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The distributed topology as docs/operations.md "Without Docker" runs it: an embedded
 * PostgreSQL and an embedded KRaft broker in this harness, the command-side jar and the query-side
 * jar as their own processes on them. Writes go to the command side; the lag ends when the query
 * side shows the receipt and the dashboard. No lag at an overload here: the query side, on the same
 * two cores as everything else, only showed the queue it had built.
 */
final class Distributed {
    /**
     * The lags on a quiet topology, at 100/s and at 70 % of the writes the command side accepted in the closed
     * loop.
     */
    record Result(ClosedLoop.Throughput writes, double catchUpSeconds, LagProbe.Lag lagQuiet, LagProbe.Lag lagAt100,
                  LagProbe.Lag lagAt70pct) {
    }

    private Distributed() {
    }

    static Result run(Settings settings, int commandPort, int queryPort) throws Exception {
        Log.line("distributed: starting the embedded PostgreSQL and KRaft broker");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
            // the sides make the topic themselves, as against a real broker
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.afterPropertiesSet();
            try {
                List<String> shared = List.of(
                        "--spring.profiles.active=demo",
                        "--heard.demo-data=false",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--axon.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "--heard.web.pages-url=http://localhost:" + queryPort,
                        "--heard.web.command-url=http://localhost:" + commandPort,
                        "--heard.rate-limit.submissions.capacity=1000000000",
                        "--heard.rate-limit.submissions.refill-per-minute=1000000000");
                List<String> commandArgs = new ArrayList<>(shared);
                commandArgs.add("--heard.data-dir=" + settings.work().resolve("command-side-data"));
                List<String> queryArgs = new ArrayList<>(shared);
                queryArgs.add("--heard.data-dir=" + settings.work().resolve("query-side-data"));
                try (AppProcess command = AppProcess.start("command-side", settings, settings.commandSideJar(),
                        commandPort, List.of(), commandArgs);
                     AppProcess query = AppProcess.start("query-side", settings, settings.querySideJar(), queryPort,
                             List.of(), queryArgs)) {
                    String initiative = Bench.launchInitiative(command.url(), "Distributed run");
                    Bench.awaitVisible(query.url() + "/api/initiatives/" + initiative);
                    String submit = command.url() + "/api/initiatives/" + initiative + "/feedback";
                    Log.line("distributed: " + settings.clients() + " clients on the command side");
                    ClosedLoop.Throughput writes = ClosedLoop.run(submit, Submissions::feedback, settings.clients(),
                            settings.distributedWarmupSeconds(), settings.measureSeconds(), command.pid());
                    double catchUp = Bench.awaitCaughtUp(submit, query.url() + "/api/receipts/me");
                    Log.line("distributed: the query side caught up " + catchUp + " s after the writes");
                    LagProbe.Lag quiet = Bench.lag("distributed", command.url(), query.url(), submit,
                            Bench.QUIET_RATE, settings);
                    LagProbe.Lag[] lags = Bench.steadyLags("distributed", command.url(), query.url(), submit,
                            writes, settings);
                    return new Result(writes, catchUp, quiet, lags[0], lags[1]);
                }
            } finally {
                kafka.destroy();
            }
        }
    }
}
