package dev.lifecycle.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The key=value settings a child run gets on its command line; all plain numbers and names. */
final class Settings {
  private final Map<String, String> values = new LinkedHashMap<>();

  static Settings parse(List<String> args) {
    Settings s = new Settings();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("setting is not key=value: " + arg);
      }
      s.values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return s;
  }

  Settings put(String key, Object value) {
    values.put(key, String.valueOf(value));
    return this;
  }

  String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing setting: " + key);
    }
    return v;
  }

  long getLong(String key) {
    return Long.parseLong(get(key));
  }

  int getInt(String key) {
    return Integer.parseInt(get(key));
  }

  List<String> toArgs() {
    List<String> args = new ArrayList<>();
    values.forEach((k, v) -> args.add(k + "=" + v));
    return args;
  }
}
