package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * H2 keeps a write delay given on any connection in the file. A data directory once opened with
 * {@code WRITE_DELAY=0} (by a version of the app whose URL had it, or by hand) would make every commit write the
 * file, the read models' too; the app's own URL sets the delay it is built for, whatever the file held.
 */
class WriteDelayTest {
    @Test
    void theAppsUrlGivesH2ItsWriteDelayWhateverTheFileWasOpenedWithBefore(@TempDir Path dataDir) throws SQLException {
        try (Connection before = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/heard;WRITE_DELAY=0", "sa",
                "")) {
            assertThat(writeDelay(before)).isEqualTo("0");
        }

        try (Connection app = DriverManager.getConnection(appUrl().replace("${heard.data-dir}", dataDir.toString()),
                "sa", "")) {
            assertThat(writeDelay(app)).isEqualTo("500");
        }
    }

    private static String appUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject().getProperty("spring.datasource.url");
    }

    private static String writeDelay(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            row.next();
            return row.getString(1);
        }
    }
}
