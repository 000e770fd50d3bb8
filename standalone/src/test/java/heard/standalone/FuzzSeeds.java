package heard.standalone;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The seeds a fuzz test runs with, each of which replays one run exactly: its fixed ones (each seed
 * that once found a fault stays as a regression case) and one new at random, printed so that a
 * failure can be replayed. {@code -Dheard.fuzz.seed=N} runs seed N in place of the random one;
 * {@code -Dheard.fuzz.runs=N} runs N random ones, to look for faults.
 */
final class FuzzSeeds {
    private FuzzSeeds() {
    }

    static Stream<Long> with(long... fixed) {
        SecureRandom random = new SecureRandom();
        long[] more = Long.getLong("heard.fuzz.seed") != null ? new long[] {Long.getLong("heard.fuzz.seed")}
                : LongStream.generate(random::nextLong).limit(Integer.getInteger("heard.fuzz.runs", 1)).toArray();
        System.out.printf("Fuzzing with the fixed seeds %s and the seeds %s; replay one with -Dheard.fuzz.seed=<seed>%n",
                Arrays.toString(fixed), Arrays.toString(more));
        return LongStream.concat(LongStream.of(fixed), LongStream.of(more)).distinct().boxed();
    }

    /** Arbitraries draw outside a property only in a session; the values come from the seeded Random all the same. */
    static final class Session implements BeforeEachCallback, AfterEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            JqwikSession.start();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            JqwikSession.finish();
        }
    }

    /** Values of an arbitrary drawn from the run's own Random, not jqwik's, so that its seed decides them all. */
    static final class Draw<T> {
        private final RandomGenerator<T> generator;
        private final Random random;

        Draw(Arbitrary<T> arbitrary, Random random) {
            this.generator = arbitrary.generator(1000, true);
            this.random = random;
        }

        T next() {
            return generator.next(random).value();
        }
    }
}
