package dev.hookc.runtime.datasource;

/** Work that runs in one transaction of a {@link JdbcDatasource}. */
@FunctionalInterface
public interface TransactionWork<T> {

  /** Does the work; whatever it throws rolls the transaction back. */
  T run() throws Exception;
}
