package heard.cycle.second;

/** Uses nothing of Heard's. */
public class Leaf {
}
