package io.timeledger.core.common;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Housekeeping done once per cluster, not once per node: each node calls {@link #runIfDue} on its
 * own schedule, and in each period only the first to call runs the task (V39). A node that is
 * stopped simply stops offering; the next period's first caller on another node takes over.
 */
@Service
public class ClusterTasks {

    private final ClusterTaskRepository repository;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    ClusterTasks(ClusterTaskRepository repository) {
        this.repository = repository;
    }

    /** Runs {@code task} here if no node ran {@code name} within {@code every}; answers whether it ran. */
    public boolean runIfDue(String name, Duration every, Runnable task) {
        if (!repository.take(name, node, every)) {
            return false;
        }
        task.run();
        return true;
    }
}
