package org.aigaq.documentation.bench;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What another capability adds to {@code bench}, as a bean of the {@code bench} profile: data of its own for the
 * synthetic events (made once, the first time it finds them missing) and the calls it times against their floor.
 */
public interface BenchmarkPart {

    /** Its name for {@code --only}. */
    String name();

    /** The other parts whose data it reads: prepared first, even when only this part is measured. */
    default List<String> needs() {
        return List.of();
    }

    /** Makes its data for the benchmark organisation's events when they have none yet; runs as the documenter. */
    void prepare(long organisationId, Consumer<String> say);

    /** The kinds of calls it times, each with its inputs used in turn. */
    List<Measurement> measurements();

    /** One kind of call: what it is, and the calls with their inputs. */
    record Measurement(String what, List<Supplier<?>> calls) {}
}
