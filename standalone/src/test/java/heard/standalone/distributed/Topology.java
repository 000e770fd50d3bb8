package heard.standalone.distributed;

import heard.command.CommandSideApplication;
import heard.events.topic.EventsTopic;
import heard.query.QuerySideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The distributed topology in this JVM: one embedded PostgreSQL and one embedded KRaft broker for
 * the whole test run; each test class gets a database (shared by both sides, as by default) and a
 * topic of its own. Each side runs as its own Spring application with its own settings file.
 */
final class Topology {
    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;

    private final String database;
    private final String topic;

    private Topology(String database, String topic) {
        this.database = database;
        this.topic = topic;
    }

    /** A fresh database; the topic is made by whichever side starts first. */
    static Topology fresh(String database, String topic) {
        startShared();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Topology(database, topic);
    }

    private static synchronized void startShared() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        // the sides must make the topic themselves, as they would against a real broker
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.destroy();
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is ending
            }
        }));
    }

    /** Makes the topic with one partition before any side starts, as sides made it before it could have more. */
    Topology withTopicOfOnePartition() {
        new EventsTopic(topic, 1).ensureExists(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()));
        return this;
    }

    /** A record on the topic: its key and the simple name of its event's class. */
    record Sent(String key, String event) {
    }

    /** The partitions of the topic, each with its records in the order of their offsets. */
    Map<Integer, List<Sent>> recordsByPartition() {
        Map<Integer, List<Sent>> keys = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            partitions.forEach(partition -> keys.put(partition.partition(), new ArrayList<>()));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(record -> keys.get(record.partition()).add(new Sent(record.key(), event(record))));
            }
        }
        return keys;
    }

    private static String event(ConsumerRecord<String, byte[]> record) {
        String type = new String(record.headers().lastHeader("axon-message-type").value(), StandardCharsets.UTF_8);
        return type.substring(type.lastIndexOf('.') + 1);
    }

    String brokers() {
        return kafka.getBrokersAsString();
    }

    String topic() {
        return topic;
    }

    DataSource dataSource() {
        return postgres.getDatabase("postgres", database);
    }

    /** A relay to this database that a test may cut, as the connections of a killed instance are cut. */
    Severable severableDatabase() {
        return new Severable("localhost", postgres.getPort());
    }

    /** Settings that make a side reach the database through the relay, and give up on it quickly once cut. */
    String[] through(Severable relay) {
        return new String[] {
                "--spring.datasource.url=jdbc:postgresql://localhost:" + relay.port() + "/" + database,
                "--spring.datasource.hikari.connection-timeout=2000"};
    }

    /**
     * Quartz keeps its job stores' connections in one registry per JVM, by scheduler name: a command side
     * under the default name would take over the store of any other app in this JVM, and close it.
     */
    ConfigurableApplicationContext commandSide(String... settings) {
        List<String> all = new ArrayList<>(List.of("--spring.quartz.scheduler-name=command-side-" + UUID.randomUUID()));
        all.addAll(List.of(settings));
        return start(CommandSideApplication.class, List.of(), all.toArray(String[]::new));
    }

    ConfigurableApplicationContext querySide(String... settings) {
        return querySide(List.of(), settings);
    }

    ConfigurableApplicationContext querySide(List<Class<?>> extra, String... settings) {
        return start(QuerySideApplication.class, extra, settings);
    }

    /** Closes each side that was started, in the order given. */
    static void close(ConfigurableApplicationContext... sides) {
        for (ConfigurableApplicationContext side : sides) {
            if (side != null) {
                side.close();
            }
        }
    }

    static int port(ConfigurableApplicationContext side) {
        return ((WebServerApplicationContext) side).getWebServer().getPort();
    }

    /** A setting given here replaces the default of the same name. */
    private ConfigurableApplicationContext start(Class<?> side, List<Class<?>> extra, String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.config.location=" + ownSettings(side), "--server.port=0"));
        args.addAll(sideSettings());
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            args.removeIf(arg -> arg.substring(0, arg.indexOf('=') + 1).equals(name));
            args.add(setting);
        }
        List<Class<?>> sources = new ArrayList<>(List.of(side));
        sources.addAll(extra);
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    /** What every side on this topology is started with, in this JVM or as a process of its own. */
    List<String> sideSettings() {
        return List.of(
                "--spring.profiles.active=demo",
                "--heard.demo-data=false",
                // the tests submit from one address far faster than a person would
                "--heard.rate-limit.submissions.capacity=100000",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--axon.kafka.bootstrap-servers=" + brokers(),
                "--axon.kafka.default-topic=" + topic);
    }

    /** The folder (or jar) holding the side's application.yml, which this module's own would hide. */
    private static String ownSettings(Class<?> side) {
        URL location = side.getProtectionDomain().getCodeSource().getLocation();
        String url = location.toString();
        return url.endsWith(".jar") ? "jar:" + url + "!/" : url;
    }
}
