package heard.cycle.second;

import heard.cycle.first.First;

/** Uses a class of the first package, which uses this one: a cycle. */
public class Second {
    public First back() {
        return new First();
    }
}
