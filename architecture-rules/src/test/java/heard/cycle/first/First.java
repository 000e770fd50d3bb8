package heard.cycle.first;

import heard.cycle.second.Second;

/** Uses a class of the second package, which uses this one: a cycle. */
public class First {
    public Second next() {
        return new Second();
    }
}
