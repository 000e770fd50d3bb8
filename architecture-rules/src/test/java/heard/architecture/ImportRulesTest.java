package heard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import rules every module's build checks (the project's {@code checkstyle.xml}, run by the Checkstyle
 * plugin in {@code mvn -B verify}): they pass tidy imports and refuse unused, out-of-order and misplaced
 * static ones.
 */
class ImportRulesTest {
    private static final Path RULES = Path.of("..", "checkstyle.xml");

    @TempDir
    Path sources;

    private List<String> violations(String sample) throws Exception {
        Path source = sources.resolve(sample + ".java");
        try (var text = ImportRulesTest.class.getResourceAsStream("/imports/" + sample + ".java.txt")) {
            Files.write(source, text.readAllBytes());
        }
        Checker checker = new Checker();
        checker.setModuleClassLoader(Checker.class.getClassLoader());
        checker.configure(ConfigurationLoader.loadConfiguration(RULES.toString(),
                new PropertiesExpander(new Properties())));
        List<String> found = new ArrayList<>();
        checker.addListener(new Collecting(found));
        try {
            checker.process(List.of(new File(source.toString())));
        } finally {
            checker.destroy();
        }
        return found;
    }

    @Test
    void tidyImportsPass() throws Exception {
        assertThat(violations("Tidy")).isEmpty();
    }

    @Test
    void anUnusedImportAndImportsOutOfOrderFailTheBuild() throws Exception {
        assertThat(violations("Untidy")).anyMatch(v -> v.startsWith("UnusedImports") && v.contains("java.util.Map"))
                .anyMatch(v -> v.startsWith("CustomImportOrder") && v.contains("java.time.Duration"))
                .anyMatch(v -> v.startsWith("CustomImportOrder") && v.contains("requireNonNull"));
    }

    private record Collecting(List<String> found) implements AuditListener {
        @Override
        public void addError(AuditEvent event) {
            found.add(event.getSourceName().replaceAll(".*\\.", "").replace("Check", "") + ": " + event.getMessage());
        }

        @Override
        public void addException(AuditEvent event, Throwable throwable) {
            found.add("exception: " + throwable);
        }

        @Override
        public void auditStarted(AuditEvent event) {
        }

        @Override
        public void auditFinished(AuditEvent event) {
        }

        @Override
        public void fileStarted(AuditEvent event) {
        }

        @Override
        public void fileFinished(AuditEvent event) {
        }
    }
}
