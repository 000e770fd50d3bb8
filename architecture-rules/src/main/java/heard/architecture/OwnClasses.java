package heard.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.nio.file.Path;

/**
 * The main classes of the module whose build is running (its {@code target/classes}, the tests' working
 * directory being the module's own), not its tests' nor those of the modules it depends on, which their
 * own builds check.
 */
public final class OwnClasses implements ImportOption {
    private static final String OWN = Path.of("target", "classes").toAbsolutePath().normalize() + "/";

    @Override
    public boolean includes(Location location) {
        URI uri = location.asURI();
        return uri.getPath() != null && uri.getPath().startsWith(OWN);
    }
}
