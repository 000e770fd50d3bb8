package bench.crud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline Heard is measured against: the same submission request, validated the same way,
 * stored as one row in an H2 file with the same durability setting, and no events.
 */
@SpringBootApplication
public class CrudApplication {
    public static void main(String[] args) {
        SpringApplication.run(CrudApplication.class, args);
    }
}
