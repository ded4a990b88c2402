package dev.hookc.runtime.internal.httpclient;

/** What authenticates a datasource's calls: the {@code Authorization} header's value. */
interface Credentials {

  /** No authentication. */
  Credentials NONE = (deadline, operation) -> null;

  /**
   * The header's value for a call that must be made by {@code deadline}; null for none.
   *
   * @throws dev.hookc.runtime.datasource.DatasourceException when a token cannot be had in time
   */
  String authorization(Deadline deadline, String operation);

  /**
   * Tells that the provider answered 401 to {@code authorization}.
   *
   * @return whether a new value may be had, so that the call is worth making once more
   */
  default boolean rejected(String authorization) {
    return false;
  }

  /** The same value for every call: a bearer token, or a user and password. */
  static Credentials fixed(String authorization) {
    return (deadline, operation) -> authorization;
  }
}
