package heard.command.ratelimit;

import io.github.bucket4j.Bucket;

/** Where the token bucket of each client is kept. */
interface Buckets {
    Bucket of(String client);
}
