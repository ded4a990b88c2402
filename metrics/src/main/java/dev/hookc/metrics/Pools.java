package dev.hookc.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** Binds HikariCP's own pool metrics ({@code hikaricp_connections_*}, by pool) to a registry. */
final class Pools {
  private static final System.Logger LOG = System.getLogger(Pools.class.getName());

  private Pools() {}

  /** Each of {@code dataSources} that is a HikariCP pool, once, even when it has two names. */
  static void bind(MeterRegistry registry, Map<String, DataSource> dataSources) {
    Set<HikariDataSource> bound = Collections.newSetFromMap(new IdentityHashMap<>());
    MicrometerMetricsTrackerFactory trackers = new MicrometerMetricsTrackerFactory(registry);
    dataSources.forEach(
        (name, dataSource) -> {
          HikariDataSource pool = hikari(dataSource);
          if (pool == null || !bound.add(pool)) {
            return;
          }
          try {
            // HikariCP takes a tracker once, even on a running pool.
            pool.setMetricsTrackerFactory(trackers);
          } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "the pool of {0} has metrics of its own already", name);
          }
        });
  }

  private static HikariDataSource hikari(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource pool) {
      return pool;
    }
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class)
          : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
