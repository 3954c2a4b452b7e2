package dev.lifecycle.demo;

import java.util.List;

/** Every scenario, in the order they run. */
final class Scenarios {
  private Scenarios() {}

  static List<Scenario> all() {
    return List.of(new ChatScenario(), new MailScenario(), new OrmScenario(), new CacheScenario());
  }

  static List<String> names() {
    return all().stream().map(Scenario::name).toList();
  }
}
